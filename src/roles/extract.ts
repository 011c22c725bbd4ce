import type Token from "markdown-it/lib/token.mjs";
import type { SourcePage } from "../content/page.ts";
import type { NameCatalog, NameKind } from "./names.ts";
import { isRolePage, plainText, roleSectionOf, type ListItem, type Section } from "./sections.ts";

/** A `###` group of a role's best practices with its items as plain text. */
export interface PracticeGroup {
  heading: string;
  items: string[];
}

/** An item of Skills or Tools that names nothing the names file knows and reads as a sentence: the role's text, no page. */
export interface RoleNote {
  /** The section it is in: "skill" for Skills, "tool" for Tools. */
  kind: NameKind;
  /** The item as plain text. */
  text: string;
}

/** What one role page says, read before the page has a place in the navigation. */
export interface RolePage {
  /** The page it was read from. */
  source: SourcePage;
  /** Front-matter title, else the page's first `#` heading, else its file. */
  title: string;
  /** The items of "Role and Responsibilities", as plain text. */
  responsibilities: string[];
  /** The skills it names (extract.ts, namesOfItem): canonical where the names file knows them. */
  skills: string[];
  /** The tools it names, read as skills are. */
  tools: string[];
  /** Items of Skills and Tools that name nothing known and read as sentences, kept as text. */
  notes: RoleNote[];
  /** Every known name the items of Skills and Tools mention (lead-ins and descriptions alike): what links on the page. */
  mentioned: string[];
  /** The Best Practices section's `###` groups (items directly under the section form a group of their own). */
  practices: PracticeGroup[];
}

/**
 * What a role page lists that the names file does not know, reported so the file can grow: a name, kept as written
 * (it gets a page), or an item that reads as a sentence and names nothing known (`sentence`; it gets no page).
 */
export interface UnknownName {
  kind: NameKind;
  /** As written on the page (plain text). */
  name: string;
  /** The page's file. */
  file: string;
  /** 1-based line of the list item. */
  line: number;
  /** True for a sentence that names nothing known. */
  sentence?: boolean;
}

/** What one item of Skills or Tools gives: names with the list they go to, or a text that names nothing known. */
export type ItemReading =
  | { names: Array<{ name: string; kind: NameKind }>; unknown?: string }
  | { names: []; note: string };

/**
 * Whether an item's text reads as a sentence rather than as a name: more than four words (no name in the names file
 * has more), or punctuation that names do not have.
 */
export function isSentence(text: string): boolean {
  return text.split(/\s+/).length > 4 || /[,;!?]|[.:]\s/.test(text);
}

/** Where a known name goes on a role: the list of the section it is in when it is that kind of name, else its own kind. */
const kindIn = (kinds: readonly NameKind[], section: NameKind): NameKind => (kinds.includes(section) ? section : kinds[0]!);

/**
 * The names an item of Skills (`section` "skill") or Tools ("tool") gives. A bold lead-in is the name (`**Python**: …`),
 * as is an item that is a known name as a whole; otherwise every known name the item mentions, as whole words, longest
 * first ("Proficiency in Python and R" gives Python and R). An item that mentions none is a name the file does not
 * know yet (kept as written) when it is short, and the role's text when it reads as a sentence: never a page.
 */
export function namesOfItem(item: ListItem, section: NameKind, catalog: NameCatalog): ItemReading {
  const text = (item.lead ?? item.text).replace(/[.:;,]+$/, "").trim();
  if (text === "") return { names: [] };
  const whole = catalog.lookup(text);
  if (whole) return { names: [{ name: whole.name, kind: kindIn(whole.kinds, section) }] };
  if (item.lead !== undefined && !isSentence(text)) return { names: [{ name: text, kind: section }], unknown: text };
  const names: Array<{ name: string; kind: NameKind }> = [];
  for (const mention of catalog.find(text)) {
    const kind = kindIn(mention.kinds, section);
    if (!names.some((n) => n.name === mention.name && n.kind === kind)) names.push({ name: mention.name, kind });
  }
  if (names.length > 0) return { names };
  return isSentence(text) ? { names: [], note: text } : { names: [{ name: text, kind: section }], unknown: text };
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
  const listed: Record<NameKind, string[]> = { skill: [], tool: [] };
  const notes: RoleNote[] = [];
  const mentioned = new Set<string>();
  for (const [kind, heading] of [["skill", "Skills"], ["tool", "Tools"]] as const) {
    for (const item of section(heading)?.entries ?? []) {
      for (const mention of catalog.find(item.text)) mentioned.add(mention.name);
      const read = namesOfItem(item, kind, catalog);
      for (const { name, kind: list } of read.names) if (!listed[list].includes(name)) listed[list].push(name);
      if ("note" in read) {
        notes.push({ kind, text: read.note });
        unknown.push({ kind, name: read.note, file: source.file, line: item.line, sentence: true });
      } else if (read.unknown !== undefined) unknown.push({ kind, name: read.unknown, file: source.file, line: item.line });
    }
  }
  const best = section("Best Practices");
  const practices: PracticeGroup[] = [];
  if (best && best.entries.length > 0) practices.push({ heading: best.heading, items: best.entries.map((e) => e.text) });
  for (const sub of best?.subsections ?? []) practices.push({ heading: sub.heading, items: sub.entries.map((e) => e.text) });
  const role: RolePage = {
    source,
    title: source.meta.title?.trim() || firstHeading(tokens) || source.relPath,
    responsibilities: (section("Role and Responsibilities")?.entries ?? []).map((e) => e.text),
    skills: listed.skill,
    tools: listed.tool,
    notes,
    mentioned: [...mentioned],
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

/** A sentence on the summary line: its first words, enough to find it. */
const shortened = (text: string) => (text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text);

/**
 * The build summary's line about what the names file does not know: each unknown name once with where it is first
 * listed, then the items that read as sentences and name nothing known, e.g. `2 names not in _data/names.json (kept as
 * written): tool "Foo" (content/a.md:20), skill "Bar" (content/b.md:14); 1 sentence names nothing in it (kept as text,
 * no page): skill "Knowledge of …" (content/b.md:15)`; undefined when every item names something known.
 */
export function unknownNamesLine(unknown: readonly UnknownName[], where = (u: UnknownName) => `${u.file}:${u.line}`): string | undefined {
  const first = new Map<string, UnknownName>();
  const sentences: UnknownName[] = [];
  for (const u of unknown) {
    if (u.sentence) sentences.push(u);
    else if (!first.has(`${u.kind}:${u.name}`)) first.set(`${u.kind}:${u.name}`, u);
  }
  const list = (items: UnknownName[]) => {
    const listed = items.slice(0, SHOWN_UNKNOWN).map((u) => `${u.kind} "${shortened(u.name)}" (${where(u)})`).join(", ");
    return listed + (items.length > SHOWN_UNKNOWN ? `, and ${items.length - SHOWN_UNKNOWN} more` : "");
  };
  const parts: string[] = [];
  const names = [...first.values()];
  if (names.length > 0) parts.push(`${names.length} name${names.length === 1 ? "" : "s"} not in _data/names.json (kept as written): ${list(names)}`);
  if (sentences.length > 0) {
    const count = `${sentences.length} sentence${sentences.length === 1 ? " names" : "s name"}`;
    parts.push(`${count} nothing in ${names.length > 0 ? "it" : "_data/names.json"} (kept as text, no page): ${list(sentences)}`);
  }
  return parts.length > 0 ? parts.join("; ") : undefined;
}
