// Career ladders as data: a page with `kind: ladder` has one `## L<n> <Name>` section per level, and names its
// family's team by linking to the team page before its first section. Each team's roles are the ladder's family.
import path from "node:path";
import type Token from "markdown-it/lib/token.mjs";
import { compareStrings, diagnose, displayPath, type Diagnostic } from "../shared/diagnostics.ts";
import type { SourcePage } from "../content/page.ts";
import { safeDecodeURI } from "../shared/hrefs.ts";
import { teamOf } from "../navigation/queries.ts";
import type { NavTree } from "../navigation/tree.ts";
import type { FamilyRef, Role, TeamRef } from "./role.ts";
import { plainText } from "./sections.ts";

/** The front-matter kind of a ladder page. */
export const LADDER_KIND = "ladder";

/** One level of a ladder, as its `## L3 Senior` section says it. */
export interface Level {
  /** "L3". */
  level: string;
  /** 3. */
  number: number;
  /** "Senior". */
  name: string;
  /** The section heading's id. */
  anchor: string;
  /** 1-based line of the heading. */
  line: number;
  /** The section's first paragraph, as plain text ("" when it has none). */
  summary: string;
  /** The section's top-level list items, as plain text. */
  expectations: string[];
}

/** What a ladder page says, read before the page has a place in the navigation. */
export interface LadderPage {
  source: SourcePage;
  title: string;
  levels: Level[];
  /** Files of the Markdown pages it links to before its first section, absolute, in order. */
  introLinks: string[];
}

/** A ladder placed in the handbook: its family and its team. */
export interface Ladder {
  title: string;
  /** Site URL without the path prefix. */
  url: string;
  /** The family's name: the title without " Ladder". */
  family: string;
  /** The team whose roles are the family; undefined when the page links to none. */
  team: TeamRef | undefined;
  levels: Level[];
  file: string;
}

const LEVEL_HEADING = /^L(\d{1,2})\s+(\S.*)$/;

/** Reads a ladder page's level sections and the links of its introduction; undefined for a page that is not a ladder. */
export function readLadder(source: SourcePage, tokens: readonly Token[]): LadderPage | undefined {
  if (source.meta.kind?.trim() !== LADDER_KIND) return undefined;
  const levels: Level[] = [];
  const introLinks: string[] = [];
  let current: Level | undefined;
  let intro = true;
  let listDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "heading_open" && t.tag === "h2") {
      intro = false;
      const text = plainText(tokens[i + 1]!);
      const match = LEVEL_HEADING.exec(text);
      current = match
        ? {
            level: `L${Number(match[1])}`,
            number: Number(match[1]),
            name: match[2]!.trim(),
            anchor: t.attrGet("id") ?? "",
            line: source.bodyLine + (t.map?.[0] ?? 0),
            summary: "",
            expectations: [],
          }
        : undefined;
      if (current) levels.push(current);
    } else if (t.type === "heading_open" && t.tag === "h1") {
      continue;
    } else if (t.type === "bullet_list_open" || t.type === "ordered_list_open") listDepth++;
    else if (t.type === "bullet_list_close" || t.type === "ordered_list_close") listDepth--;
    else if (t.type === "inline" && intro) {
      for (const child of t.children ?? []) {
        const href = child.type === "link_open" ? child.attrGet("href") : null;
        const target = href ? /^([^?#]*)/.exec(href)![1]! : "";
        if (/\.(md|markdown)$/i.test(target) && !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("/")) {
          introLinks.push(path.resolve(path.dirname(source.file), safeDecodeURI(target)));
        }
      }
    } else if (t.type === "inline" && current) {
      const previous = tokens[i - 1]!;
      if (listDepth === 0 && previous.type === "paragraph_open" && current.summary === "" && current.expectations.length === 0) {
        current.summary = plainText(t);
      } else if (listDepth === 1 && tokens[i - 2]?.type === "list_item_open") current.expectations.push(plainText(t));
    }
  }
  return { source, title: source.meta.title?.trim() || source.relPath, levels, introLinks };
}

/** The family a ladder names: its title without a trailing "Ladder" ("Platform & Security Ladder" → "Platform & Security"). */
export function familyName(title: string): string {
  return title.replace(/\s+ladder$/i, "").trim() || title;
}

