import type { ComponentChildren, VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { themeAttributes, type Settings } from "../../config/settings.ts";
import type { SidebarItem } from "../../navigation/queries.ts";
import { Head } from "./Head.tsx";
import { Header } from "./Header.tsx";
import { SearchDialog } from "./SearchDialog.tsx";
import { Sidebar } from "./Sidebar.tsx";

/**
 * The document every page of the site shares (written, generated and the 404): head, skip link, header, sidebar,
 * the page's main column, footer and search dialog. Contract: `href` applies the path prefix; `sidebar` undefined
 * means the page shows none (`nav_enabled: false`); `aside` goes after the main column (the on-page contents, shown
 * on its right on wide screens), so Tab reaches the page's own text first; the children are the main column's content.
 * On narrow screens the sidebar is a drawer over the page (src/client/menu.ts; without JavaScript, `#site-nav:target`
 * opens it and `#menu-closed`, a target that is never shown, closes it).
 */
export function PageShell({
  settings,
  search,
  href,
  documentTitle,
  description,
  sidebar,
  aside,
  children,
}: {
  settings: Settings;
  search: boolean;
  href: (url: string) => string;
  documentTitle: string;
  description?: string | undefined;
  sidebar: SidebarItem[] | undefined;
  aside?: ComponentChildren;
  children: ComponentChildren;
}) {
  const withNav = sidebar !== undefined;
  return (
    <html lang={settings.lang} {...themeAttributes(settings)}>
      <Head settings={settings} href={href} title={documentTitle} description={description} />
      <body class={withNav ? "with-nav" : "without-nav"}>
        <a class="skip-link" href="#main-content">
          Skip to content
        </a>
        <Header settings={settings} href={href} withNav={withNav} search={search} />
        <div class="page">
          {withNav && <NavDrawer items={sidebar} href={href} />}
          <main id="main-content" class="main" tabindex={-1}>
            {children}
          </main>
          {aside}
        </div>
        <footer class="site-footer">
          <p>{settings.footer}</p>
        </footer>
        {search && <SearchDialog bundle={href("/pagefind/")} />}
      </body>
    </html>
  );
}

/**
 * The sidebar, which narrow screens show as a drawer: a head with its close link, the navigation, and a backdrop over
 * the rest of the page that closes it when tapped. Both close links go to `#menu-closed` (the backdrop, hidden once
 * the drawer is closed, so the page does not scroll); the script turns them into buttons.
 */
function NavDrawer({ items, href }: { items: SidebarItem[]; href: (url: string) => string }) {
  return (
    <>
      <aside class="sidebar">
        <div class="sidebar-head">
          <a class="menu-close" href="#menu-closed">
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
              <path d="M6 6l12 12M18 6 6 18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
            </svg>
            <span>Close</span>
            <span class="visually-hidden"> menu</span>
          </a>
        </div>
        <Sidebar items={items} href={href} navSrc={href("/nav.json")} />
      </aside>
      <a id="menu-closed" class="menu-backdrop" href="#menu-closed" tabindex={-1} aria-hidden="true"></a>
    </>
  );
}

/** A page shell as the HTML document written to disk. */
export function renderShell(shell: VNode): string {
  return `<!doctype html>\n${renderToString(shell)}\n`;
}
