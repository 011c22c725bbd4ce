import { renderToString } from "preact-render-to-string";
import { withBase } from "../content/urls.ts";
import type { SearchFacets } from "../search/facets.ts";
import type { Settings } from "../config/settings.ts";
import { isLongPage, showsToc, type OutlineEnv } from "../markdown/toc.ts";
import { hasOwnToc, type OwnTocEnv } from "../markdown/kramdown.ts";
import { themeAttributes } from "../config/settings.ts";
import type { PageView } from "../view/page-view.ts";
import { Breadcrumbs } from "./components/Breadcrumbs.tsx";
import { ChildList } from "./components/ChildList.tsx";
import { Head } from "./components/Head.tsx";
import { PageMeta } from "./components/PageMeta.tsx";
import { Header } from "./components/Header.tsx";
import { PrevNext } from "./components/PrevNext.tsx";
import { Sidebar } from "./components/Sidebar.tsx";
import { TeamMatrix } from "./components/TeamMatrix.tsx";
import { Toc } from "./components/Toc.tsx";

/** What the layout renders: a page's view, its content, and what rendering its Markdown found (src/markdown/toc.ts). */
export interface LayoutData extends OutlineEnv, OwnTocEnv {
  /** What the page shows from the model (src/view/page-view.ts). */
  view: PageView;
  /** The site's settings. */
  settings: Settings;
  /** Whether the site has a search index (and pages offer search). */
  search: boolean;
  /** Rendered Markdown of the page, or a generated page's content (the one place raw HTML passes). */
  content: string;
}

/** The handbook layout: header, sidebar, breadcrumbs, content, child list, previous/next, footer, search dialog. */
export default function render(data: LayoutData): string {
  const { view, settings, search } = data;
  const href = (url: string) => withBase(settings.pathPrefix, url);
  const { withNav, facets, team } = view;
  const outline = data.handbookOutline;
  // A page with its own kramdown table of contents (`{:toc}`, a migrated Just the Docs page) gets no second one.
  const toc = showsToc(outline) && !hasOwnToc(data) ? outline.toc : undefined;

  const html = renderToString(
    <html lang={settings.lang} {...themeAttributes(settings)}>
      <Head settings={settings} href={href} title={view.documentTitle} description={view.description} />
      <body class={withNav ? "with-nav" : "without-nav"}>
        <a class="skip-link" href="#main-content">
          Skip to content
        </a>
        <Header settings={settings} href={href} withNav={withNav} search={search} />
        <div class="page">
          {withNav && (
            <aside class="sidebar">
              <Sidebar items={view.sidebar} href={href} navSrc={href("/nav.json")} />
            </aside>
          )}
          {toc && <Toc items={toc} placement="aside" />}
          <main id="main-content" class="main" tabindex={-1}>
            <Breadcrumbs trail={view.breadcrumbs} href={href} />
            {toc && <Toc items={toc} placement="inline" />}
            <article class="content" data-pagefind-body={facets ? true : undefined}>
              {facets && <SearchData facets={facets} />}
              <div dangerouslySetInnerHTML={{ __html: data.content }} />
              {team && <TeamMatrix team={team} toolUrl={(tool) => view.toolUrls[tool]} href={href} />}
              <ChildList items={view.children} href={href} />
            </article>
            {settings.backToTop && isLongPage(outline) && (
              <p class="back-to-top">
                <a href="#top">Back to top</a>
              </p>
            )}
            {view.source && <PageMeta lastUpdated={view.source.lastUpdated} editUrl={view.source.editUrl} lang={settings.lang} />}
            <PrevNext previous={view.previous} next={view.next} href={href} />
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

/** What Pagefind records about the page besides its text: title and path (meta), team, kind, tools and skills (filters). Not shown, not indexed as words. */
function SearchData({ facets }: { facets: SearchFacets }) {
  return (
    <div hidden data-pagefind-ignore="index">
      <span data-pagefind-meta="title">{facets.title}</span>
      {facets.path && <span data-pagefind-meta="path">{facets.path}</span>}
      {facets.team && <span data-pagefind-filter="team">{facets.team}</span>}
      <span data-pagefind-filter="kind">{facets.kind}</span>
      {facets.tools.map((tool) => (
        <span data-pagefind-filter="tool">{tool}</span>
      ))}
      {facets.skills.map((skill) => (
        <span data-pagefind-filter="skill">{skill}</span>
      ))}
    </div>
  );
}

/**
 * The search dialog. Closed, it shows nothing; src/client/search.ts opens it from the header button or a shortcut
 * and loads Pagefind from `bundle` on first use.
 */
export function SearchDialog({ bundle }: { bundle: string }) {
  return (
    <dialog id="search-dialog" class="search-dialog" aria-labelledby="search-label" data-bundle={bundle}>
      <form class="search-form" role="search" method="dialog">
        <label id="search-label" class="visually-hidden" for="search-input">
          Search the handbook
        </label>
        <div class="search-field">
          <svg class="search-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" stroke-width="2" />
            <path d="m20 20-3.5-3.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
          <input
            id="search-input"
            class="search-input"
            type="text"
            enterkeyhint="search"
            autocomplete="off"
            spellcheck={false}
            placeholder="Roles, skills, tools, processes…"
            aria-describedby="search-status"
            aria-controls="search-results"
          />
          <button class="search-close" type="submit" value="close">
            <span class="visually-hidden">Close search</span>
            <kbd aria-hidden="true">Esc</kbd>
          </button>
        </div>
      </form>
      <div class="search-summary">
        <p id="search-status" class="search-status" role="status"></p>
        <button class="search-filters-toggle" type="button" aria-expanded="false" aria-controls="search-filters" hidden>
          Filters
        </button>
      </div>
      <div id="search-filters" class="search-filters" hidden>
        <div class="search-filter" role="group" aria-label="Filter by team" data-label="Team" data-filter="team"></div>
        <div class="search-filter" role="group" aria-label="Filter by kind of page" data-label="Kind" data-filter="kind"></div>
        <div class="search-filter" role="group" aria-label="Filter by tool" data-label="Tool" data-filter="tool" data-control="select"></div>
        <div class="search-filter" role="group" aria-label="Filter by skill" data-label="Skill" data-filter="skill" data-control="select"></div>
      </div>
      <ol id="search-results" class="search-results" aria-label="Results"></ol>
      <button class="search-more" type="button" hidden>
        Show more results
      </button>
    </dialog>
  );
}
