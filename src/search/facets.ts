import { breadcrumbsFor, TEAMS_TITLE, teamOf } from "../navigation/queries.ts";
import type { HandbookPage, NavPage } from "../navigation/tree.ts";
import type { RoleIndex } from "../roles/role-index.ts";

/** What the search index holds about one page besides its text; written into the page as data-pagefind-* markup. */
export interface SearchFacets {
  /** Result title: the front-matter title. */
  title: string;
  /** The ancestors' titles joined with " › " (e.g. "Teams › Dev Team"); empty at the top level. */
  path: string;
  /** `team` filter: the team page at or above this page, directly under the top-level "Teams" page. */
  team: string | undefined;
  /** `kind` filter: front-matter `kind`, else derived from the page's place and sections. */
  kind: string;
  /** `tool` filter: the tools a role lists, or the tool a generated tool page is about. */
  tools: string[];
  /** `skill` filter: the skills a role lists, or the skill a generated skill page is about. */
  skills: string[];
}

/** The separator of the `path` shown under each search result. */
export const PATH_SEPARATOR = " › ";

/** Top-level sections whose pages have a kind of their own. */
const SECTION_KINDS: ReadonlyMap<string, string> = new Map([
  ["Ways of Working", "process"],
  ["Policies", "policy"],
  ["Onboarding", "onboarding"],
]);

/**
 * The page's search facets, or undefined when it stays out of the index (no title, or `search_exclude: true`).
 * Whether a page is a role, and what it lists, comes from the roles core.
 */
export function describeForSearch(page: HandbookPage, roles: RoleIndex): SearchFacets | undefined {
  if (page.kind !== "nav" || page.source.meta.search_exclude === true) return undefined;
  const ancestors = breadcrumbsFor(page).slice(0, -1);
  const role = roles.roleAt(page.url);
  const entry = roles.entryAt(page.url);
  return {
    title: page.title,
    path: ancestors.map((a) => a.title).join(PATH_SEPARATOR),
    team: teamOf(page)?.title,
    kind: page.source.meta.kind?.trim() || kindOf(page, role !== undefined),
    tools: role?.tools ?? (entry && entry.asTool.length > 0 ? [entry.name] : []),
    skills: role?.skills ?? (entry && entry.asSkill.length > 0 ? [entry.name] : []),
  };
}

function topOf(page: NavPage): NavPage {
  let top = page;
  while (top.parent) top = top.parent;
  return top;
}

function kindOf(page: NavPage, isRole: boolean): string {
  if (isRole) return "role";
  const parent = page.parent;
  if (parent && !parent.parent && parent.title === TEAMS_TITLE) return "team";
  if (!parent) return "page";
  return SECTION_KINDS.get(topOf(page).title) ?? "page";
}
