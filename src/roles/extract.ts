import type Token from "markdown-it/lib/token.mjs";
import type { SourcePage } from "../content/page.ts";
import type { NameCatalog, NameKind } from "./names.ts";
import { isRolePage, plainText, roleSectionOf, type ListItem, type Section } from "./sections.ts";

/** A `###` group of a role's best practices with its items as plain text. */
export interface PracticeGroup {
  heading: string;
  items: string[];
}

/** What one role page says, read before the page has a place in the navigation. */
export interface RolePage {
  /** The page it was read from. */
  source: SourcePage;
  /** Front-matter title, else the page's first `#` heading, else its file. */
  title: string;
  /** The items of "Role and Responsibilities", as plain text. */
  responsibilities: string[];
  /** Skill names: each item's bold lead-in, else its text; canonical where the names file knows them. */
  skills: string[];
  /** Tool names, read as skills are. */
  tools: string[];
  /** The Best Practices section's `###` groups (items directly under the section form a group of their own). */
  practices: PracticeGroup[];
}

/** A name a role page lists that the names file does not know: kept as written, reported so the file can grow. */
export interface UnknownName {
  kind: NameKind;
  /** As written on the page. */
  name: string;
  /** The page's file. */
  file: string;
  /** 1-based line of the list item. */
  line: number;
}

/** The name a Skills or Tools item gives: its bold lead-in, else its whole text without closing punctuation. */
export function nameOfItem(item: ListItem): string {
  return item.lead ?? item.text.replace(/[.:;,]+$/, "").trim();
}

/** Reads a role page, or returns undefined for a page that is not one. Names are normalised with `catalog`. */
export function readRole(
  source: SourcePage,
  tokens: readonly Token[],
  sections: readonly Section[],
  catalog: NameCatalog,
): { role: RolePage; unknown: UnknownName[] } | undefined {
  if (!isRolePage(source, [...sections])) return undefined;
  const unknown: UnknownName[] = [];
  const section = (name: string) => sections.find((s) => roleSectionOf(s.heading) === name);
  const names = (kind: NameKind, heading: string) => {
    const found: string[] = [];
    for (const item of section(heading)?.entries ?? []) {
      const written = nameOfItem(item);
      if (written === "") continue;
      const canonical = catalog.canonical(kind, written);
      if (canonical === undefined) unknown.push({ kind, name: written, file: source.file, line: item.line });
      const name = canonical ?? written;
      if (!found.includes(name)) found.push(name);
    }
    return found;
  };
  const best = section("Best Practices");
  const practices: PracticeGroup[] = [];
  if (best && best.entries.length > 0) practices.push({ heading: best.heading, items: best.entries.map((e) => e.text) });
  for (const sub of best?.subsections ?? []) practices.push({ heading: sub.heading, items: sub.entries.map((e) => e.text) });
  const role: RolePage = {
    source,
    title: source.meta.title?.trim() || firstHeading(tokens) || source.relPath,
    responsibilities: (section("Role and Responsibilities")?.entries ?? []).map((e) => e.text),
    skills: names("skill", "Skills"),
    tools: names("tool", "Tools"),
    practices,
  };
  return { role, unknown };
}

function firstHeading(tokens: readonly Token[]): string | undefined {
  const at = tokens.findIndex((t) => t.type === "heading_open" && t.tag === "h1");
  return at >= 0 && tokens[at + 1] ? plainText(tokens[at + 1]!) || undefined : undefined;
}

/** How many unknown names the summary line spells out; a generated handbook can have thousands. */
const SHOWN_UNKNOWN = 20;

/**
 * The build summary's line about names the names file does not know, each once with where it is first listed,
 * e.g. `2 names not in _data/names.json (kept as written): tool "Foo" (content/a.md:20), skill "Bar" (content/b.md:14)`;
 * undefined when every name is known.
 */
export function unknownNamesLine(unknown: readonly UnknownName[], where = (u: UnknownName) => `${u.file}:${u.line}`): string | undefined {
  const first = new Map<string, UnknownName>();
  for (const u of unknown) if (!first.has(`${u.kind}:${u.name}`)) first.set(`${u.kind}:${u.name}`, u);
  if (first.size === 0) return undefined;
  const all = [...first.values()];
  const listed = all.slice(0, SHOWN_UNKNOWN).map((u) => `${u.kind} "${u.name}" (${where(u)})`).join(", ");
  const more = all.length > SHOWN_UNKNOWN ? `, and ${all.length - SHOWN_UNKNOWN} more` : "";
  return `${first.size} name${first.size === 1 ? "" : "s"} not in _data/names.json (kept as written): ${listed}${more}`;
}
