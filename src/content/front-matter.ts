// Splitting a page into its front matter and its Markdown, and the fast path for plain front matter. Nothing here
// runs code: front matter is YAML and nothing else, read by src/content/yaml.ts.
//
// The split, as Jekyll makes it:
// - A byte order mark at the start is ignored.
// - A page has front matter when its first line is `---` (spaces after it, and a CRLF line end, are allowed).
//   Anything else after the dashes (`---js`, `---javascript`, `--- coffee`, `---json`, `---yaml`) is an error at
//   line 1: front matter is YAML between two plain `---` lines, never another language. A first line of four or
//   more dashes is a Markdown rule, not front matter.
// - The front matter ends at the next line that is `---` or `...`; a page without that line is an error at line 1.
// - The Markdown starts on the line after it. A page without front matter (an empty file too) is all Markdown.
import type { Position } from "./yaml.ts";

/** A page split into its front matter and its Markdown. */
export interface SplitPage {
  /** The YAML between the `---` lines; undefined when the page has no front matter. */
  yaml?: string;
  /** 1-based line on which the YAML starts. */
  yamlLine: number;
  /** The Markdown after the front matter. */
  body: string;
  /** 1-based line on which the body starts. */
  bodyLine: number;
}

/** A front-matter block that cannot be read, at its place. */
export interface SplitProblem {
  line: number;
  column: number;
  message: string;
}

const OPENING = /^---[ \t]*\r?$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*\r?$/;

/** Splits a page's front matter from its Markdown by the rule above. */
export function splitFrontMatter(text: string): SplitPage | SplitProblem {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const firstEnd = source.indexOf("\n");
  const first = firstEnd < 0 ? source : source.slice(0, firstEnd);
  if (!first.startsWith("---") || first.startsWith("----")) return { body: source, bodyLine: 1, yamlLine: 1 };
  if (!OPENING.test(first)) {
    const language = first.slice(3).trim();
    return {
      line: 1,
      column: first.indexOf(language) + 1,
      message: `front matter must be YAML between two plain --- lines; remove "${language}" after the opening ---`,
    };
  }
  let line = 2;
  for (let start = firstEnd + 1; firstEnd >= 0 && start <= source.length; line++) {
    const end = source.indexOf("\n", start);
    const current = end < 0 ? source.slice(start) : source.slice(start, end);
    if (CLOSING.test(current)) {
      return {
        yaml: source.slice(firstEnd + 1, start),
        yamlLine: 2,
        body: end < 0 ? "" : source.slice(end + 1),
        bodyLine: line + 1,
      };
    }
    if (end < 0) break;
    start = end + 1;
  }
  return { line: 1, column: 1, message: "front matter opened with --- is never closed; end it with a line of ---" };
}

/** Front matter as the fast path reads it: the data and each key's position. */
export interface SimpleFrontMatter {
  data: Record<string, string | number | Date>;
  keys: Map<string, Position>;
}

/** `key: value` with a value of one line. */
const SIMPLE_ENTRY = /^([A-Za-z_][\w-]*): +(.*)$/;
/** A one-line plain YAML scalar that is text: starts with a letter; no ": ", comment, tab or control character. */
const PLAIN_TEXT = /^[A-Za-z][\x20-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]*$/;
const DOUBLE_QUOTED = /^"([\x20\x21\x23-\x5B\x5D-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]*)"$/;
const SINGLE_QUOTED = /^'((?:[\x20-\x26\x28-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]|'')*)'$/;
const DECIMAL = /^(?:0|[1-9][0-9]{0,14})$/;
/** A plain `YYYY-MM-DD`, which YAML's timestamp reads as that day at midnight UTC (`last_reviewed: 2026-03-14`). */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Plain words YAML 1.2 reads as booleans or null, and keys that are not data (the full reader reports those). */
const NOT_TEXT = new Set(["true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "__proto__", "constructor", "prototype"]);

/**
 * The front matter of nearly every page, read without the YAML parser: lines of `key: value` where each value is one
 * line of plain or quoted text, a whole number or a day. Gives exactly what readYaml gives for such a text (a test holds it
 * to that on every page of the repository); returns undefined for anything else (comments, lists, nesting, dates,
 * times of day, CRLF, a repeated key …), which readYaml then reads. `firstLine` is the file line the text starts on.
 */
export function simpleFrontMatter(yaml: string, firstLine: number): SimpleFrontMatter | undefined {
  if (yaml.includes("#") || yaml.includes("\r")) return undefined;
  const data: Record<string, string | number | Date> = {};
  const keys = new Map<string, Position>();
  const lines = yaml.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    const entry = SIMPLE_ENTRY.exec(line);
    if (!entry) return undefined;
    const key = entry[1]!;
    const raw = entry[2]!;
    if (NOT_TEXT.has(key) || Object.hasOwn(data, key)) return undefined;
    let value: string | number | Date;
    let quoted: RegExpExecArray | null;
    if (DECIMAL.test(raw)) value = Number(raw);
    else if ((quoted = DAY.exec(raw))) value = new Date(Date.UTC(Number(quoted[1]), Number(quoted[2]) - 1, Number(quoted[3])));
    else if ((quoted = DOUBLE_QUOTED.exec(raw))) value = quoted[1]!;
    else if ((quoted = SINGLE_QUOTED.exec(raw))) value = quoted[1]!.replace(/''/g, "'");
    else if (PLAIN_TEXT.test(raw) && !raw.includes(": ") && !/[ :]$/.test(raw) && !NOT_TEXT.has(raw)) value = raw;
    else return undefined;
    data[key] = value;
    keys.set(key, { line: firstLine + i, column: line.length - raw.length + 1 });
  }
  // An empty text is null to the YAML reader.
  return keys.size === 0 ? undefined : { data, keys };
}
