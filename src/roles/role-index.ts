// The roles placed in the handbook: each role with its team and family, each name with its one page and the roles
// that list it, each team's roles, and related roles. Computed once per build from the role pages and the tree.
import { compareStrings } from "../shared/diagnostics.ts";
import { teamOf, treeOrder } from "../navigation/queries.ts";
import type { HandbookPage, NavTree } from "../navigation/tree.ts";
import { compareNames, type GeneratedPage, type Redirect } from "./directory.ts";
import type { RolePage, UnknownName } from "./extract.ts";
import type { Ladder } from "./ladders.ts";
import type { NameKind } from "./names.ts";
import { relatedRoles } from "./related.ts";
import type { FamilyRef, RelatedRole, Role, TeamRef } from "./role.ts";

export type { FamilyRef, RelatedRole, Role, TeamRef } from "./role.ts";

/**
 * One tool or skill, its one page, and the roles that list it, ordered by team (in sidebar order), then by place in
 * the sidebar. A name both a tool and a skill (Kubernetes) has one page, under /tools/, with both lists of roles.
 */
export interface NameEntry {
  /** What its page is: a tool when any role lists it under Tools, else a skill. */
  kind: NameKind;
  name: string;
  /** The URL of its generated page. */
  url: string;
  /** Other spellings that lead to it (`k8s`), without those that differ from the name or each other only in case. */
  aliases: string[];
  /** Every role that lists it, as a tool or as a skill. */
  roles: Role[];
  /** The roles that list it under Tools. */
  asTool: Role[];
  /** The roles that list it under Skills. */
  asSkill: Role[];
}

/** A team's roles in sidebar order, and the tools they list, A–Z. */
export interface TeamRoles {
  team: TeamRef;
  roles: Role[];
  tools: string[];
}

/** Every role of the handbook and every tool and skill they list; computed once per build. */
export interface RoleIndex {
  /** Every role, by URL. */
  roles: Role[];
  /** Every name, each with its one page, A–Z. */
  names: NameEntry[];
  /** Every name some role lists as a tool, A–Z. */
  tools: NameEntry[];
  /** Every name some role lists as a skill, A–Z (a name both a tool and a skill is in both lists). */
  skills: NameEntry[];
  /** Teams with at least one role, in sidebar order. */
  teams: TeamRoles[];
  /** Names the names file did not know, in file and line order. */
  unknown: UnknownName[];
  /** The pages generated from the roles (none when the handbook has no tools or skills). */
  generated: GeneratedPage[];
  /** Old addresses of merged name pages. */
  redirects: Redirect[];
  /** The career ladders, in URL order. */
  ladders: Ladder[];
  /** The ladder whose page is at a URL. */
  ladderAt(url: string): Ladder | undefined;
  /** The role at a URL. */
  roleAt(url: string): Role | undefined;
  /** The tool or skill whose generated page is at a URL. */
  entryAt(url: string): NameEntry | undefined;
  /** A tool or skill by its name as the roles list it. */
  entry(name: string): NameEntry | undefined;
  /** The team whose page is at a URL, when it has roles. */
  teamAt(url: string): TeamRoles | undefined;
  /** The generated page at a URL. */
  generatedAt(url: string): GeneratedPage | undefined;
  /** The roles most like a role: those that share the most names with it, at most RELATED_ROLES. */
  relatedTo(role: Role): RelatedRole[];
}

/** What indexing the roles needs besides the role pages and the tree. */
export interface IndexInputs {
  /** The generated pages left after clashes. */
  generated: readonly GeneratedPage[];
  /** Names the names file did not know. */
  unknown: readonly UnknownName[];
  /** Old addresses left after clashes. */
  redirects?: readonly Redirect[];
  /** The career ladders, and the family of a team's roles (from the ladders) by the team page's URL. */
  ladders?: readonly Ladder[];
  familyOf?: (teamUrl: string) => FamilyRef | undefined;
  /** The other spellings of a name, from the names file. */
  aliasesOf?: (name: string) => readonly string[];
}

