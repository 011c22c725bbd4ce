import { withBase } from "../content/urls.ts";
import type { SearchFacets } from "../search/facets.ts";
import type { Settings } from "../config/settings.ts";
import { isLongPage, showsToc, type OutlineEnv } from "../markdown/toc.ts";
import { hasOwnToc, type OwnTocEnv } from "../markdown/kramdown.ts";
import type { PageView } from "../view/page-view.ts";
import { Breadcrumbs } from "./components/Breadcrumbs.tsx";
import { ChildList } from "./components/ChildList.tsx";
import { PageMeta } from "./components/PageMeta.tsx";
import { PrevNext } from "./components/PrevNext.tsx";
import { ReviewNotice } from "./components/ReviewNotice.tsx";
import { PageShell, renderShell } from "./components/PageShell.tsx";
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

/** The handbook layout: a content or generated page in the page shell, with breadcrumbs, contents, child list, page meta and previous/next. */
export default function render(data: LayoutData): string {
  const { view, settings, search } = data;
  const href = (url: string) => withBase(settings.pathPrefix, url);
  const { facets, team } = view;
  const outline = data.handbookOutline;
  // A page with its own kramdown table of contents (`{:toc}`, a migrated Just the Docs page) gets no second one.
  const toc = showsToc(outline) && !hasOwnToc(data) ? outline.toc : undefined;
  return renderShell(
    <PageShell
      settings={settings}
      search={search}
      href={href}
      documentTitle={view.documentTitle}
      description={view.description}
      sidebar={view.withNav ? view.sidebar : undefined}
      aside={toc && <Toc items={toc} placement="aside" />}
    >
      <Breadcrumbs trail={view.breadcrumbs} href={href} />
      <ReviewNotice review={view.review} href={href} lang={settings.lang} />
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
      {view.source && <PageMeta lastUpdated={view.source.lastUpdated} review={view.review} editUrl={view.source.editUrl} href={href} lang={settings.lang} />}
      <PrevNext previous={view.previous} next={view.next} href={href} />
    </PageShell>,
  );
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
