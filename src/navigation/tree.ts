import { compareStrings, diagnose, displayPath, type Diagnostic } from "../content/diagnostics.ts";
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
}

/** Settings that change how the tree is ordered. */
export interface NavOptions {
  /** Just the Docs' `nav_sort`: whether text `nav_order`s and titles compare ignoring case. */
  navSort?: "case_sensitive" | "case_insensitive";
}

/** Builds the navigation tree by Just the Docs' rules; every problem found is returned, not thrown. */
export function buildNavTree(
  sources: readonly SourcePage[],
  options: NavOptions = {},
): { tree: NavTree; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const error = (page: SourcePage, key: string, message: string) => {
    const at: Position = page.positions.get(key) ?? { line: 1, column: 1 };
    diagnostics.push(diagnose("error", page.file, at.line, message, at.column));
  };

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

  // Resolve each page's parent by title, narrowed by grand_parent and ancestor. Memoised: O(n · depth).
  const resolved = new Map<NavPage, NavPage | null>();
  const failed = new Set<NavPage>();
  const resolving = new Set<NavPage>();
  const parentOf = (page: NavPage): NavPage | null => {
    const known = resolved.get(page);
    if (known !== undefined) return known;
    if (resolving.has(page)) return null;
    resolving.add(page);
    const result = findParent(page);
    resolving.delete(page);
    resolved.set(page, result);
    return result;
  };
  const hasAncestorTitled = (page: NavPage, title: string): boolean => {
    const seen = new Set<NavPage>();
    for (let p = parentOf(page); p && !seen.has(p); p = parentOf(p)) {
      if (p.title === title) return true;
      seen.add(p);
    }
    return false;
  };
  const findParent = (page: NavPage): NavPage | null => {
    const meta = page.source.meta;
    const wanted = meta.parent?.trim();
    if (!wanted) return null;
    const all = titleIndex.get(wanted) ?? [];
    let candidates = all.filter((c) => c !== page);
    if (all.length > 0 && candidates.length === 0) {
      error(page.source, "parent", `parent "${wanted}" is this page's own title; a page cannot be its own parent`);
      failed.add(page);
      return null;
    }
    if (candidates.length === 0) {
      const suggestion = closest(wanted, [...titleIndex.keys()].filter((t) => t !== page.title));
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : "; check the spelling against the parent page's title";
      error(page.source, "parent", `parent "${wanted}" matches no page title${hint}`);
      failed.add(page);
      return null;
    }
    const grandParent = meta.grand_parent?.trim();
    if (grandParent) {
      const narrowed = candidates.filter((c) => c.source.meta.parent?.trim() === grandParent);
      if (narrowed.length === 0) {
        const actual = [...new Set(candidates.map((c) => c.source.meta.parent?.trim() ?? "(none)"))];
        error(
          page.source,
          "grand_parent",
          `grand_parent "${grandParent}" does not match: pages titled "${wanted}" have parent ${actual.map((t) => `"${t}"`).join(", ")}`,
        );
        failed.add(page);
        return null;
      }
      candidates = narrowed;
    }
    const ancestor = meta.ancestor?.trim();
    if (ancestor) {
      const narrowed = candidates.filter((c) => c.title === ancestor || hasAncestorTitled(c, ancestor));
      if (narrowed.length === 0) {
        error(page.source, "ancestor", `ancestor "${ancestor}" is above none of the pages titled "${wanted}"`);
        failed.add(page);
        return null;
      }
      candidates = narrowed;
    }
    if (candidates.length > 1) {
      const files = candidates.map((c) => displayPath(c.source.file)).join(", ");
      error(
        page.source,
        "parent",
        `parent "${wanted}" is ambiguous: ${candidates.length} pages have that title (${files}); add grand_parent (or ancestor) to choose one`,
      );
      failed.add(page);
      return null;
    }
    return candidates[0]!;
  };
  for (const page of navPages) page.parent = parentOf(page) ?? undefined;

  // Cycles: walk up from each page; a page met twice on one walk closes a cycle.
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

  // A page whose chain reaches a failed page is left out of the tree with it (the cause is reported once).
  const inTree = new Map<NavPage, boolean>();
  const placed = (page: NavPage): boolean => {
    const known = inTree.get(page);
    if (known !== undefined) return known;
    inTree.set(page, false);
    const ok = !failed.has(page) && (page.parent === undefined || placed(page.parent));
    inTree.set(page, ok);
    return ok;
  };

  // A title that repeats an ancestor's makes every reference to it ambiguous.
  for (const page of navPages) {
    if (!placed(page)) continue;
    for (let a = page.parent; a; a = a.parent) {
      if (a.title === page.title) {
        error(
          page.source,
          "title",
          `title "${page.title}" repeats the title of its ancestor ${displayPath(a.source.file)}; give one of them another title`,
        );
        failed.add(page);
        inTree.clear();
        break;
      }
    }
  }

  const roots: NavPage[] = [];
  for (const page of navPages) {
    if (!placed(page)) continue;
    if (page.parent) page.parent.children.push(page);
    else roots.push(page);
  }
  const compare = navComparator(options);
  const order = (list: NavPage[], reversed: boolean) => {
    list.sort(compare);
    if (reversed) list.reverse();
  };
  order(roots, false);
  const finalPages = pages.map((page): HandbookPage => {
    if (page.kind === "nav" && !placed(page)) return { kind: "loose", source: page.source, url: page.url };
    return page;
  });
  const sidebarOrder: NavPage[] = [];
  const visit = (page: NavPage, depth: number, parentVisible: boolean) => {
    page.depth = depth;
    const childOrder = page.source.meta.child_nav_order;
    order(page.children, childOrder === "reversed" || childOrder === "desc");
    page.visible = parentVisible && page.source.meta.nav_exclude !== true;
    page.navChildren =
      page.source.meta.has_children === false ? [] : page.children.filter((c) => c.source.meta.nav_exclude !== true);
    if (page.visible) sidebarOrder.push(page);
    for (const child of page.children) visit(child, depth + 1, page.visible && page.navChildren.includes(child));
  };
  for (const root of roots) visit(root, 0, true);

  // Two pages with one URL: the later file is the one reported.
  const byUrl = new Map<string, HandbookPage>();
  for (const page of finalPages) {
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

  const tree: NavTree = {
    roots,
    navRoots: roots.filter((r) => r.visible),
    pages: finalPages,
    sidebarOrder,
    byFile: new Map(finalPages.map((p) => [p.source.file, p])),
    byUrl,
    orderIndex: new Map(sidebarOrder.map((p, i) => [p, i])),
  };
  return { tree, diagnostics };
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
