import { compareStrings, diagnose, displayPath, type Diagnostic } from "../shared/diagnostics.ts";
import type { Position, SourcePage } from "../content/page.ts";
import { closest } from "../content/suggest.ts";

/** A page with a title, placed in the navigation tree. */
export interface NavPage {
  kind: "nav";
  /** The file and its validated front matter. */
  source: SourcePage;
  /** Title from front matter. */
  title: string;
  /** Site URL without the path prefix. */
  url: string;
  /** Parent page, or undefined at the top level. */
  parent: NavPage | undefined;
  /** Every child in sidebar order, excluded ones included (the page's child list). */
  children: NavPage[];
  /** Children the sidebar shows: none when `has_children: false`, never `nav_exclude` ones. */
  navChildren: NavPage[];
  /** 0 at the top level. */
  depth: number;
  /** Shown in the sidebar: neither it nor an ancestor is excluded or hidden. */
  visible: boolean;
}

/** A page without a title (or one whose place could not be worked out): built, but in no navigation. */
export interface LoosePage {
  kind: "loose";
  /** The file and its validated front matter. */
  source: SourcePage;
  /** Site URL without the path prefix. */
  url: string;
}

/** Any built page of the handbook. */
export type HandbookPage = NavPage | LoosePage;

/** The whole handbook's navigation, computed once per build. */
export interface NavTree {
  /** Top-level pages in sidebar order, excluded ones included. */
  roots: NavPage[];
  /** Top-level pages the sidebar shows. */
  navRoots: NavPage[];
  /** Every page, in file order. */
  pages: HandbookPage[];
  /** Pages the sidebar shows, depth-first in sidebar order: the order of previous/next. */
  sidebarOrder: NavPage[];
  /** Each page by absolute file path. */
  byFile: ReadonlyMap<string, HandbookPage>;
  /** Each page by URL. */
  byUrl: ReadonlyMap<string, HandbookPage>;
  /** Each visible page's index in `sidebarOrder`. */
  orderIndex: ReadonlyMap<NavPage, number>;
  /** Each visible page's index among the pages the sidebar shows beside it: its parent's navChildren, or navRoots. */
  navIndex: ReadonlyMap<NavPage, number>;
}

/** Settings that change how the tree is ordered. */
export interface NavOptions {
  /** Just the Docs' `nav_sort`: whether text `nav_order`s and titles compare ignoring case. */
  navSort?: "case_sensitive" | "case_insensitive";
}

/**
 * How many levels deep a page may be (a top-level page is level 1). Just the Docs allows any depth; real sites go
 * to about 7, and at ~22 px of indent per level the sidebar has no room left for titles beyond level 11. Each page
 * carries its ancestors (sidebar, breadcrumbs), so the limit also bounds every page's size.
 */
export const NAV_DEPTH_LIMIT = 20;

/** Builds the navigation tree by Just the Docs' rules; every problem found is returned, not thrown. */
export function buildNavTree(
  sources: readonly SourcePage[],
  options: NavOptions = {},
): { tree: NavTree; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const error: Report = (page, key, message) => {
    const at: Position = page.positions.get(key) ?? { line: 1, column: 1 };
    diagnostics.push(diagnose("error", page.file, at.line, message, at.column));
  };
  const { pages, navPages, titleIndex } = indexPages(sources, error);
  const failed = new Set<NavPage>();
  for (const [page, parent] of resolveParents(navPages, titleIndex, error, failed)) page.parent = parent ?? undefined;
  findCycles(navPages, error, failed);
  const placement = new Placement(failed);
  limitDepth(navPages, placement, error, failed);
  findRepeatedTitles(navPages, placement, error, failed);

  const roots: NavPage[] = [];
  for (const page of navPages) {
    if (!placement.placed(page)) continue;
    if (page.parent) page.parent.children.push(page);
    else roots.push(page);
  }
  const sidebarOrder = orderTree(roots, navComparator(options));
  const finalPages = pages.map((page): HandbookPage => {
    if (page.kind === "nav" && !placement.placed(page)) return { kind: "loose", source: page.source, url: page.url };
    return page;
  });
  const byUrl = indexUrls(finalPages, error);
  const navRoots = roots.filter((r) => r.visible);
  const tree: NavTree = {
    roots,
    navRoots,
    pages: finalPages,
    sidebarOrder,
    byFile: new Map(finalPages.map((p) => [p.source.file, p])),
    byUrl,
    orderIndex: new Map(sidebarOrder.map((p, i) => [p, i])),
    navIndex: siblingIndex(navRoots, sidebarOrder),
  };
  return { tree, diagnostics };
}

