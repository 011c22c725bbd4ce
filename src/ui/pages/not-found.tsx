import { renderToString } from "preact-render-to-string";
import type { SidebarItem } from "../../navigation/queries.ts";
import type { NavTree } from "../../navigation/tree.ts";
import type { SiteModel } from "../../site/model.ts";
import { themeAttributes } from "../../config/settings.ts";
import { Head } from "../components/Head.tsx";
import { Header } from "../components/Header.tsx";
import { Sidebar } from "../components/Sidebar.tsx";
import { SearchDialog } from "../layout.tsx";

/**
 * The 404 page (/404.html, which static hosts serve for a missing page): the header with search, the sidebar's top
 * level, and the top-level sections as links. Hosts serve it at any depth, so every link is absolute, with the
 * path prefix. It is not a content page, so it is never in the search index or the sitemap.
 */
export function renderNotFound(model: SiteModel, search: boolean): string {
  const href = (url: string) => model.href(url);
  const settings = model.settings;
  const sections = model.tree.navRoots;
  const html = renderToString(
    <html lang={settings.lang} {...themeAttributes(settings)}>
      <Head settings={settings} href={href} title={`Page not found – ${settings.title}`} />
      <body class="with-nav">
        <a class="skip-link" href="#main-content">
          Skip to content
        </a>
        <Header settings={settings} href={href} withNav={true} search={search} />
        <div class="page">
          <aside class="sidebar">
            <Sidebar items={topLevel(model.tree)} href={href} navSrc={href("/nav.json")} />
          </aside>
          <main id="main-content" class="main" tabindex={-1}>
            <article class="content not-found">
              <h1>Page not found</h1>
              <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
              <h2>Sections of the handbook</h2>
              <ul class="not-found-sections">
                {sections.map((page) => (
                  <li>
                    <a href={href(page.url)}>{page.title}</a>
                    {page.source.meta.summary && <span class="child-summary">{page.source.meta.summary}</span>}
                  </li>
                ))}
              </ul>
            </article>
          </main>
        </div>
        <footer class="site-footer">
          <p>{settings.footer}</p>
        </footer>
        {search && <SearchDialog bundle={href("/pagefind/")} />}
      </body>
    </html>,
  );
  return `<!doctype html>\n${html}\n`;
}

/** The sidebar's top level with nothing open; the script can open any branch from /nav.json. */
function topLevel(tree: NavTree): SidebarItem[] {
  return tree.navRoots.map((page) =>
    page.navChildren.length > 0
      ? { kind: "closed", title: page.title, url: page.url, current: false }
      : { kind: "link", title: page.title, url: page.url, current: false },
  );
}
