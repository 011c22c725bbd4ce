// Which page a page's `parent` names: Just the Docs 0.12's rules (`_includes/components/nav/children.html`), with
// each case Just the Docs passes over in silence reported instead.
import { compareStrings, displayPath } from "../shared/diagnostics.ts";
import { closest } from "../content/suggest.ts";
import { NAV_DEPTH_LIMIT, type NavPage, type NavReport } from "./types.ts";

/** The pages a page's `parent` (narrowed by `grand_parent`) may name, or what is wrong with it. */
type Candidates = { candidates: NavPage[] } | { key: string; message: string; reason: "parent" | "grand_parent" } | undefined;

/** Whether a page is at the top level as Just the Docs reads it: it names no parent (or an empty one). */
function isTopLevel(page: NavPage): boolean {
  return !page.source.meta.parent?.trim();
}

function candidatesOf(page: NavPage, titleIndex: ReadonlyMap<string, NavPage[]>): Candidates {
  const meta = page.source.meta;
  const wanted = meta.parent?.trim();
  if (!wanted) return undefined;
  const all = titleIndex.get(wanted) ?? [];
  const candidates = all.filter((c) => c !== page);
  if (all.length > 0 && candidates.length === 0) {
    return { key: "parent", reason: "parent", message: `parent "${wanted}" is this page's own title; a page cannot be its own parent` };
  }
  if (candidates.length === 0) {
    const suggestion = closest(wanted, [...titleIndex.keys()].filter((t) => t !== page.titleAsWritten));
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : "; check the spelling against the parent page's title";
    return { key: "parent", reason: "parent", message: `parent "${wanted}" matches no page title${hint}` };
  }
  const grandParent = meta.grand_parent?.trim();
  if (!grandParent) {
    // Just the Docs 0.10+: without grand_parent or ancestor, a title also held by a top-level page names that page.
    const top = meta.ancestor?.trim() ? [] : candidates.filter(isTopLevel);
    return { candidates: top.length > 0 ? top : candidates };
  }
  const narrowed = candidates.filter((c) => c.source.meta.parent?.trim() === grandParent);
  if (narrowed.length > 0) return { candidates: narrowed };
  const actual = [...new Set(candidates.map((c) => c.source.meta.parent?.trim() || "(none)"))];
  return {
    key: "grand_parent",
    reason: "grand_parent",
    message: `grand_parent "${grandParent}" does not match: pages titled "${wanted}" have parent ${actual.map((t) => `"${t}"`).join(", ")}`,
  };
}

/** How many files an ambiguous parent's message names before it counts the rest. */
const FILES_NAMED = 5;

function ambiguous(wanted: string, candidates: readonly NavPage[]): string {
  const named = candidates.slice(0, FILES_NAMED).map((c) => displayPath(c.source.file));
  const more = candidates.length > FILES_NAMED ? ` and ${candidates.length - FILES_NAMED} more` : "";
  return `parent "${wanted}" is ambiguous: ${candidates.length} pages have that title (${named.join(", ")}${more}); add grand_parent (or ancestor) to choose one`;
}

/**
 * Resolves each page's parent by title, narrowed by grand_parent and ancestor. `ancestor` needs the parents of the
 * candidates' ancestors first: an explicit stack stands in for the recursion, so a chain of any depth is resolved.
 * A page still being resolved has no parent for the walks of the pages it waits for, which ends cycles. An ambiguous
 * parent is reported; unless it is an error, the page goes under the first of the pages (by path), where Just the
 * Docs lists it under each of them.
 */
export function resolveParents(
  navPages: readonly NavPage[],
  titleIndex: ReadonlyMap<string, NavPage[]>,
  report: NavReport,
  failed: Set<NavPage>,
  chooseFirst: boolean,
): Map<NavPage, NavPage | null> {
  const resolved = new Map<NavPage, NavPage | null>();
  const resolving = new Set<NavPage>();
  const parentOf = (p: NavPage) => (resolving.has(p) ? null : resolved.get(p));
  /**
   * Walks up from `from`: the first page whose parent is not resolved yet, else whether a page above is titled
   * `title`. A walk longer than the depth limit counts as finding it: a page under `from` is too deep either way (or
   * in a cycle), and that is the problem reported. So no walk is long, however deep the chain.
   */
  const walk = (from: NavPage, title: string): NavPage | boolean => {
    let p = from;
    for (let steps = 0; steps < NAV_DEPTH_LIMIT; steps++) {
      const parent = parentOf(p);
      if (parent === undefined) return p;
      if (parent === null) return false;
      if (parent.titleAsWritten === title) return true;
      p = parent;
    }
    return true;
  };
  const waitingFor = (page: NavPage): NavPage | undefined => {
    const ancestor = page.source.meta.ancestor?.trim();
    const found = ancestor ? candidatesOf(page, titleIndex) : undefined;
    if (!ancestor || !found || !("candidates" in found)) return undefined;
    for (const c of found.candidates) {
      const reached = c.titleAsWritten === ancestor || walk(c, ancestor);
      if (typeof reached !== "boolean") return reached;
    }
    return undefined;
  };
  const findParent = (page: NavPage): NavPage | null => {
    const found = candidatesOf(page, titleIndex);
    if (!found) return null;
    const fail = (key: string, message: string, reason: "parent" | "grand_parent") => {
      report(page.source, key, message, reason);
      failed.add(page);
      return null;
    };
    if (!("candidates" in found)) return fail(found.key, found.message, found.reason);
    let candidates = found.candidates;
    const wanted = page.source.meta.parent!.trim();
    const ancestor = page.source.meta.ancestor?.trim();
    if (ancestor) {
      candidates = candidates.filter((c) => c.titleAsWritten === ancestor || walk(c, ancestor) === true);
      if (candidates.length === 0) return fail("ancestor", `ancestor "${ancestor}" is above none of the pages titled "${wanted}"`, "grand_parent");
    }
    if (candidates.length > 1) {
      if (!chooseFirst) return fail("parent", ambiguous(wanted, candidates), "parent");
      report(page.source, "parent", ambiguous(wanted, candidates), "ambiguous");
      return [...candidates].sort((a, b) => compareStrings(a.source.relPath, b.source.relPath))[0]!;
    }
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
