import type { SidebarItem } from "../../navigation/queries.ts";
import type { NavTree } from "../../navigation/tree.ts";
import type { SiteModel } from "../../site/model.ts";
import { PageShell, renderShell } from "../components/PageShell.tsx";

/**
 * The 404 page (/404.html, which static hosts serve for a missing page): the header with search, the sidebar's top
 * level, and the top-level sections as links. Hosts serve it at any depth, so every link is absolute, with the
 * path prefix. It is not a content page, so it is never in the search index or the sitemap. With search, it offers
 * a search for the words of the missing address (hidden until the script can open the search dialog).
 */
export function renderNotFound(model: SiteModel, search: boolean): string {
  const href = (url: string) => model.href(url);
  const settings = model.settings;
  const sections = model.tree.navRoots;
  return renderShell(
    <PageShell settings={settings} search={search} href={href} documentTitle={`Page not found – ${settings.title}`} sidebar={topLevel(model.tree)}>
      <article class="content not-found">
        <h1>Page not found</h1>
        <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
        {search && (
          <form class="not-found-search" role="search" hidden>
            <label for="not-found-query">Search the handbook for the page</label>
            <div class="not-found-search-row">
              <input id="not-found-query" type="search" name="q" autocomplete="off" spellcheck={false} />
              <button type="submit">Search</button>
            </div>
          </form>
        )}
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
    </PageShell>,
  );
}

/** The sidebar's top level with nothing open; the script can open any branch from /nav.json. */
function topLevel(tree: NavTree): SidebarItem[] {
  return tree.navRoots.map((page) =>
    page.navChildren.length > 0
      ? { kind: "closed", title: page.title, url: page.url, current: false }
      : { kind: "link", title: page.title, url: page.url, current: false },
  );
}
