// Who owns each page: its own `owner`, else its nearest ancestor's; and how often it is due for review, the same way.
// An owner is a team (`Dev Team`) or a GitHub handle (`@northwind-labs/platform`). A team is a name the site's
// settings map to a handle (`owners` in _data/site.json), or the title of a page that names its own owner: itself
// (`owner: Dev Team` on the Dev Team page) or a handle (`owner: "@northwind-labs/dev-team"`), which is then the team's.
// Pure: the tree and the settings' map in, owners and mistakes out, computed once per model.
import { compareStrings, diagnose, type Diagnostic } from "../shared/diagnostics.ts";
import type { SourcePage } from "../content/page.ts";
import { daysBetween, isHandle } from "../content/review.ts";
import { closest } from "../content/suggest.ts";
import type { HandbookPage, NavPage, NavTree } from "./tree.ts";

/** A page's owner, resolved. */
export interface PageOwner {
  /** What readers see: the team's name, or the handle when no team has it. */
  name: string;
  /** The GitHub handle CODEOWNERS and the review issues use; undefined for a team without one. */
  handle: string | undefined;
  /** The URL of the team's page, when a page has the team's title. */
  url: string | undefined;
  /** The page whose front matter names the owner: the page itself or the ancestor it inherits from. */
  from: SourcePage;
}

/** A value inherited down the tree, with the page that says it. */
export interface Inherited<T> {
  value: T;
  from: SourcePage;
}

/** Every page's owner and review period, and what is wrong with the owners pages name. */
export interface Ownership {
  /** The page's owner: its own, else its nearest ancestor's; undefined when neither it nor a page above names one. */
  ownerOf(page: HandbookPage): PageOwner | undefined;
  /** The page's `review_every`: its own, else its nearest ancestor's. */
  reviewEveryOf(page: HandbookPage): Inherited<string> | undefined;
  /** Whether any page names an owner: the handbook keeps owners. */
  used: boolean;
  /** An owner that is no team, at its line. */
  problems: Diagnostic[];
}

interface Team {
  handle: string | undefined;
  url: string | undefined;
}

/** Resolves every page's owner and review period over the tree; `handles` maps team names to GitHub handles. */
export function resolveOwnership(tree: NavTree, handles: Readonly<Record<string, string>>): Ownership {
  const { teams, problems } = teamsOf(tree, handles);
  const byHandle = new Map<string, string[]>();
  for (const [name, team] of teams) if (team.handle) byHandle.set(team.handle, [...(byHandle.get(team.handle) ?? []), name]);
  const resolve = (source: SourcePage, owner: string): PageOwner | undefined => {
    if (isHandle(owner)) {
      // A handle that is one team's shows as that team.
      const names = byHandle.get(owner);
      const name = names?.length === 1 ? names[0]! : undefined;
      return { name: name ?? owner, handle: owner, url: name ? teams.get(name)!.url : undefined, from: source };
    }
    const team = teams.get(owner);
    return team && { name: owner, handle: team.handle, url: team.url, from: source };
  };
  const owners = inherit((source) => (source.meta.owner === undefined ? undefined : { value: source.meta.owner, from: source }));
  const periods = inherit((source) => (source.meta.review_every === undefined ? undefined : { value: source.meta.review_every, from: source }));
  const resolved = new Map<SourcePage, PageOwner | undefined>();
  return {
    ownerOf(page) {
      const said = owners(page);
      if (!said) return undefined;
      if (!resolved.has(said.from)) resolved.set(said.from, resolve(said.from, said.value));
      return resolved.get(said.from);
    },
    reviewEveryOf: periods,
    used: tree.pages.some((p) => p.source.meta.owner !== undefined),
    problems,
  };
}

