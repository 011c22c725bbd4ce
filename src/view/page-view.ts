// Everything a page shows that comes from the model rather than from its own Markdown: computed here once, rendered by
// the layout, and compared by the dev server to decide which pages a rebuild renders. A new field of the layout goes
// here, so the dev server sees it change without being told.
import { breadcrumbsFor, childListFor, neighboursOf, sidebarFor, type PageLink, type SidebarItem } from "../navigation/queries.ts";
import type { HandbookPage } from "../navigation/tree.ts";
import { COMPARE } from "../roles/directory.ts";
import type { TeamRoles } from "../roles/role-index.ts";
import { describeForSearch, type SearchFacets } from "../search/facets.ts";
import type { SiteModel } from "../site/model.ts";
import { editUrlOf, lastUpdated, type LastUpdated } from "../site/page-meta.ts";
import type { SearchWord } from "../site/synonyms.ts";
import { reviewStatusOf, reviewViewOf, type ReviewStatusView, type ReviewView } from "./review-view.ts";

/** A child page in its parent's list. */
export type ChildLink = PageLink & { summary?: string };

/** What a role page shows besides its Markdown. */
export interface RoleView {
  /** Its family, the family's ladder and the ladder's levels (with their section ids); undefined without a ladder. */
  family: { name: string; ladder: PageLink; levels: Array<{ level: string; name: string; anchor: string }> } | undefined;
  /** The roles that share the most names with it, with the names they share. */
  related: Array<{ title: string; url: string; team: string | undefined; shared: string[] }>;
  /** The comparison page, when the site has one. */
  compareUrl: string | undefined;
  /** The page of each known name its Skills and Tools mention, and whether the role lists it (names without a page are left out). */
  nameLinks: Record<string, { url: string; listed: boolean }>;
}

/** Ids of the sections the layout adds to role and team pages. */
export const GENERATED_SECTIONS = { levels: "career-levels", related: "related-roles", tools: "team-tools" } as const;

/** One page as the layout shows it, besides its content. */
export interface PageView {
  /** Site URL without the path prefix. */
  url: string;
  /** The page's title; undefined for a page outside the navigation (no title). */
  title: string | undefined;
  /** The document's `<title>`: the page's title and the site's. */
  documentTitle: string;
  /** The meta description: the page's `description`, else its `summary`, else its first paragraph, else the site's. */
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
  /** Readers' words for the words it uses (_data/synonyms.json), indexed as hidden text; none when it is not indexed. */
  searchWords: SearchWord[];
  /** On a team page: its roles and the tools they list (the table after the content). */
  team: TeamRoles | undefined;
  /** On a role page: its family's ladder, the roles most like it, and the links its names get. */
  role: RoleView | undefined;
  /** Headings the layout adds after the content (generated sections), for "On this page". */
  sections: Array<{ id: string; text: string }>;
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
    const url = model.roles.entry(tool)?.url;
    if (url) toolUrls[tool] = url;
  }
  const role = roleView(model, page.url);
  const facets = describeForSearch(page, model.roles);
  const sections: PageView["sections"] = [];
  if (role?.family) sections.push({ id: GENERATED_SECTIONS.levels, text: "Career levels" });
  if (role && role.related.length > 0) sections.push({ id: GENERATED_SECTIONS.related, text: "Related roles" });
  if (team && team.tools.length > 0) sections.push({ id: GENERATED_SECTIONS.tools, text: TEAM_TOOLS_HEADING });
  return {
    url: page.url,
    title,
    documentTitle: title ? `${title} – ${model.settings.title}` : model.settings.title,
    description: meta.description ?? meta.summary ?? model.firstParagraphOf(page.source) ?? model.settings.description,
    withNav: meta.nav_enabled === true || (meta.nav_enabled !== false && meta.layout !== "minimal"),
    sidebar: sidebarFor(model.tree, page),
    breadcrumbs: breadcrumbsFor(page),
    children: childListFor(model.tree, page),
    previous,
    next,
    facets,
    searchWords: facets && model.synonyms ? model.synonyms.table.wordsFor(facets.title, page.source.body) : [],
    team,
    role,
    sections,
    toolUrls,
    source: page.source.generated
      ? undefined
      : { lastUpdated: lastUpdated(model, page.source), editUrl: editUrlOf(model.settings, page.source.relPath) },
    review: reviewViewOf(model, page),
    reviewStatus: reviewStatusOf(model, page),
  };
}

/** The heading of a team page's table of tools. */
export const TEAM_TOOLS_HEADING = "Tools and the roles that use them";

/** What a role page shows from the roles: undefined for a page that is not a role. */
function roleView(model: SiteModel, url: string): RoleView | undefined {
  const role = model.roles.roleAt(url);
  if (!role) return undefined;
  const ladder = role.family && model.roles.ladderAt(role.family.ladder.url);
  const nameLinks: RoleView["nameLinks"] = {};
  for (const name of role.mentioned) {
    const url = model.roles.entry(name)?.url;
    if (url) nameLinks[name] = { url, listed: role.skills.includes(name) || role.tools.includes(name) };
  }
  const compare = model.roles.generatedAt(COMPARE.url);
  return {
    family: role.family && {
      name: role.family.name,
      ladder: role.family.ladder,
      levels: (ladder?.levels ?? []).map((l) => ({ level: l.level, name: l.name, anchor: l.anchor })),
    },
    related: model.roles.relatedTo(role).map(({ role: r, shared }) => ({ title: r.title, url: r.url, team: r.team?.title, shared })),
    compareUrl: compare?.url,
    nameLinks,
  };
}
