import { diagnose, displayPath, type Diagnostic } from "../shared/diagnostics.ts";
import type { Position, SourcePage } from "../content/page.ts";
import { titleText } from "../shared/title.ts";
import { navComparator } from "./order.ts";
import { resolveParents } from "./parents.ts";
import { findCycles, findRepeatedTitles, limitDepth, Placement } from "./placement.ts";

import type { HandbookPage, LeftOut, LoosePage, NavOptions, NavPage, NavProblem, NavReport, NavTree } from "./types.ts";

export { navComparator } from "./order.ts";
export { NAV_DEPTH_LIMIT } from "./types.ts";
export type { HandbookPage, LeftOut, LoosePage, NavOptions, NavPage, NavProblem, NavReport, NavTree } from "./types.ts";

/** Builds the navigation tree by Just the Docs' rules; every problem found is returned, not thrown. */
export function buildNavTree(
  sources: readonly SourcePage[],
  options: NavOptions = {},
): { tree: NavTree; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const severity = options.problems ?? "error";
  const reasons = new Map<SourcePage, NavProblem>();
  const at = (page: SourcePage, key: string): Position => page.positions.get(key) ?? { line: 1, column: 1 };
  const report: NavReport = (page, key, message, problem) => {
    const where = at(page, key);
    diagnostics.push(diagnose(severity, page.file, where.line, message, where.column));
    if (!reasons.has(page)) reasons.set(page, problem);
  };
  const { pages, navPages, titleIndex } = indexPages(sources, report);
  const failed = new Set<NavPage>();
  for (const [page, parent] of resolveParents(navPages, titleIndex, report, failed, severity === "warning")) page.parent = parent ?? undefined;
  findCycles(navPages, report, failed);
  const placement = new Placement(failed);
  limitDepth(navPages, placement, report, failed);
  findRepeatedTitles(navPages, placement, report, failed);

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
  const byUrl = indexUrls(finalPages, (page, key, message) => {
    const where = at(page, key);
    diagnostics.push(diagnose("error", page.file, where.line, message, where.column));
  });
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
    leftOut: severity === "error" ? [] : leftOutPages(pages, reasons, placement),
  };
  return { tree, diagnostics };
}

/** The pages a problem left out (or placed by a guess), in file order, each with the first problem it had. */
function leftOutPages(pages: readonly HandbookPage[], reasons: ReadonlyMap<SourcePage, NavProblem>, placement: Placement): LeftOut[] {
  return pages.flatMap((p): LeftOut[] => {
    const why = reasons.get(p.source);
    if (why) return [{ source: p.source, why }];
    return p.kind === "nav" && !placement.placed(p) ? [{ source: p.source, why: "below" }] : [];
  });
}

/** Makes a NavPage of every page with a title (a LoosePage of the others) and indexes them by title as written. */
function indexPages(sources: readonly SourcePage[], report: NavReport) {
  const navPages: NavPage[] = [];
  const titleIndex = new Map<string, NavPage[]>();
  const pages: HandbookPage[] = sources.map((source) => {
    const written = source.meta.title?.trim();
    if (!written) {
      if (source.positions.has("title")) {
        report(source, "title", "title is empty; write the page's title, or remove the title line to keep the page out of the navigation", "title");
      } else if (source.meta.parent !== undefined) {
        report(source, "parent", "page has a parent but no title; add a title: line so it can appear in the navigation", "title");
      }
      return { kind: "loose", source, url: source.url } satisfies LoosePage;
    }
    const page: NavPage = {
      kind: "nav",
      source,
      title: titleText(written) || written,
      titleAsWritten: written,
      url: source.url,
      parent: undefined,
      children: [],
      navChildren: [],
      depth: 0,
      visible: false,
    };
    navPages.push(page);
    const sameTitle = titleIndex.get(written);
    if (sameTitle) sameTitle.push(page);
    else titleIndex.set(written, [page]);
    return page;
  });
  return { pages, navPages, titleIndex };
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
function indexUrls(pages: readonly HandbookPage[], error: (page: SourcePage, key: string, message: string) => void): Map<string, HandbookPage> {
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