/** Reports a mistake at a front-matter key of a page. */
type Report = (page: SourcePage, key: string, message: string) => void;

/** Makes a NavPage of every page with a title (a LoosePage of the others) and indexes them by title. */
function indexPages(sources: readonly SourcePage[], error: Report) {
  const navPages: NavPage[] = [];
  const titleIndex = new Map<string, NavPage[]>();
  const pages: HandbookPage[] = sources.map((source) => {
    const title = source.meta.title?.trim();
    if (!title) {
      if (source.meta.parent !== undefined) {
        error(source, "parent", `page has a parent but no title; add a title: line so it can appear in the navigation`);
      }
      return { kind: "loose", source, url: source.url } satisfies LoosePage;
    }
    const page: NavPage = {
      kind: "nav",
      source,
      title,
      url: source.url,
      parent: undefined,
      children: [],
      navChildren: [],
      depth: 0,
      visible: false,
    };
    navPages.push(page);
    const sameTitle = titleIndex.get(title);
    if (sameTitle) sameTitle.push(page);
    else titleIndex.set(title, [page]);
    return page;
  });
  return { pages, navPages, titleIndex };
}

/** The pages a page's `parent` (narrowed by `grand_parent`) may name, or what is wrong with it. */
type Candidates = { candidates: NavPage[] } | { key: string; message: string } | undefined;

function candidatesOf(page: NavPage, titleIndex: ReadonlyMap<string, NavPage[]>): Candidates {
  const meta = page.source.meta;
  const wanted = meta.parent?.trim();
  if (!wanted) return undefined;
  const all = titleIndex.get(wanted) ?? [];
  const candidates = all.filter((c) => c !== page);
  if (all.length > 0 && candidates.length === 0) {
    return { key: "parent", message: `parent "${wanted}" is this page's own title; a page cannot be its own parent` };
  }
  if (candidates.length === 0) {
    const suggestion = closest(wanted, [...titleIndex.keys()].filter((t) => t !== page.title));
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : "; check the spelling against the parent page's title";
    return { key: "parent", message: `parent "${wanted}" matches no page title${hint}` };
  }
  const grandParent = meta.grand_parent?.trim();
  if (!grandParent) return { candidates };
  const narrowed = candidates.filter((c) => c.source.meta.parent?.trim() === grandParent);
  if (narrowed.length > 0) return { candidates: narrowed };
  const actual = [...new Set(candidates.map((c) => c.source.meta.parent?.trim() ?? "(none)"))];
  return {
    key: "grand_parent",
    message: `grand_parent "${grandParent}" does not match: pages titled "${wanted}" have parent ${actual.map((t) => `"${t}"`).join(", ")}`,
  };
}

/** How many files an ambiguous parent's error names before it counts the rest. */
const FILES_NAMED = 5;

function ambiguous(wanted: string, candidates: readonly NavPage[]): string {
  const named = candidates.slice(0, FILES_NAMED).map((c) => displayPath(c.source.file));
  const more = candidates.length > FILES_NAMED ? ` and ${candidates.length - FILES_NAMED} more` : "";
  return `parent "${wanted}" is ambiguous: ${candidates.length} pages have that title (${named.join(", ")}${more}); add grand_parent (or ancestor) to choose one`;
}

/**
 * Resolves each page's parent by title, narrowed by grand_parent and ancestor. `ancestor` needs the parents of the
 * candidates' ancestors first: an explicit stack stands in for the recursion, so a chain of any depth is resolved.
 * A page still being resolved has no parent for the walks of the pages it waits for, which ends cycles.
 */
