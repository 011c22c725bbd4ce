import { renderToString } from "preact-render-to-string";
import { breadcrumbsFor, childListFor, neighboursOf, sidebarFor } from "../../src/navigation/queries.ts";
import type { HandbookState } from "../../src/eleventy/plugin.ts";
import { describeForSearch, type SearchFacets } from "../../src/search/facets.ts";
import { editUrlOf, lastUpdated } from "../../src/site/page-meta.ts";
import { isLongPage, showsToc, type OutlineEnv } from "../../src/markdown/toc.ts";
import { hasOwnToc, type OwnTocEnv } from "../../src/markdown/kramdown.ts";
import { themeAttributes } from "../../src/site/settings.ts";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { ChildList } from "../components/ChildList.tsx";
import { Head } from "../components/Head.tsx";
import { PageMeta } from "../components/PageMeta.tsx";
import { Header } from "../components/Header.tsx";
import { PrevNext } from "../components/PrevNext.tsx";
import { Sidebar } from "../components/Sidebar.tsx";
import { TeamMatrix } from "../components/TeamMatrix.tsx";
import { Toc } from "../components/Toc.tsx";

/** What Eleventy hands the layout; the Markdown renderer adds the page's outline (src/markdown/toc.ts). */
export interface LayoutData extends OutlineEnv, OwnTocEnv {
  /** The build's state; its model holds the tree. */
  handbook: HandbookState;
  /** Eleventy's page: where it came from. */
  page: { inputPath: string; url: string };
  /** Rendered Markdown of the page (the one place raw HTML passes). */
  content: string;
}

/** The handbook layout: header, sidebar, breadcrumbs, content, child list, previous/next, footer, search dialog. */
export default function render(data: LayoutData): string {
  const model = data.handbook.model;
  const page = model.pageFor(data.page.inputPath, data.page.url);
  if (!page) throw new Error(`The handbook layout was used by ${data.page.inputPath}, which is not a content page.`);
  const meta = page.source.meta;
  const href = (url: string) => model.href(url);
  const title = page.kind === "nav" ? page.title : undefined;
  const fullTitle = title ? `${title} – ${model.settings.title}` : model.settings.title;
  const description = meta.description ?? model.settings.description;
  const withNav = meta.nav_enabled !== false;
  const { previous, next } = neighboursOf(model.tree, page);
  const children = childListFor(model.tree, page);
  const facets = describeForSearch(page, model.roles);
  const team = model.roles.teamAt(page.url);
  const search = data.handbook.search;
  const outline = data.handbookOutline;
  // A page with its own kramdown table of contents (`{:toc}`, a migrated Just the Docs page) gets no second one.
  const toc = showsToc(outline) && !hasOwnToc(data) ? outline.toc : undefined;

  const html = renderToString(
    <html lang={model.settings.lang} {...themeAttributes(model.settings)}>
      <Head settings={model.settings} href={href} title={fullTitle} description={description} />
      <body class={withNav ? "with-nav" : "without-nav"}>
        <a class="skip-link" href="#main-content">
          Skip to content
        </a>
        <Header settings={model.settings} href={href} withNav={withNav} search={search} />
        <div class="page">
          {withNav && (
            <aside class="sidebar">
              <Sidebar items={sidebarFor(model.tree, page)} href={href} navSrc={href("/nav.json")} />
            </aside>
          )}
          {toc && <Toc items={toc} placement="aside" />}
          <main id="main-content" class="main" tabindex={-1}>
            <Breadcrumbs trail={breadcrumbsFor(page)} href={href} />
            {toc && <Toc items={toc} placement="inline" />}
            <article class="content" data-pagefind-body={facets ? true : undefined}>
              {facets && <SearchData facets={facets} />}
              <div dangerouslySetInnerHTML={{ __html: data.content }} />
              {team && <TeamMatrix team={team} toolUrl={(tool) => model.roles.entry("tool", tool)?.url} href={href} />}
              <ChildList items={children} href={href} />
            </article>
            {model.settings.backToTop && isLongPage(outline) && (
              <p class="back-to-top">
                <a href="#top">Back to top</a>
              </p>
            )}
            {!page.source.generated && (
              <PageMeta
                lastUpdated={lastUpdated(model, page.source)}
                editUrl={editUrlOf(model.settings, page.source.relPath)}
                lang={model.settings.lang}
              />
            )}
            <PrevNext previous={previous} next={next} href={href} />
          </main>
        </div>
        <footer class="site-footer">
          <p>{model.settings.footer}</p>
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
