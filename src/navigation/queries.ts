import type { HandbookPage, NavPage, NavTree } from "./tree.ts";

/** A link to a page: what breadcrumbs, child lists and previous/next hold. */
export interface PageLink {
  /** Page title. */
  title: string;
  /** Site URL without the path prefix. */
  url: string;
}

/** An entry of one page's sidebar. */
export type SidebarItem =
  /** A page with no children in the sidebar. */
  | { kind: "link"; title: string; url: string; current: boolean }
  /** A page on the way to the current page (or the current page itself), shown open with its children. */
  | { kind: "open"; title: string; url: string; current: boolean; children: SidebarItem[] }
  /** A page elsewhere with children, shown closed; the script can open it from /nav.json. */
  | { kind: "closed"; title: string; url: string; current: false };

/** One entry of /nav.json: the whole sidebar, written once per build. */
export interface NavJsonEntry {
  title: string;
  url: string;
  children: NavJsonEntry[];
}

/** The page's ancestors from the top down, then the page itself. */
export function breadcrumbsFor(page: HandbookPage): PageLink[] {
  if (page.kind !== "nav") return [];
  const trail: PageLink[] = [];
  for (let p: NavPage | undefined = page; p; p = p.parent) trail.unshift({ title: p.title, url: p.url });
  return trail;
}

/** The pages before and after this one in sidebar order (none for pages the sidebar does not show). */
export function neighboursOf(tree: NavTree, page: HandbookPage): { previous?: PageLink; next?: PageLink } {
  if (page.kind !== "nav") return {};
  const index = tree.orderIndex.get(page);
  if (index === undefined) return {};
  const link = (p: NavPage | undefined) => (p ? { title: p.title, url: p.url } : undefined);
  return { previous: link(tree.sidebarOrder[index - 1]), next: link(tree.sidebarOrder[index + 1]) };
}

/** The page's children for its child list, with their summaries. */
export function childrenOf(page: HandbookPage): Array<PageLink & { summary?: string }> {
  if (page.kind !== "nav") return [];
  return page.children.map((c) => ({ title: c.title, url: c.url, summary: c.source.meta.summary }));
}

/**
 * The sidebar one page carries: the top level, its ancestors with their siblings, and its own children.
 * Its size depends on the depth and fan-out around the page, never on the size of the handbook.
 */
export function sidebarFor(tree: NavTree, page: HandbookPage): SidebarItem[] {
  const open = new Set<NavPage>();
  let current: NavPage | undefined;
  if (page.kind === "nav") {
    current = page.visible ? page : undefined;
    for (let p: NavPage | undefined = page; p; p = p.parent) if (p.visible) open.add(p);
  }
  const item = (p: NavPage): SidebarItem => {
    const isCurrent = p === current;
    if (p.navChildren.length === 0) return { kind: "link", title: p.title, url: p.url, current: isCurrent };
    if (open.has(p)) {
      return { kind: "open", title: p.title, url: p.url, current: isCurrent, children: p.navChildren.map(item) };
    }
    return { kind: "closed", title: p.title, url: p.url, current: false };
  };
  return tree.navRoots.map(item);
}

/** The whole sidebar as data, for /nav.json; `toUrl` applies the path prefix. */
export function navJson(tree: NavTree, toUrl: (url: string) => string = (u) => u): NavJsonEntry[] {
  const entry = (p: NavPage): NavJsonEntry => ({ title: p.title, url: toUrl(p.url), children: p.navChildren.map(entry) });
  return tree.navRoots.map(entry);
}

/** Title of the top-level page whose children are the teams. */
export const TEAMS_TITLE = "Teams";

/** The team a page belongs to: the page at or above it directly under the top-level "Teams" page. */
export function teamOf(page: HandbookPage): NavPage | undefined {
  if (page.kind !== "nav") return undefined;
  for (let p: NavPage | undefined = page; p; p = p.parent) {
    const parent = p.parent;
    if (parent && !parent.parent && parent.title === TEAMS_TITLE) return p;
  }
  return undefined;
}
