import type { NavJsonEntry } from "../shared/nav-json.ts";
import { isFormatted, titleParts, type TitlePart } from "../shared/title.ts";
import type { HandbookPage, NavPage, NavTree } from "./tree.ts";

/**
 * How many pages of one list the sidebar shows: a team of 40 roles sees all of them, as in Just the Docs; a longer
 * list shows the pages nearest the open one, and "N more" links to the parent page's list of all its children.
 * Every page carries its sidebar, so this bounds each page's size whatever the number of siblings.
 */
export const SIDEBAR_LIST_LIMIT = 50;

/** The id of the child list at the foot of a page (src/ui/components/ChildList.tsx): where "N more" leads. */
export const CHILD_LIST_ID = "child-pages-title";

/** A link to a page: what breadcrumbs, child lists and previous/next hold. */
export interface PageLink {
  /** Page title, as text. */
  title: string;
  /** The title's formatting (`<i>inactive</i> CDC`), when it has any: src/shared/title.ts. */
  formatted?: TitlePart[];
  /** Site URL without the path prefix. */
  url: string;
}

/** A link to a page, its title's formatting with it when it has any. */
export function linkTo(p: NavPage): PageLink {
  if (p.title === p.titleAsWritten) return { title: p.title, url: p.url };
  const parts = titleParts(p.titleAsWritten);
  return isFormatted(parts) ? { title: p.title, formatted: parts, url: p.url } : { title: p.title, url: p.url };
}

/** An entry of one page's sidebar. */
export type SidebarItem =
  /** A page with no children in the sidebar; `section` when it is the section of a page the sidebar does not show. */
  | ({ kind: "link"; current: boolean; section?: true } & PageLink)
  /** A page on the way to the current page (or the current page itself), shown open with its children. */
  | ({ kind: "open"; current: boolean; section?: true; children: SidebarItem[] } & PageLink)
  /** A page elsewhere with children, shown closed; the script can open it from /nav.json. */
  | ({ kind: "closed"; current: false } & PageLink)
  /** `count` pages of a long list left out before or after those shown ("12 more pages"); `url` lists them all. */
  | { kind: "more"; title: string; url: string | undefined; current: false; count: number };

/** The page's ancestors from the top down, then the page itself. */
export function breadcrumbsFor(page: HandbookPage): PageLink[] {
  if (page.kind !== "nav") return [];
  const trail: PageLink[] = [];
  for (let p: NavPage | undefined = page; p; p = p.parent) trail.push(linkTo(p));
  return trail.reverse();
}

/** The pages before and after this one in sidebar order (none for pages the sidebar does not show). */
export function neighboursOf(tree: NavTree, page: HandbookPage): { previous?: PageLink; next?: PageLink } {
  if (page.kind !== "nav") return {};
  const index = tree.orderIndex.get(page);
  if (index === undefined) return {};
  const link = (p: NavPage | undefined) => (p ? linkTo(p) : undefined);
  return { previous: link(tree.sidebarOrder[index - 1]), next: link(tree.sidebarOrder[index + 1]) };
}

/** The page's children for its child list, with their summaries. */
export function childrenOf(page: HandbookPage): Array<PageLink & { summary?: string }> {
  if (page.kind !== "nav") return [];
  return page.children.map(listEntry);
}

/**
 * The list at the foot of a page: its children (unless `has_toc: false`), and on the home page ("/") the top level.
 * Where the sidebar leaves pages out, this is the list its "N more" links to, so it is shown then in any case.
 */
export function childListFor(tree: NavTree, page: HandbookPage): Array<PageLink & { summary?: string }> {
  const own = page.kind === "nav" && (page.source.meta.has_toc !== false || page.navChildren.length > SIDEBAR_LIST_LIMIT);
  const top = page.url === "/" && tree.navRoots.length > SIDEBAR_LIST_LIMIT;
  return [...(own ? childrenOf(page) : []), ...(top ? tree.navRoots.filter((p) => p !== page).map(listEntry) : [])];
}

function listEntry(p: NavPage): PageLink & { summary?: string } {
  return { ...linkTo(p), summary: p.source.meta.summary };
}

