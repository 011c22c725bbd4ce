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
 * means the page shows none (`nav_enabled: false`); `aside` goes between the sidebar and the main column (the
 * on-page contents); the children are the main column's content.
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
          {withNav && (
            <aside class="sidebar">
              <Sidebar items={sidebar} href={href} navSrc={href("/nav.json")} />
            </aside>
          )}
          {aside}
          <main id="main-content" class="main" tabindex={-1}>
            {children}
          </main>
        </div>
        <footer class="site-footer">
          <p>{settings.footer}</p>
        </footer>
        {search && <SearchDialog bundle={href("/pagefind/")} />}
      </body>
    </html>
  );
}

/** A page shell as the HTML document written to disk. */
export function renderShell(shell: VNode): string {
  return `<!doctype html>\n${renderToString(shell)}\n`;
}