/** Places the roles in the tree and gathers, for each tool and skill, the roles that list it. */
export function indexRoles(rolePages: readonly RolePage[], tree: NavTree, inputs: IndexInputs): RoleIndex {
  const { generated, unknown, redirects = [], ladders = [], familyOf = () => undefined, aliasesOf = () => [] } = inputs;
  // Every page's position in the whole tree (excluded pages included), for sidebar order.
  const position = new Map<HandbookPage, number>(treeOrder(tree).map((p, i) => [p, i]));
  const rankOf = (page: HandbookPage | undefined) => (page && position.get(page)) ?? Number.MAX_SAFE_INTEGER;
  const rank = (file: string) => rankOf(tree.byFile.get(file));

  const roles: Role[] = rolePages.map((r) => {
    const page = tree.byFile.get(r.source.file);
    const team = page ? teamOf(page) : undefined;
    return {
      title: page?.kind === "nav" ? page.title : r.title,
      url: r.source.url,
      team: team ? { title: team.title, url: team.url } : undefined,
      family: team ? familyOf(team.url) : undefined,
      summary: r.source.meta.summary,
      file: r.source.file,
      responsibilities: r.responsibilities,
      skills: r.skills,
      tools: r.tools,
      notes: r.notes,
      mentioned: r.mentioned,
      practices: r.practices,
    };
  });
  const inTreeOrder = [...roles].sort((a, b) => rank(a.file) - rank(b.file) || compareStrings(a.url, b.url));

  const teamsByUrl = new Map<string, TeamRoles>();
  for (const role of inTreeOrder) {
    if (!role.team) continue;
    let team = teamsByUrl.get(role.team.url);
    if (!team) teamsByUrl.set(role.team.url, (team = { team: role.team, roles: [], tools: [] }));
    team.roles.push(role);
  }
  const teams = [...teamsByUrl.values()].sort((a, b) => rankOf(tree.byUrl.get(a.team.url)) - rankOf(tree.byUrl.get(b.team.url)));
  for (const t of teams) t.tools = [...new Set(t.roles.flatMap((r) => r.tools))].sort(compareNames);

  // Roles grouped by team in sidebar order; roles outside the teams last.
  const byTeam = [...teams.flatMap((t) => t.roles), ...inTreeOrder.filter((r) => !r.team)];
  const listing = listingsOf(byTeam);
  const names: NameEntry[] = generated
    .filter((g): g is GeneratedPage & { kind: NameKind } => g.kind === "tool" || g.kind === "skill")
    .map((g) => ({
      kind: g.kind,
      name: g.name,
      url: g.url,
      aliases: otherSpellings(g.name, aliasesOf(g.name)),
      ...(listing.get(g.name) ?? { asTool: [], asSkill: [], roles: [] }),
    }))
    .sort((a, b) => compareNames(a.name, b.name));

  const roleByUrl = new Map(roles.map((r) => [r.url, r]));
  const entryByUrl = new Map(names.map((e) => [e.url, e]));
  const entryByName = new Map(names.map((e) => [e.name, e]));
  const generatedByUrl = new Map(generated.map((g) => [g.url, g]));
  const related = relatedRoles(byTeam);
  const ladderByUrl = new Map(ladders.map((l) => [l.url, l]));
  return {
    roles: [...roles].sort((a, b) => compareStrings(a.url, b.url)),
    names,
    tools: names.filter((e) => e.asTool.length > 0),
    skills: names.filter((e) => e.asSkill.length > 0),
    teams,
    unknown: [...unknown].sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line),
    generated: [...generated],
    redirects: [...redirects],
    ladders: [...ladders],
    ladderAt: (url) => ladderByUrl.get(url),
    roleAt: (url) => roleByUrl.get(url),
    entryAt: (url) => entryByUrl.get(url),
    entry: (name) => entryByName.get(name),
    teamAt: (url) => teamsByUrl.get(url),
    generatedAt: (url) => generatedByUrl.get(url),
    relatedTo: (role) => related.get(role) ?? [],
  };
}

/** For each name, the roles that list it as a tool, as a skill, and either, in the order of `roles`. */
function listingsOf(roles: readonly Role[]): Map<string, { asTool: Role[]; asSkill: Role[]; roles: Role[] }> {
  const listing = new Map<string, { asTool: Role[]; asSkill: Role[]; roles: Role[] }>();
  for (const role of roles) {
    for (const [list, names] of [["asTool", role.tools], ["asSkill", role.skills]] as const) {
      for (const name of names) {
        let entry = listing.get(name);
        if (!entry) listing.set(name, (entry = { asTool: [], asSkill: [], roles: [] }));
        entry[list].push(role);
        if (entry.roles[entry.roles.length - 1] !== role) entry.roles.push(role);
      }
    }
  }
  return listing;
}

/** The spellings of a name that are more than another case of it or of each other, as the names file writes them. */
function otherSpellings(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([name.toLowerCase()]);
  return aliases.filter((a) => !seen.has(a.toLowerCase()) && Boolean(seen.add(a.toLowerCase())));
}
