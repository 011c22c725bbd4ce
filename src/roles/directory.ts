import path from "node:path";
import { slug } from "github-slugger";
import { compareStrings, diagnose, displayPath, type Diagnostic } from "../shared/diagnostics.ts";
import type { SourcePage } from "../content/page.ts";
import type { FrontMatter } from "../content/schema.ts";
import { teamOf, treeOrder } from "../navigation/queries.ts";
import type { HandbookPage, NavTree } from "../navigation/tree.ts";
import { unknownNamesLine, type PracticeGroup, type RolePage, type UnknownName } from "./extract.ts";
import type { NameKind } from "./names.ts";

/** The generated directory page: its title, URL and place among the top-level pages (after the Glossary's 6). */
export const DIRECTORY = { title: "Skills & Tools", url: "/skills-and-tools/", navOrder: 7 } as const;

/** Ids of the directory's two lists, so `/skills-and-tools/#tools` links can be checked. */
export const DIRECTORY_ANCHORS = { tool: "tools", skill: "skills" } as const;

/** Where a kind of name gets its pages: /tools/<slug>/ and /skills/<slug>/. */
const FOLDER: Record<NameKind, string> = { tool: "tools", skill: "skills" };

/**
 * A page the build makes from the role pages rather than from a Markdown file. It enters the navigation tree as a
 * page with front matter of its own (the directory in the sidebar, the tool and skill pages below it but out of
 * the sidebar), so breadcrumbs, search, the link check and nav.json treat it like any page.
 */
export interface GeneratedPage {
  kind: "directory" | NameKind;
  /** Site URL without the path prefix. */
  url: string;
  /** The tool or skill; the directory's title for the directory. */
  name: string;
  /** What the navigation tree reads: a page without a file of its own. */
  source: SourcePage;
  /** Ids of the headings the rendered page has. */
  anchors: string[];
}

/** A team: its page's title and URL. */
export interface TeamRef {
  title: string;
  url: string;
}

/** A role page with its place in the handbook: what /roles.json and the generated pages show. */
export interface Role {
  title: string;
  /** Site URL without the path prefix. */
  url: string;
  /** The team page at or above the role, directly under "Teams"; undefined for a role outside the teams. */
  team: TeamRef | undefined;
  /** The front-matter summary, if any. */
  summary: string | undefined;
  /** The page's file. */
  file: string;
  responsibilities: string[];
  skills: string[];
  tools: string[];
  practices: PracticeGroup[];
}

/** One tool or skill with the roles that list it, ordered by team (in sidebar order), then by place in the sidebar. */
export interface NameEntry {
  kind: NameKind;
  name: string;
  /** The URL of its generated page. */
  url: string;
  roles: Role[];
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
  /** Every tool, A–Z. */
  tools: NameEntry[];
  /** Every skill, A–Z. */
  skills: NameEntry[];
  /** Teams with at least one role, in sidebar order. */
  teams: TeamRoles[];
  /** Names the names file did not know, in file and line order. */
  unknown: UnknownName[];
  /** The pages generated from the roles (none when the handbook has no tools or skills). */
  generated: GeneratedPage[];
  /** The role at a URL. */
  roleAt(url: string): Role | undefined;
  /** The tool or skill whose generated page is at a URL. */
  entryAt(url: string): NameEntry | undefined;
  /** A tool or skill by its name as the roles list it. */
  entry(kind: NameKind, name: string): NameEntry | undefined;
  /** The team whose page is at a URL, when it has roles. */
  teamAt(url: string): TeamRoles | undefined;
  /** The generated page at a URL. */
  generatedAt(url: string): GeneratedPage | undefined;
}

/** Orders names A–Z ignoring case (`dbt` among the Ds), ties by exact spelling. */
export function compareNames(a: string, b: string): number {
  return compareStrings(a.toLowerCase(), b.toLowerCase()) || compareStrings(a, b);
}

/** The pages to generate for the names the roles list: the directory, then a page per tool and per skill, A–Z. */
export function planDirectory(roles: readonly RolePage[], contentDir: string): GeneratedPage[] {
  const listed = (kind: NameKind) =>
    [...new Set(roles.flatMap((r) => (kind === "tool" ? r.tools : r.skills)))].sort(compareNames);
  const tools = listed("tool");
  const skills = listed("skill");
  if (tools.length === 0 && skills.length === 0) return [];
  const page = (kind: GeneratedPage["kind"], name: string, url: string, meta: FrontMatter, anchors: string[] = []) => ({
    kind,
    url,
    name,
    anchors,
    source: {
      file: path.join(contentDir, `generated:${url}`),
      relPath: "",
      url,
      meta,
      positions: new Map(),
      body: "",
      bodyLine: 1,
      generated: true as const,
    },
  });
  const pages: GeneratedPage[] = [
    page(
      "directory",
      DIRECTORY.title,
      DIRECTORY.url,
      {
        title: DIRECTORY.title,
        nav_order: DIRECTORY.navOrder,
        has_toc: false,
        summary: "Every tool and skill the role pages list, A–Z, with the roles that list them.",
        description: "Every tool and skill the handbook's role pages list, with the roles and teams that use them.",
      },
      [DIRECTORY_ANCHORS.tool, DIRECTORY_ANCHORS.skill],
    ),
  ];
  const users = new Map<string, number>();
  for (const r of roles) {
    for (const t of r.tools) users.set(`tool:${t}`, (users.get(`tool:${t}`) ?? 0) + 1);
    for (const s of r.skills) users.set(`skill:${s}`, (users.get(`skill:${s}`) ?? 0) + 1);
  }
  const counts = new Map<string, number>();
  // Tools first, then skills, each A–Z: the order of the directory's children in the tree.
  for (const [kind, names, first] of [["tool", tools, 1], ["skill", skills, tools.length + 1]] as const) {
    names.forEach((name, i) => {
      const base = `/${FOLDER[kind]}/${slug(name) || kind}`;
      const seen = (counts.get(base) ?? 0) + 1;
      counts.set(base, seen);
      const url = `${seen === 1 ? base : `${base}-${seen}`}/`;
      const count = users.get(`${kind}:${name}`) ?? 0;
      pages.push(
        page(kind, name, url, {
          title: name,
          parent: DIRECTORY.title,
          nav_order: first + i,
          nav_exclude: true,
          kind,
          summary: `${kind === "tool" ? "Tool" : "Skill"} listed by ${count} role${count === 1 ? "" : "s"}.`,
        }),
      );
    });
  }
  return pages;
}