function resolveParents(
  navPages: readonly NavPage[],
  titleIndex: ReadonlyMap<string, NavPage[]>,
  error: Report,
  failed: Set<NavPage>,
): Map<NavPage, NavPage | null> {
  const resolved = new Map<NavPage, NavPage | null>();
  const resolving = new Set<NavPage>();
  const parentOf = (p: NavPage) => (resolving.has(p) ? null : resolved.get(p));
  /**
   * Walks up from `from`: the first page whose parent is not resolved yet, else whether a page above is titled
   * `title`. A walk longer than the depth limit counts as finding it: a page under `from` is too deep either way (or
   * in a cycle), and that is the error reported. So no walk is long, however deep the chain.
   */
  const walk = (from: NavPage, title: string): NavPage | boolean => {
    let p = from;
    for (let steps = 0; steps < NAV_DEPTH_LIMIT; steps++) {
      const parent = parentOf(p);
      if (parent === undefined) return p;
      if (parent === null) return false;
      if (parent.title === title) return true;
      p = parent;
    }
    return true;
  };
  const waitingFor = (page: NavPage): NavPage | undefined => {
    const ancestor = page.source.meta.ancestor?.trim();
    const found = ancestor ? candidatesOf(page, titleIndex) : undefined;
    if (!ancestor || !found || !("candidates" in found)) return undefined;
    for (const c of found.candidates) {
      const reached = c.title === ancestor || walk(c, ancestor);
      if (typeof reached !== "boolean") return reached;
    }
    return undefined;
  };
  const findParent = (page: NavPage): NavPage | null => {
    const found = candidatesOf(page, titleIndex);
    if (!found) return null;
    const fail = (key: string, message: string) => {
      error(page.source, key, message);
      failed.add(page);
      return null;
    };
    if (!("candidates" in found)) return fail(found.key, found.message);
    let candidates = found.candidates;
    const wanted = page.source.meta.parent!.trim();
    const ancestor = page.source.meta.ancestor?.trim();
    if (ancestor) {
      candidates = candidates.filter((c) => c.title === ancestor || walk(c, ancestor) === true);
      if (candidates.length === 0) return fail("ancestor", `ancestor "${ancestor}" is above none of the pages titled "${wanted}"`);
    }
    if (candidates.length > 1) return fail("parent", ambiguous(wanted, candidates));
    return candidates[0]!;
  };
  for (const start of navPages) {
    if (resolved.has(start)) continue;
    const stack = [start];
    resolving.add(start);
    while (stack.length > 0) {
      const page = stack[stack.length - 1]!;
      const next = waitingFor(page);
      if (next) {
        stack.push(next);
        resolving.add(next);
        continue;
      }
      resolved.set(page, findParent(page));
      resolving.delete(page);
      stack.pop();
    }
  }
  return resolved;
}

/** Cycles: walks up from each page; a page met twice on one walk closes a cycle, reported once at its first file. */
function findCycles(navPages: readonly NavPage[], error: Report, failed: Set<NavPage>): void {
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
      error(
        first.source,
        "parent",
        `parent "${first.parent!.title}" makes a cycle: ${loop.map((c) => `"${c.title}"`).join(" → ")}; one of these pages needs another parent`,
      );
      for (const c of cycle) failed.add(c);
    }
    for (const q of path) state.set(q, "done");
  }
}

/** Whether a page is in the tree: a page whose chain reaches a failed page is left out with it (the cause is reported once). */
class Placement {
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

/** A page deeper than NAV_DEPTH_LIMIT is an error at its parent line, the first one of its chain only. */
function limitDepth(navPages: readonly NavPage[], placement: Placement, error: Report, failed: Set<NavPage>): void {
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
    error(
      page.source,
      "parent",
      `this page is ${NAV_DEPTH_LIMIT + 1} levels deep; the handbook allows ${NAV_DEPTH_LIMIT}: give it a parent higher up`,
    );
    failed.add(page);
    tooDeep = true;
  }
  if (tooDeep) placement.reset();
}

