import type { JSX } from "preact";
import type { SidebarItem } from "../../navigation/queries.ts";
import { Title } from "./Title.tsx";

/**
 * The sidebar of one page. Contract: `items` from sidebarFor(); `href` applies the path prefix.
 * Every page carries it, so its markup stays lean: no classes on items or links (the CSS styles `.nav-list > li`),
 * and no toggle buttons. An open branch is `<li class="is-open">`, a closed one `<li data-branch>`, the pages a long
 * list leaves out `<li class="nav-more">` with a link to the list of them all; the script (src/client/nav.ts) gives
 * each branch its toggle, fills a closed one from /nav.json and shows the left-out pages in place.
 */
export function Sidebar({
  items,
  href,
  navSrc,
}: {
  items: SidebarItem[];
  href: (url: string) => string;
  navSrc: string;
}) {
  return (
    <nav id="site-nav" class="site-nav" aria-label="Handbook" data-nav-src={navSrc}>
      {navLists(items, href)}
    </nav>
  );
}

/** The nested lists, deepest first: an explicit stack, so no depth of open branches can overflow it. */
function navLists(top: SidebarItem[], href: (url: string) => string): JSX.Element {
  const rendered = new Map<SidebarItem[], JSX.Element>();
  const stack: Array<{ items: SidebarItem[]; childrenDone: boolean }> = [{ items: top, childrenDone: false }];
  while (stack.length > 0) {
    const entry = stack[stack.length - 1]!;
    if (!entry.childrenDone) {
      entry.childrenDone = true;
      for (const item of entry.items) if (item.kind === "open") stack.push({ items: item.children, childrenDone: false });
      continue;
    }
    stack.pop();
    rendered.set(
      entry.items,
      <ul class="nav-list">
        {entry.items.map((item) => navItem(item, href, item.kind === "open" ? rendered.get(item.children) : undefined))}
      </ul>,
    );
  }
  return rendered.get(top)!;
}

function navItem(item: SidebarItem, href: (url: string) => string, list: JSX.Element | undefined): JSX.Element {
  if (item.kind === "more") {
    return <li class="nav-more">{item.url === undefined ? <span>{item.title}</span> : <a href={href(item.url)}>{item.title}</a>}</li>;
  }
  return (
    <li class={item.kind === "open" ? "is-open" : undefined} data-branch={item.kind === "closed" ? "" : undefined}>
      <a href={href(item.url)} aria-current={item.current ? "page" : item.kind !== "closed" && item.section ? "true" : undefined}>
        <Title link={item} />
      </a>
      {list}
    </li>
  );
}
