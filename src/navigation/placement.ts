// Which pages of the tree cannot be placed: cycles, pages deeper than the handbook allows, and titles that repeat an
// ancestor's. Each is reported once, and every page below it leaves the navigation with it.
import { compareStrings, displayPath } from "../shared/diagnostics.ts";
import { NAV_DEPTH_LIMIT, type NavPage, type NavReport } from "./types.ts";

/** Cycles: walks up from each page; a page met twice on one walk closes a cycle, reported once at its first file. */
export function findCycles(navPages: readonly NavPage[], report: NavReport, failed: Set<NavPage>): void {
  const state = new Map<NavPage, "walking" | "done">();
  for (const start of navPages) {
    const path: NavPage[] = [];
    let p: NavPage | undefined = start;
    while (p && !state.has(p)) {
      state.set(p, "walking");
      path.push(p);
      p = p.parent;
    }
    if (p && state.get(p) === "walking") {
      const cycle = path.slice(path.indexOf(p));
      const first = [...cycle].sort((a, b) => compareStrings(a.source.file, b.source.file))[0]!;
      const loop = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first)), first];
      report(
        first.source,
        "parent",
        `parent "${first.parent!.title}" makes a cycle: ${loop.map((c) => `"${c.title}"`).join(" → ")}; one of these pages needs another parent`,
        "cycle",
      );
      for (const c of cycle) failed.add(c);
    }
    for (const q of path) state.set(q, "done");
  }
}

/** Whether a page is in the tree: a page whose chain reaches a failed page is left out with it (the cause is reported once). */
export class Placement {
  private readonly known = new Map<NavPage, boolean>();
  constructor(private readonly failed: ReadonlySet<NavPage>) {}

  /** Whether neither the page nor any page above it failed; walks up iteratively, remembering each answer. */
  placed(page: NavPage): boolean {
    const path: NavPage[] = [];
    let ok = true;
    for (let p: NavPage | undefined = page; p; p = p.parent) {
      const known = this.known.get(p);
      if (known !== undefined) {
        ok = known;
        break;
      }
      path.push(p);
      // Marked before its parent is known, so a walk that comes back to it ends.
      this.known.set(p, false);
      if (this.failed.has(p)) {
        ok = false;
        break;
      }
    }
    for (const p of path) this.known.set(p, ok);
    return ok;
  }

  /** Forgets every answer: a page has failed since. */
  reset(): void {
    this.known.clear();
  }
}

/** A page deeper than NAV_DEPTH_LIMIT is a problem at its parent line, the first one of its chain only. */
export function limitDepth(navPages: readonly NavPage[], placement: Placement, report: NavReport, failed: Set<NavPage>): void {
  const depth = new Map<NavPage, number>();
  const depthOf = (page: NavPage): number => {
    const path: NavPage[] = [];
    let p: NavPage | undefined = page;
    while (p && !depth.has(p)) {
      path.push(p);
      p = p.parent;
    }
    let d = p ? depth.get(p)! : -1;
    for (let i = path.length - 1; i >= 0; i--) depth.set(path[i]!, ++d);
    return d;
  };
  let tooDeep = false;
  for (const page of navPages) {
    if (!placement.placed(page) || depthOf(page) !== NAV_DEPTH_LIMIT) continue;
    report(
      page.source,
      "parent",
      `this page is ${NAV_DEPTH_LIMIT + 1} levels deep; the handbook allows ${NAV_DEPTH_LIMIT}: give it a parent higher up`,
      "depth",
    );
    failed.add(page);
    tooDeep = true;
  }
  if (tooDeep) placement.reset();
}

/** A title that repeats an ancestor's makes every reference to it ambiguous (Just the Docs shows "∞" for it). */
export function findRepeatedTitles(navPages: readonly NavPage[], placement: Placement, report: NavReport, failed: Set<NavPage>): void {
  for (const page of navPages) {
    if (!placement.placed(page)) continue;
    for (let a = page.parent; a; a = a.parent) {
      if (a.titleAsWritten === page.titleAsWritten) {
        report(
          page.source,
          "title",
          `title "${page.titleAsWritten}" repeats the title of its ancestor ${displayPath(a.source.file)}; give one of them another title`,
          "repeated",
        );
        failed.add(page);
        placement.reset();
        break;
      }
    }
  }
}