/**
 * The sidebar one page carries: the top level, its ancestors with their siblings, and its own children; at most
 * SIDEBAR_LIST_LIMIT pages of each list (those nearest the open page), the rest counted in "more" items. Its size
 * depends on the page's depth, never on the number of pages or siblings. Built from the page up, without recursion.
 */
export function sidebarFor(tree: NavTree, page: HandbookPage): SidebarItem[] {
  // The open pages from the top down: the page's visible ancestors and the page itself, if it is shown.
  const open: NavPage[] = [];
  if (page.kind === "nav") for (let p: NavPage | undefined = page; p; p = p.parent) if (p.visible) open.push(p);
  open.reverse();
  const current = page.kind === "nav" && page.visible ? page : undefined;
  // A page the sidebar does not show (nav_exclude, such as a tool's page) marks the nearest page above it that it shows.
  const section = current ? undefined : open[open.length - 1];
  const home = tree.byUrl.get("/");
  let below: SidebarItem[] = [];
  for (let level = open.length; level >= 0; level--) {
    const owner = open[level - 1];
    const list = owner ? owner.navChildren : tree.navRoots;
    const focus = open[level];
    const item = (p: NavPage): SidebarItem => {
      const isCurrent = p === current;
      const mark = p === section ? { section: true as const } : {};
      if (p.navChildren.length === 0) return { kind: "link", ...linkTo(p), current: isCurrent, ...mark };
      if (p === focus) return { kind: "open", ...linkTo(p), current: isCurrent, ...mark, children: below };
      return { kind: "closed", ...linkTo(p), current: false };
    };
    const allAt = owner ? owner.url : home?.url;
    below = windowed(list, focus ? tree.navIndex.get(focus) : undefined, item, allAt && `${allAt}#${CHILD_LIST_ID}`);
  }
  return below;
}

/** At most SIDEBAR_LIST_LIMIT items of `list`, centred on index `focus` (else the first), with "more" items around them. */
function windowed(
  list: readonly NavPage[],
  focus: number | undefined,
  item: (p: NavPage) => SidebarItem,
  allAt: string | undefined,
): SidebarItem[] {
  if (list.length <= SIDEBAR_LIST_LIMIT) return list.map(item);
  const centred = focus === undefined ? 0 : focus - Math.floor(SIDEBAR_LIST_LIMIT / 2);
  const start = Math.max(0, Math.min(centred, list.length - SIDEBAR_LIST_LIMIT));
  const end = start + SIDEBAR_LIST_LIMIT;
  const more = (count: number): SidebarItem => ({
    kind: "more",
    title: `${count} more ${count === 1 ? "page" : "pages"}`,
    url: allAt,
    current: false,
    count,
  });
  const items = list.slice(start, end).map(item);
  if (start > 0) items.unshift(more(start));
  if (end < list.length) items.push(more(list.length - end));
  return items;
}

/** The whole sidebar as data, for /nav.json; `toUrl` applies the path prefix. Built with a stack, not recursion. */
export function navJson(tree: NavTree, toUrl: (url: string) => string = (u) => u): NavJsonEntry[] {
  const entry = (p: NavPage): NavJsonEntry => ({ title: p.title, url: toUrl(p.url), children: [] });
  const roots = tree.navRoots.map(entry);
  const stack: Array<[NavPage, NavJsonEntry]> = tree.navRoots.map((p, i) => [p, roots[i]!]);
  while (stack.length > 0) {
    const [page, json] = stack.pop()!;
    for (const child of page.navChildren) {
      const childJson = entry(child);
      json.children.push(childJson);
      stack.push([child, childJson]);
    }
  }
  return roots;
}

/** Every page of the tree, excluded ones included, depth-first in sidebar order; a loop, not recursion. */
export function treeOrder(tree: NavTree): NavPage[] {
  const order: NavPage[] = [];
  const stack = [...tree.roots].reverse();
  for (let p = stack.pop(); p; p = stack.pop()) {
    order.push(p);
    for (let i = p.children.length - 1; i >= 0; i--) stack.push(p.children[i]!);
  }
  return order;
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
