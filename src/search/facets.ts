import { breadcrumbsFor } from "../navigation/queries.ts";
import type { HandbookPage, NavPage } from "../navigation/tree.ts";

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
}

/** The separator of the `path` shown under each search result. */
export const PATH_SEPARATOR = " › ";

const TEAMS = "Teams";
/** Top-level sections whose pages have a kind of their own. */
const SECTION_KINDS: ReadonlyMap<string, string> = new Map([
  ["Ways of Working", "process"],
  ["Policies", "policy"],
  ["Onboarding", "onboarding"],
]);
/** The sections every role page has (see content/teams/dev-team/ai-engineer.md). */
const ROLE_SECTIONS = [
  /^##[ \t]+Role and Responsibilities[ \t]*#*[ \t]*$/m,
  /^##[ \t]+Skills[ \t]*#*[ \t]*$/m,
  /^##[ \t]+Tools[ \t]*#*[ \t]*$/m,
];

/** The page's search facets, or undefined when it stays out of the index (no title, or `search_exclude: true`). */
export function describeForSearch(page: HandbookPage): SearchFacets | undefined {
  if (page.kind !== "nav" || page.source.meta.search_exclude === true) return undefined;
  const ancestors = breadcrumbsFor(page).slice(0, -1);
  return {
    title: page.title,
    path: ancestors.map((a) => a.title).join(PATH_SEPARATOR),
    team: teamOf(page),
    kind: page.source.meta.kind?.trim() || kindOf(page),
  };
}

function topOf(page: NavPage): NavPage {
  let top = page;
  while (top.parent) top = top.parent;
  return top;
}

function teamOf(page: NavPage): string | undefined {
  for (let p: NavPage | undefined = page; p; p = p.parent) {
    const parent = p.parent;
    if (parent && !parent.parent && parent.title === TEAMS) return p.title;
  }
  return undefined;
}

function kindOf(page: NavPage): string {
  if (ROLE_SECTIONS.every((section) => section.test(page.source.body))) return "role";
  const parent = page.parent;
  if (parent && !parent.parent && parent.title === TEAMS) return "team";
  if (!parent) return "page";
  return SECTION_KINDS.get(topOf(page).title) ?? "page";
}