/** A value each page may say, inherited from the nearest ancestor that says it; memoised, so O(pages) in all. */
function inherit<T>(own: (source: SourcePage) => Inherited<T> | undefined): (page: HandbookPage) => Inherited<T> | undefined {
  const memo = new Map<NavPage, Inherited<T> | undefined>();
  const of = (page: HandbookPage): Inherited<T> | undefined => {
    if (page.kind !== "nav") return own(page.source);
    if (memo.has(page)) return memo.get(page);
    // Walk up to the nearest page already known or saying it, then fill in the pages on the way down.
    const path: NavPage[] = [];
    let found: Inherited<T> | undefined;
    for (let p: NavPage | undefined = page; p; p = p.parent) {
      if (memo.has(p)) {
        found = memo.get(p);
        break;
      }
      path.push(p);
      found = own(p.source);
      if (found) break;
    }
    for (const p of path.reverse()) {
      found = own(p.source) ?? found;
      memo.set(p, found);
    }
    return memo.get(page);
  };
  return of;
}

/** The teams pages name, with their handles and pages; an owner that is no team is an error at its line. */
function teamsOf(tree: NavTree, handles: Readonly<Record<string, string>>): { teams: Map<string, Team>; problems: Diagnostic[] } {
  const pagesByTitle = new Map<string, NavPage[]>();
  for (const page of tree.pages) if (page.kind === "nav") pagesByTitle.set(page.title, [...(pagesByTitle.get(page.title) ?? []), page]);
  // A team page: a page that names its own owner, itself or a handle.
  const teamPage = (name: string) =>
    pagesByTitle.get(name)?.find((p) => p.source.meta.owner === name || (p.source.meta.owner !== undefined && isHandle(p.source.meta.owner)));
  const teams = new Map<string, Team>();
  for (const [name, handle] of Object.entries(handles)) {
    const pages = pagesByTitle.get(name);
    teams.set(name, { handle, url: pages?.length === 1 ? pages[0]!.url : teamPage(name)?.url });
  }
  const problems: Diagnostic[] = [];
  const candidates = () => [...new Set([...Object.keys(handles), ...[...pagesByTitle.keys()].filter((t) => teamPage(t))])];
  for (const page of [...tree.pages].sort((a, b) => compareStrings(a.source.file, b.source.file))) {
    const owner = page.source.meta.owner;
    if (owner === undefined || isHandle(owner) || teams.has(owner)) continue;
    const own = teamPage(owner);
    if (own) {
      const handle = own.source.meta.owner;
      teams.set(owner, { handle: handle !== undefined && isHandle(handle) ? handle : undefined, url: own.url });
      continue;
    }
    const at = page.source.positions.get("owner") ?? { line: 1, column: 1 };
    const likely = closest(owner, candidates());
    const fix = pagesByTitle.has(owner)
      ? `give the page titled "${owner}" its own owner (owner: ${owner}, or the team's GitHub handle), or add "${owner}" to owners in _data/site.json`
      : likely
        ? `did you mean "${likely}"?`
        : `name a team (a page that names itself as owner, or a name in owners in _data/site.json) or a GitHub handle such as @org/team`;
    problems.push(diagnose("error", page.source.file, at.line, `owner "${owner}" is no team; ${fix}`, at.column));
  }
  return { teams, problems };
}

/**
 * What is wrong with owners and review dates that needs the whole tree: an owner that is no team, a `last_reviewed`
 * after today (a mistyped year), and, once the handbook keeps owners, a page that has none (a warning).
 */
export function ownershipProblems(tree: NavTree, ownership: Ownership, today: string): Diagnostic[] {
  const problems = [...ownership.problems];
  for (const page of tree.pages) {
    const source = page.source;
    const reviewed = source.meta.last_reviewed;
    // A day of slack: a review written down in a time zone ahead of UTC.
    if (reviewed !== undefined && daysBetween(today, reviewed) > 1) {
      const at = source.positions.get("last_reviewed") ?? { line: 1, column: 1 };
      problems.push(diagnose("error", source.file, at.line, `last_reviewed ${reviewed} is after today (${today}); write the day the page was reviewed`, at.column));
    }
    if (ownership.used && !source.generated && page.kind === "nav" && source.meta.owner === undefined && !ownership.ownerOf(page)) {
      const at = source.positions.get("title") ?? { line: 1, column: 1 };
      problems.push(diagnose("warning", source.file, at.line, `page has no owner; add owner: with the team that keeps it right, here or on a page above it`, 1));
    }
  }
  return problems;
}