/** The ladders placed in the tree, the family of each team's roles, and what is wrong with the ladders. */
export function indexLadders(
  pages: readonly LadderPage[],
  tree: NavTree,
): { ladders: Ladder[]; familyOf: (teamUrl: string) => FamilyRef | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const sorted = [...pages].sort((a, b) => compareStrings(a.source.url, b.source.url));
  const byTeam = new Map<string, Ladder>();
  const ladders: Ladder[] = [];
  for (const page of sorted) {
    const at = page.source.positions.get("kind") ?? { line: 1, column: 1 };
    const teamPage = page.introLinks.map((file) => tree.byFile.get(file)).find((p) => p?.kind === "nav" && teamOf(p) === p);
    const team = teamPage?.kind === "nav" ? { title: teamPage.title, url: teamPage.url } : undefined;
    const navPage = tree.byFile.get(page.source.file);
    const ladder: Ladder = {
      title: navPage?.kind === "nav" ? navPage.title : page.title,
      url: page.source.url,
      family: familyName(navPage?.kind === "nav" ? navPage.title : page.title),
      team,
      levels: page.levels,
      file: page.source.file,
    };
    ladders.push(ladder);
    if (!team) {
      diagnostics.push(
        diagnose("warning", page.source.file, at.line, `ladder page links to no team page before its first section; say there which team the family is, e.g. "The engineering family is the [Dev Team](../teams/dev-team/index.md)"`, at.column),
      );
    } else if (byTeam.has(team.url)) {
      const other = byTeam.get(team.url)!;
      diagnostics.push(
        diagnose("warning", page.source.file, at.line, `ladder names the team "${team.title}", as ${displayPath(other.file)} does; each team has one ladder: link this one to its own team`, at.column),
      );
    } else byTeam.set(team.url, ladder);
  }
  diagnostics.push(...levelProblems(sorted));
  const familyOf = (teamUrl: string): FamilyRef | undefined => {
    const ladder = byTeam.get(teamUrl);
    return ladder && { name: ladder.family, ladder: { title: ladder.title, url: ladder.url } };
  };
  return { ladders, familyOf, diagnostics };
}

const levelText = (l: Pick<Level, "level" | "name">) => `${l.level} ${l.name}`;

/**
 * The handbook's levels, from its ladders: every number up to the highest that two ladders have (any ladder's, when
 * there are only one or two), each with the name most ladders give it (on a tie, the first ladder's by URL).
 */
function commonLevels(pages: readonly LadderPage[]): { names: Map<number, string>; highest: number } {
  const byNumber = new Map<number, Map<string, number>>();
  for (const page of pages) {
    for (const level of new Map(page.levels.map((l) => [l.number, l])).values()) {
      const names = byNumber.get(level.number) ?? new Map<string, number>();
      names.set(level.name, (names.get(level.name) ?? 0) + 1);
      byNumber.set(level.number, names);
    }
  }
  const enough = pages.length <= 2 ? 1 : 2;
  let highest = 0;
  const names = new Map<number, string>();
  for (const [number, counts] of byNumber) {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    if (total >= enough) highest = Math.max(highest, number);
    // Map order is first-seen order, so on a tie the first ladder's name stays.
    names.set(number, [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0]);
  }
  return { names, highest };
}

/**
 * Every ladder has every level, in order: L1 up to the highest level, each named as on the other ladders
 * (commonLevels). A ladder alone sets the levels itself, and must still start at L1 and skip none.
 */
export function levelProblems(pages: readonly LadderPage[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const { names, highest } = commonLevels(pages);
  const all = Array.from({ length: highest }, (_, i) => (names.has(i + 1) ? `L${i + 1} ${names.get(i + 1)}` : `L${i + 1}`));
  const every = all.length > 0 ? `every ladder has ${all.join(", ")}, in that order` : `ladders have one "## L1 <Name>" section per level`;
  for (const page of pages) {
    const warn = (line: number, message: string, column = 1) => problems.push(diagnose("warning", page.source.file, line, `${message}; ${every}`, column));
    const kind = page.source.positions.get("kind") ?? { line: 1, column: 1 };
    if (page.levels.length === 0) {
      warn(kind.line, `ladder page has no level sections ("## L1 <Name>")`, kind.column);
      continue;
    }
    const seen = new Set<number>();
    page.levels.forEach((level, i) => {
      const before = page.levels[i - 1];
      if (seen.has(level.number)) warn(level.line, `"## ${levelText(level)}" repeats level ${level.level}`);
      else if (before && level.number < before.number) warn(level.line, `"## ${levelText(level)}" comes after "## ${levelText(before)}"`);
      else if (names.has(level.number) && names.get(level.number) !== level.name) {
        warn(level.line, `"## ${levelText(level)}" names level ${level.level} "${names.get(level.number)}" on the other ladders`);
      } else if (level.number > highest) warn(level.line, `"## ${levelText(level)}" is a level no other ladder has`);
      seen.add(level.number);
    });
    for (let n = 1; n <= highest; n++) {
      if (seen.has(n)) continue;
      const after = [...page.levels].reverse().find((l) => l.number < n);
      warn(after?.line ?? page.levels[0]!.line, `ladder has no "## L${n}${names.has(n) ? ` ${names.get(n)}` : ""}" section`);
    }
  }
  return problems;
}

/**
 * Every role belongs to a family with a ladder: its team has one. Asked only of a handbook that has ladders; a
 * warning on each role page that has none.
 */
export function familyProblems(
  roles: readonly Role[],
  ladders: readonly Ladder[],
  titleAt: (file: string) => { line: number; column: number },
): Diagnostic[] {
  if (ladders.length === 0) return [];
  const problems: Diagnostic[] = [];
  for (const role of roles) {
    if (role.family) continue;
    const message = role.team
      ? `role page is in no family with a ladder: no ladder page (kind: ladder) links to its team "${role.team.title}"; add a ladder for the team, or move the role to a team that has one`
      : `role page is in no team, so in no family with a ladder; give it a parent under Teams`;
    const { line, column } = titleAt(role.file);
    problems.push(diagnose("warning", role.file, line, message, column));
  }
  return problems;
}
