import type { SidebarItem } from "../../src/navigation/queries.ts";

/**
 * The sidebar of one page. Contract: `items` from sidebarFor(); `href` applies the path prefix.
 * Every page carries it, so its markup stays lean: no classes on items or links (the CSS styles `.nav-list > li`),
 * and no toggle buttons. An open branch is `<li class="is-open">`, a closed one `<li data-branch>`; the script
 * (src/client/nav.ts) gives each branch its toggle and fills a closed one from /nav.json.
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
      <NavList items={items} href={href} />
    </nav>
  );
}

function NavList({ items, href }: { items: SidebarItem[]; href: (url: string) => string }) {
  return (
    <ul class="nav-list">
      {items.map((item) => (
        <li
          class={item.kind === "open" ? "is-open" : undefined}
          data-branch={item.kind === "closed" ? "" : undefined}
        >
          <a href={href(item.url)} aria-current={item.current ? "page" : undefined}>
            {item.title}
          </a>
          {item.kind === "open" && <NavList items={item.children} href={href} />}
        </li>
      ))}
    </ul>
  );
}
