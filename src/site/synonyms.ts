// Search synonyms: `_data/synonyms.json` maps the words readers search for to the words the handbook uses
// ("vacation" → "time off", "PTO", "leave"). Pagefind has no synonyms of its own, so the build adds the reader's word,
// hidden and weighted as the company's word is where it stands (title, heading, text), to each page that uses one of
// its words: the index grows by a few words, and a search fetches no more than for any other word. Read by the build,
// the checker (every word a synonym leads to must be on some page) and the content tests.
import fs from "node:fs";
import { z } from "zod";
import { diagnose, type Diagnostic } from "../shared/diagnostics.ts";
import { readYaml } from "../content/yaml.ts";

/** `_data/synonyms.json`. */
export const synonymsSchema = z
  .object({
    synonyms: z
      .record(z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1))
      .describe("Each word readers search for, with the words the handbook uses for it."),
  })
  .loose();

/** One reader's word and the handbook's words for it, with where the entry is in the file. */
export interface Synonym {
  word: string;
  targets: string[];
  /** 1-based line and column of the entry's key. */
  line: number;
  column: number;
}

/** A reader's word a page calls for: how much it weighs there and how often the page uses a word it leads to. */
export interface SearchWord {
  word: string;
  /** Pagefind's weight of the place the page uses it: 7 in the title, 6 to 2 in a heading (h2 to h6), else 1. */
  weight: number;
  /** Times the page uses one of its words, at most MAX_REPEAT. */
  count: number;
}

/** The synonyms file, read: its entries and what they add to a page's search text. */
export interface SynonymTable {
  entries: readonly Synonym[];
  /** The reader's words a page's title and Markdown call for, by weight then word. */
  wordsFor(title: string, body: string): SearchWord[];
}

/** How often a reader's word is repeated at most: enough for a page that uses the word often to rank above a mention. */
const MAX_REPEAT = 5;
/** Pagefind's default weights: h1 (the title) 7, h2 6 … h6 2, text 1. */
const TITLE_WEIGHT = 7;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const fold = (text: string) => text.replace(/\s+/g, " ").toLowerCase();

/** A table without entries: nothing is added to any page. */
export const NO_SYNONYMS: SynonymTable = { entries: [], wordsFor: () => [] };

/** The table of a file's entries; targets match as whole words, ignoring case and runs of spaces. */
export function synonymTable(entries: readonly Synonym[]): SynonymTable {
  if (entries.length === 0) return NO_SYNONYMS;
  const words = new Map<string, string[]>();
  for (const { word, targets } of entries) {
    for (const target of targets) words.set(fold(target), [...(words.get(fold(target)) ?? []), word]);
  }
  const alternatives = [...words.keys()].sort((a, b) => b.length - a.length).map((t) => escape(t).replace(/ /g, String.raw`\s+`));
  const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${alternatives.join("|")})(?![\p{L}\p{N}_])`, "giu");
  return {
    entries,
    wordsFor(title, body) {
      const found = new Map<string, SearchWord>();
      const add = (target: string, weight: number) => {
        for (const word of words.get(fold(target)) ?? []) {
          const before = found.get(word);
          found.set(word, { word, weight: Math.max(weight, before?.weight ?? 0), count: Math.min(MAX_REPEAT, (before?.count ?? 0) + 1) });
        }
      };
      for (const m of title.matchAll(pattern)) add(m[0], TITLE_WEIGHT);
      for (const m of body.matchAll(pattern)) {
        const lineStart = body.lastIndexOf("\n", m.index) + 1;
        const heading = /^ {0,3}(#{1,6})\s/.exec(body.slice(lineStart, lineStart + 8));
        add(m[0], heading ? TITLE_WEIGHT + 1 - heading[1]!.length : 1);
      }
      return [...found.values()].sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    },
  };
}

/** Reads the synonyms file; a missing file has no synonyms, a mistake in it is an error at its line. */
export function loadSynonyms(file: string): { table: SynonymTable; diagnostics: Diagnostic[] } {
  if (!fs.existsSync(file)) return { table: NO_SYNONYMS, diagnostics: [] };
  const text = fs.readFileSync(file, "utf8");
  const fix = `the file is JSON: { "synonyms": { "vacation": ["time off", "PTO"] } }`;
  const read = readYaml(text, { file, line: 1, name: "synonyms file", fix });
  if (read.diagnostics.length > 0) return { table: NO_SYNONYMS, diagnostics: read.diagnostics };
  const parsed = synonymsSchema.safeParse(read.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keyPath = issue.path.filter((p): p is string => typeof p === "string");
    const at = read.at(keyPath) ?? { line: 1, column: 1 };
    const where = issue.path.map(String).join(".") || "the file";
    const message = `synonyms file: ${where} ${issue.message.toLowerCase()}; "synonyms" maps each word readers search for to a list of the handbook's words`;
    return { table: NO_SYNONYMS, diagnostics: [diagnose("error", file, at.line, message, at.column)] };
  }
  const entries = Object.entries(parsed.data.synonyms).map(([word, targets]) => {
    const at = read.at(["synonyms", word]) ?? { line: 1, column: 1 };
    return { word: word.trim(), targets: targets.map((t) => t.trim()), line: at.line, column: at.column };
  });
  return { table: synonymTable(entries), diagnostics: [] };
}

/**
 * Every word a synonym leads to is on some page, in its title or text (whole words, ignoring case): a word that is
 * nowhere adds the reader's word to no page. A warning at the entry, naming the word.
 */
export function synonymProblems(table: SynonymTable, file: string, pages: Iterable<{ title: string; body: string }>): Diagnostic[] {
  const missing = new Map<string, string>();
  for (const { targets } of table.entries) for (const t of targets) missing.set(fold(t), t);
  if (missing.size === 0) return [];
  const pattern = new RegExp(
    String.raw`(?<![\p{L}\p{N}_])(?:${[...missing.keys()].sort((a, b) => b.length - a.length).map((t) => escape(t).replace(/ /g, String.raw`\s+`)).join("|")})(?![\p{L}\p{N}_])`,
    "giu",
  );
  for (const page of pages) {
    for (const text of [page.title, page.body]) for (const m of text.matchAll(pattern)) missing.delete(fold(m[0]));
    if (missing.size === 0) return [];
  }
  return table.entries.flatMap((s) =>
    s.targets
      .filter((t) => missing.has(fold(t)))
      .map((t) => diagnose("warning", file, s.line, `synonym "${s.word}" leads to "${t}", which no page uses; use a word the pages use, or remove it`, s.column)),
  );
}
