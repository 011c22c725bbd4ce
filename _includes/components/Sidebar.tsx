import type { SidebarItem } from "../../src/navigation/queries.ts";

/**
 * The sidebar of one page. Contract: `items` from sidebarFor(); `href` applies the path prefix.
 * Closed branches carry a hidden toggle that the script reveals and fills from /nav.json.
 */
export function Sidebar({ items, href, navSrc }: { items: SidebarItem[]; href: (url: string) => string; navSrc: string }) {
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
        <li class={`nav-item${item.kind === "open" ? " is-open" : ""}`}>
          <a class="nav-link" href={href(item.url)} aria-current={item.current ? "page" : undefined}>
            {item.title}
          </a>
          {item.kind !== "link" && (
            <button
              type="button"
              class="nav-toggle"
              hidden
              aria-expanded={item.kind === "open" ? "true" : "false"}
              aria-label={`${item.title}: show or hide its pages`}
            />
          )}
          {item.kind === "open" && <NavList items={item.children} href={href} />}
        </li>
      ))}
    </ul>
  );
}
