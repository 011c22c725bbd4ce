// Everything a page shows that comes from the model rather than from its own Markdown: computed here once, rendered by
// the layout, and compared by the dev server to decide which pages a rebuild renders. A new field of the layout goes
// here, so the dev server sees it change without being told.
import { breadcrumbsFor, childListFor, neighboursOf, sidebarFor, type PageLink, type SidebarItem } from "../navigation/queries.ts";
import type { HandbookPage } from "../navigation/tree.ts";
import type { TeamRoles } from "../roles/directory.ts";
import { describeForSearch, type SearchFacets } from "../search/facets.ts";
import type { SiteModel } from "../site/model.ts";
import { editUrlOf, lastUpdated, type LastUpdated } from "../site/page-meta.ts";
import { reviewStatusOf, reviewViewOf, type ReviewStatusView, type ReviewView } from "./review-view.ts";

/** A child page in its parent's list. */
export type ChildLink = PageLink & { summary?: string };

/** One page as the layout shows it, besides its content. */
export interface PageView {
  /** Site URL without the path prefix. */
  url: string;
  /** The page's title; undefined for a page outside the navigation (no title). */
  title: string | undefined;
  /** The document's `<title>`: the page's title and the site's. */
  documentTitle: string;
  /** The meta description: the page's own, else the site's. */
  description: string | undefined;
  /** Whether the page shows the sidebar: `nav_enabled: false` hides it, and so does `layout: minimal` unless `nav_enabled: true`. */
  withNav: boolean;
  /** The sidebar this page carries. */
  sidebar: SidebarItem[];
  /** Ancestors, then the page. */
  breadcrumbs: PageLink[];
  /** Its children with their summaries (none with `has_toc: false`, unless the sidebar sends readers here for them). */
  children: ChildLink[];
  /** The pages before and after it in sidebar order. */
  previous: PageLink | undefined;
  next: PageLink | undefined;
  /** What the search index records about it; undefined when it stays out of the index. */
  facets: SearchFacets | undefined;
  /** On a team page: its roles × tools table. */
  team: TeamRoles | undefined;
  /** The URL of each tool's generated page, for the team table's links. */
  toolUrls: Record<string, string>;
  /** When it last changed and where to edit it; undefined on a generated page (it has no file). */
  source: { lastUpdated: LastUpdated; editUrl: string | undefined } | undefined;
  /** Who owns the page and when its review is due; undefined for a page the handbook does not track. */
  review: ReviewView | undefined;
  /** On the generated Review status page: every tracked page by owner. */
  reviewStatus: ReviewStatusView | undefined;
}

/** What a page shows from the model: the one place the layout's data is computed. */
export function pageView(model: SiteModel, page: HandbookPage): PageView {
  const meta = page.source.meta;
  const title = page.kind === "nav" ? page.title : undefined;
  const { previous, next } = neighboursOf(model.tree, page);
  const team = model.roles.teamAt(page.url);
  const toolUrls: Record<string, string> = {};
  for (const tool of team?.tools ?? []) {
    const url = model.roles.entry("tool", tool)?.url;
    if (url) toolUrls[tool] = url;
  }
  return {
    url: page.url,
    title,
    documentTitle: title ? `${title} – ${model.settings.title}` : model.settings.title,
    description: meta.description ?? model.settings.description,
    withNav: meta.nav_enabled === true || (meta.nav_enabled !== false && meta.layout !== "minimal"),
    sidebar: sidebarFor(model.tree, page),
    breadcrumbs: breadcrumbsFor(page),
    children: childListFor(model.tree, page),
    previous,
    next,
    facets: describeForSearch(page, model.roles),
    team,
    toolUrls,
    source: page.source.generated
      ? undefined
      : { lastUpdated: lastUpdated(model, page.source), editUrl: editUrlOf(model.settings, page.source.relPath) },
    review: reviewViewOf(model, page),
    reviewStatus: reviewStatusOf(model, page),
  };
}