/**
 * Content pages in the way of generated ones: a page titled like the directory (the tool and skill pages name it as
 * their parent), or at a generated page's URL. Each is an error on the content page. What is left to generate is
 * every page not in the way, or nothing when the directory's title is taken.
 */
export function clashesWithGenerated(
  sources: readonly SourcePage[],
  generated: readonly GeneratedPage[],
): { diagnostics: Diagnostic[]; generated: GeneratedPage[] } {
  if (generated.length === 0) return { diagnostics: [], generated: [] };
  const byUrl = new Map(generated.map((g) => [g.url, g]));
  const taken = new Set<string>();
  let titleTaken = false;
  const problems: Diagnostic[] = [];
  for (const source of sources) {
    const at = (key: string) => source.positions.get(key) ?? { line: 1, column: 1 };
    if (source.meta.title?.trim() === DIRECTORY.title) {
      titleTaken = true;
      const { line, column } = at("title");
      problems.push(
        diagnose("error", source.file, line, `title "${DIRECTORY.title}" is the title of the generated directory of tools and skills; give this page another title`, column),
      );
    }
    const clash = byUrl.get(source.url);
    if (clash) {
      taken.add(clash.url);
      const { line, column } = at(source.meta.permalink !== undefined ? "permalink" : "title");
      const what = clash.kind === "directory" ? "the generated directory of tools and skills" : `the generated page of the ${clash.kind} "${clash.name}"`;
      problems.push(
        diagnose("error", source.file, line, `URL "${source.url}" is where ${what} goes; change this page's permalink or file name`, column),
      );
    }
  }
  const left = titleTaken || taken.has(DIRECTORY.url) ? [] : generated.filter((g) => !taken.has(g.url));
  return { diagnostics: problems, generated: left };
}

/** Places the roles in the tree and gathers, for each tool and skill, the roles that list it. */
export function indexRoles(
  rolePages: readonly RolePage[],
  tree: NavTree,
  generated: readonly GeneratedPage[],
  unknown: readonly UnknownName[],
): RoleIndex {
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
      summary: r.source.meta.summary,
      file: r.source.file,
      responsibilities: r.responsibilities,
      skills: r.skills,
      tools: r.tools,
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
  const listing = new Map<string, Role[]>();
  for (const role of byTeam) {
    for (const [kind, names] of [["tool", role.tools], ["skill", role.skills]] as const) {
      for (const name of names) {
        const key = `${kind}:${name}`;
        const list = listing.get(key);
        if (list) list.push(role);
        else listing.set(key, [role]);
      }
    }
  }
  const entries = (kind: NameKind): NameEntry[] =>
    generated
      .filter((g) => g.kind === kind)
      .map((g) => ({ kind, name: g.name, url: g.url, roles: listing.get(`${kind}:${g.name}`) ?? [] }));
  const tools = entries("tool");
  const skills = entries("skill");

  const roleByUrl = new Map(roles.map((r) => [r.url, r]));
  const entryByUrl = new Map([...tools, ...skills].map((e) => [e.url, e]));
  const entryByName = new Map([...tools, ...skills].map((e) => [`${e.kind}:${e.name}`, e]));
  const generatedByUrl = new Map(generated.map((g) => [g.url, g]));
  return {
    roles: [...roles].sort((a, b) => compareStrings(a.url, b.url)),
    tools,
    skills,
    teams,
    unknown: [...unknown].sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line),
    generated: [...generated],
    roleAt: (url) => roleByUrl.get(url),
    entryAt: (url) => entryByUrl.get(url),
    entry: (kind, name) => entryByName.get(`${kind}:${name}`),
    teamAt: (url) => teamsByUrl.get(url),
    generatedAt: (url) => generatedByUrl.get(url),
  };
}

/** /roles.json: every role with the fields other systems read, URLs with the path prefix, in URL order. */
export function rolesJson(index: RoleIndex, href: (url: string) => string): string {
  const roles = index.roles.map((r) => ({
    title: r.title,
    url: href(r.url),
    team: r.team?.title ?? null,
    responsibilities: r.responsibilities,
    skills: r.skills,
    tools: r.tools,
  }));
  return `${JSON.stringify({ roles }, null, 2)}\n`;
}

/** The build summary's lines about roles: how many, and the names the names file did not know (if any). */
export function rolesSummary(index: RoleIndex): string[] {
  const lines = [
    `Roles: ${index.roles.length} role page${index.roles.length === 1 ? "" : "s"} list ${index.tools.length} tool${index.tools.length === 1 ? "" : "s"} and ${index.skills.length} skill${index.skills.length === 1 ? "" : "s"}`,
  ];
  const unknown = unknownNamesLine(index.unknown, (u) => `${displayPath(u.file)}:${u.line}`);
  if (unknown) lines.push(unknown);
  return lines;
}
