import { z } from "zod";

/** The two kinds of name a role page lists. */
export type NameKind = "tool" | "skill";

/**
 * `_data/names.json`: the canonical spelling of every tool (with the other spellings it replaces) and of every
 * skill. One file, read by the build, the checker and the content tests.
 */
export const namesSchema = z
  .object({
    tools: z
      .record(z.string(), z.array(z.string()))
      .default({})
      .describe("Each canonical tool name with the spellings (aliases) that mean it, e.g. \"Tensorflow\"."),
    skills: z.array(z.string()).default([]).describe("Canonical skill names."),
  })
  .loose();

/** The validated contents of `_data/names.json`. */
export type NameData = z.infer<typeof namesSchema>;

/** A name the names file knows: its canonical spelling and what it is (a few names are both a tool and a skill). */
export interface KnownName {
  name: string;
  kinds: NameKind[];
}

/** A known name mentioned in a text: where, and which. */
export interface NameMention extends KnownName {
  /** Offsets of the mention in the text (end exclusive). */
  start: number;
  end: number;
}

/** Looks names up in the data file. */
export interface NameCatalog {
  /** The name a whole text is (ignoring case and runs of spaces), or undefined when the data file does not know it. */
  lookup(text: string): KnownName | undefined;
  /** Every known name a text mentions, left to right, longest first where two start together (src/roles/names.ts). */
  find(text: string): NameMention[];
  /** Every spelling that leads to a name besides the name itself (a tool's aliases), by canonical name. */
  aliasesOf(name: string): readonly string[];
}

const fold = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Whether a spelling only names its tool or skill when written with its capitals: names of one or two letters ("R",
 * "Go") and tools whose name is an ordinary capitalised word ("Linear", "Helm"), so "linear regression" or "go live"
 * name nothing. Every other name is found in any case ("pytorch", "feature engineering").
 */
function needsItsCase(spelling: string, kinds: readonly NameKind[]): boolean {
  return spelling.length <= 2 || (kinds.includes("tool") && /^[A-Z][a-z]+$/.test(spelling));
}

/**
 * A mention is a whole word: no letter, digit or underscore touches it, nor a hyphen or dot that joins it to the next
 * word ("go-to-market", "R-squared" and "Node.js" are not "Go", "R" and "Node").
 */
const BEFORE = String.raw`(?<![\p{L}\p{N}_])(?<![\p{L}\p{N}][-.])`;
const AFTER = String.raw`(?![\p{L}\p{N}_])(?![-.][\p{L}\p{N}])`;

/** The catalog of a names file; a tool's canonical name and every alias lead to the canonical name. */
export function catalogOf(data: NameData): NameCatalog {
  const known = new Map<string, KnownName>();
  const aliases = new Map<string, string[]>();
  const add = (spelling: string, name: string, kind: NameKind) => {
    const key = fold(spelling);
    if (key === "") return;
    const entry = known.get(key);
    if (!entry) known.set(key, { name, kinds: [kind] });
    // The same name as a tool and as a skill; a spelling already taken by another name keeps its first meaning.
    else if (entry.name === name && !entry.kinds.includes(kind)) entry.kinds.push(kind);
  };
  // Canonical names first, so an alias can never shadow another tool's own name.
  for (const name of Object.keys(data.tools)) add(name, name, "tool");
  for (const name of data.skills) add(name, name, "skill");
  for (const [name, spellings] of Object.entries(data.tools)) {
    for (const alias of spellings) {
      if (known.has(fold(alias))) continue;
      add(alias, name, "tool");
      aliases.set(name, [...(aliases.get(name) ?? []), alias]);
    }
  }
  // Every spelling once (as the file writes it), longest first, so "React Native" wins over "React".
  const spellings = new Map<string, string>();
  for (const name of Object.keys(data.tools)) spellings.set(fold(name), name);
  for (const name of data.skills) if (!spellings.has(fold(name))) spellings.set(fold(name), name);
  for (const list of aliases.values()) for (const alias of list) if (!spellings.has(fold(alias))) spellings.set(fold(alias), alias);
  const exact = new Set<string>();
  for (const [key, spelling] of spellings) if (needsItsCase(spelling, known.get(key)!.kinds)) exact.add(spelling);
  const alternatives = [...spellings.values()]
    .sort((a, b) => b.length - a.length)
    .map((s) => escape(s.trim()).replace(/\s+/g, String.raw`\s+`));
  const pattern = alternatives.length > 0 ? new RegExp(`${BEFORE}(?:${alternatives.join("|")})${AFTER}`, "giu") : undefined;

  return {
    lookup: (text) => known.get(fold(text)),
    find(text) {
      if (!pattern) return [];
      const found: NameMention[] = [];
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        const written = match[0];
        const entry = known.get(fold(written))!;
        const spelling = spellings.get(fold(written))!;
        if (exact.has(spelling) && written.replace(/\s+/g, " ") !== spelling) {
          // Written without its capitals: no mention here; look again from the next character.
          pattern.lastIndex = match.index + 1;
          continue;
        }
        found.push({ name: entry.name, kinds: entry.kinds, start: match.index, end: match.index + written.length });
      }
      return found;
    },
    aliasesOf: (name) => aliases.get(name) ?? [],
  };
}

/** A catalog that knows no names: every name is kept as written and reported. */
export const EMPTY_CATALOG: NameCatalog = { lookup: () => undefined, find: () => [], aliasesOf: () => [] };