/** A title that repeats an ancestor's makes every reference to it ambiguous. */
function findRepeatedTitles(navPages: readonly NavPage[], placement: Placement, error: Report, failed: Set<NavPage>): void {
  for (const page of navPages) {
    if (!placement.placed(page)) continue;
    for (let a = page.parent; a; a = a.parent) {
      if (a.title === page.title) {
        error(
          page.source,
          "title",
          `title "${page.title}" repeats the title of its ancestor ${displayPath(a.source.file)}; give one of them another title`,
        );
        failed.add(page);
        placement.reset();
        break;
      }
    }
  }
}

/**
 * Sorts every page's children, sets depth, visibility and the children the sidebar shows, and returns the visible
 * pages depth-first in sidebar order (an explicit stack, not recursion: the tree may be deep).
 */
function orderTree(roots: NavPage[], compare: (a: NavPage, b: NavPage) => number): NavPage[] {
  const order = (list: NavPage[], reversed: boolean) => {
    list.sort(compare);
    if (reversed) list.reverse();
  };
  order(roots, false);
  const sidebarOrder: NavPage[] = [];
  const stack: Array<{ page: NavPage; depth: number; shown: boolean }> = [];
  const pushAll = (list: NavPage[], depth: number, shown: boolean) => {
    for (let i = list.length - 1; i >= 0; i--) stack.push({ page: list[i]!, depth, shown });
  };
  pushAll(roots, 0, true);
  while (stack.length > 0) {
    const { page, depth, shown } = stack.pop()!;
    const meta = page.source.meta;
    page.depth = depth;
    order(page.children, meta.child_nav_order === "reversed" || meta.child_nav_order === "desc");
    page.visible = shown && meta.nav_exclude !== true;
    page.navChildren = meta.has_children === false ? [] : page.children.filter((c) => c.source.meta.nav_exclude !== true);
    if (page.visible) sidebarOrder.push(page);
    // A child is shown when this page is and lists it in the sidebar (has_children; nav_exclude is the child's own).
    pushAll(page.children, depth + 1, page.visible && meta.has_children !== false);
  }
  return sidebarOrder;
}

/** Each visible page's index among the pages the sidebar shows beside it (its parent's navChildren, or navRoots). */
function siblingIndex(navRoots: readonly NavPage[], sidebarOrder: readonly NavPage[]): Map<NavPage, number> {
  const index = new Map<NavPage, number>();
  navRoots.forEach((p, i) => index.set(p, i));
  for (const page of sidebarOrder) page.navChildren.forEach((c, i) => index.set(c, i));
  return index;
}

/** Each page by URL; of two pages with one URL, the later file is the one reported. */
function indexUrls(pages: readonly HandbookPage[], error: Report): Map<string, HandbookPage> {
  const byUrl = new Map<string, HandbookPage>();
  for (const page of pages) {
    const other = byUrl.get(page.url);
    if (other) {
      const key = page.source.meta.permalink !== undefined ? "permalink" : "title";
      error(
        page.source,
        key,
        `URL "${page.url}" is also the URL of ${displayPath(other.source.file)}; change the permalink or the file name of one of them`,
      );
    } else {
      byUrl.set(page.url, page);
    }
  }
  return byUrl;
}

/** Just the Docs' sibling order: numeric nav_order, then text nav_order, then none (by title); ties by title, then URL. */
export function navComparator(options: NavOptions = {}): (a: NavPage, b: NavPage) => number {
  const fold = options.navSort === "case_insensitive" ? (s: string) => s.toLowerCase() : (s: string) => s;
  const rank = (v: unknown) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  return (a, b) => {
    const x = a.source.meta.nav_order;
    const y = b.source.meta.nav_order;
    const byRank = rank(x) - rank(y);
    if (byRank !== 0) return byRank;
    if (typeof x === "number" && typeof y === "number" && x !== y) return x - y;
    if (typeof x === "string" && typeof y === "string") {
      const byText = compareStrings(fold(x), fold(y));
      if (byText !== 0) return byText;
    }
    return compareStrings(fold(a.title), fold(b.title)) || compareStrings(a.url, b.url);
  };
}
