import { createRequire } from "node:module";
import type matterType from "gray-matter";
import { diagnose, type Diagnostic } from "./diagnostics.ts";
import { expectationFor, frontMatterSchema, knownKeys, type FrontMatter } from "./schema.ts";
import { closest } from "./suggest.ts";
import { pageUrl } from "./urls.ts";

/** Where a front-matter key sits in its file. */
export interface Position {
  /** 1-based line of the key. */
  line: number;
  /** 1-based column where the key's value starts. */
  column: number;
}

/** One Markdown file of the handbook, its front matter validated. */
export interface SourcePage {
  /** Absolute path of the file. */
  file: string;
  /** Path below the content folder, with forward slashes. */
  relPath: string;
  /** Site URL without the path prefix; begins with "/". */
  url: string;
  /** Validated front matter. */
  meta: FrontMatter;
  /** Line and value column of each top-level front-matter key. */
  positions: ReadonlyMap<string, Position>;
  /** Markdown after the front matter. */
  body: string;
  /** 1-based line on which the body starts. */
  bodyLine: number;
  /** Set on a page the build generates (the Skills & Tools pages): it has no file, so no file date or edit link. */
  generated?: true;
}

/** Result of reading one file: the page when its front matter is usable, and what was wrong. */
export interface ParsedSource {
  page?: SourcePage;
  diagnostics: Diagnostic[];
}

const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*/;

/** Front matter split from the body, as gray-matter splits it. */
interface SplitSource {
  /** The parsed YAML. */
  data: unknown;
  /** The raw front matter: from the newline that ends the opening `---` to the closing `---` line. */
  matter: string;
  /** The Markdown after the front matter. */
  content: string;
}

// gray-matter (with js-yaml 3) is loaded on the first page whose front matter is more than plain `key: value` lines.
const require = createRequire(import.meta.url);
let grayMatter: typeof matterType | undefined;

/** Splits and parses a file's front matter; throws js-yaml's error for invalid YAML, as gray-matter does. */
function splitSource(text: string): SplitSource {
  const simple = simpleFrontMatter(text);
  if (simple) return simple;
  grayMatter ??= require("gray-matter") as typeof matterType;
  // Passing options turns off gray-matter's cache, which would share one data object between equal files.
  const parsed = grayMatter(text, {});
  return { data: parsed.data, matter: parsed.matter, content: parsed.content };
}

/** `key: value` with a value of one line. */
const SIMPLE_ENTRY = /^([A-Za-z_][\w-]*): +(.*)$/;
/** A one-line plain YAML scalar that js-yaml reads as text: starts with a letter; no ": ", comment, tab or control character. */
const PLAIN_TEXT = /^[A-Za-z][\x20-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]*$/;
const DOUBLE_QUOTED = /^"([\x20\x21\x23-\x5B\x5D-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]*)"$/;
const SINGLE_QUOTED = /^'((?:[\x20-\x26\x28-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]|'')*)'$/;
const DECIMAL = /^(?:0|[1-9][0-9]{0,14})$/;
/** Plain words YAML reads as booleans or null, and keys that would not become plain object keys. */
const NOT_TEXT = new Set(["true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "__proto__"]);

/**
 * The front matter of nearly every page, read without a YAML parser: `---`, lines of `key: value` where each value
 * is one line of plain or quoted text or a whole number, and `---`. Gives exactly what gray-matter and js-yaml give
 * for such a file; returns undefined for anything else (comments, lists, nesting, dates, CRLF, a repeated key …),
 * which the YAML parser then reads.
 */
function simpleFrontMatter(text: string): SplitSource | undefined {
  if (!text.startsWith("---\n")) return undefined;
  const close = text.indexOf("\n---", 3);
  if (close < 0) return undefined;
  const matter = text.slice(3, close);
  if (matter.includes("#") || matter.includes("\r")) return undefined;
  const data: Record<string, string | number> = {};
  const lines = matter.split("\n");
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    const entry = SIMPLE_ENTRY.exec(line);
    if (!entry) return undefined;
    const key = entry[1]!;
    const raw = entry[2]!;
    if (NOT_TEXT.has(key) || Object.hasOwn(data, key)) return undefined;
    let value: string | number;
    let quoted: RegExpExecArray | null;
    if (DECIMAL.test(raw)) value = Number(raw);
    else if ((quoted = DOUBLE_QUOTED.exec(raw))) value = quoted[1]!;
    else if ((quoted = SINGLE_QUOTED.exec(raw))) value = quoted[1]!.replace(/''/g, "'");
    else if (PLAIN_TEXT.test(raw) && !raw.includes(": ") && !/[ :]$/.test(raw) && !NOT_TEXT.has(raw)) value = raw;
    else return undefined;
    data[key] = value;
  }
  let content = text.slice(close + 4);
  if (content[0] === "\r") content = content.slice(1);
  if (content[0] === "\n") content = content.slice(1);
  return { data, matter, content };
}

/** Parses one Markdown file's front matter; never throws for a content mistake. */
export function parseSource(file: string, relPath: string, text: string): ParsedSource {
  const diagnostics: Diagnostic[] = [];
  let parsed: SplitSource;
  try {
    parsed = splitSource(text);
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    const at = yamlMistake(text, reason) ?? { line: mark ? mark.line + 1 : 1, column: mark ? mark.column + 1 : 1, hint: "" };
    diagnostics.push(
      diagnose("error", file, at.line, `front matter is not valid YAML: ${reason}; ${at.hint || "fix the YAML between the --- lines"}`, at.column),
    );
    return { diagnostics };
  }

  const positions = keyPositions(parsed.matter);
  const where = (key: string) => positions.get(key) ?? { line: 1, column: 1 };
  const data: unknown = parsed.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    diagnostics.push(diagnose("error", file, 2, "front matter must be a list of `key: value` lines"));
    return { diagnostics };
  }

  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "");
      if (seen.has(key)) continue;
      seen.add(key);
      const value = (data as Record<string, unknown>)[key];
      const at = where(key);
      diagnostics.push(
        diagnose(
          "error",
          file,
          at.line,
          `${key} must be ${expectationFor(key)}, not ${describeValue(value)}`,
          at.column,
        ),
      );
    }
    return { diagnostics };
  }

  for (const key of Object.keys(data)) {
    if (knownKeys.includes(key)) continue;
    const likely = closest(key.replace(/-/g, "_"), knownKeys);
    if (likely) {
      const at = where(key);
      diagnostics.push(
        diagnose("warning", file, at.line, `unknown key "${key}" (did you mean "${likely}"?)`, 1),
      );
    }
  }

  const meta = result.data;
  const bodyStart = text.length - parsed.content.length;
  const bodyLine = text.slice(0, bodyStart).split("\n").length;
  return {
    page: {
      file,
      relPath,
      url: pageUrl(relPath, meta.permalink),
      meta,
      positions,
      body: parsed.content,
      bodyLine,
    },
    diagnostics,
  };
}

/**
 * Where the YAML mistakes people make most are, when the parser reports them elsewhere or obscurely: a quote that
 * never closes (reported at the end of the front matter) and an unquoted value with ": " in it.
 */
function yamlMistake(text: string, reason: string): { line: number; column: number; hint: string } | undefined {
  const lines = text.split("\n");
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  for (let i = 1; i < (end < 0 ? lines.length : end); i++) {
    const key = KEY_LINE.exec(lines[i]!);
    if (!key) continue;
    const value = lines[i]!.slice(key[0].length);
    const quote = value[0];
    if (/quoted scalar/.test(reason) && (quote === '"' || quote === "'")) {
      const closed = quote === '"' ? /^"(?:[^"\\]|\\.)*"/.test(value) : /^'(?:[^']|'')*'/.test(value);
      if (!closed) return { line: i + 1, column: key[0].length + 1, hint: `the ${quote} that opens ${key[1]}'s value is never closed; end the value with ${quote}` };
    }
    if (/mapping (pair|entry)/.test(reason) && quote !== '"' && quote !== "'" && /:\s/.test(value)) {
      const colon = key[0].length + value.search(/:\s/) + 1;
      return { line: i + 1, column: colon, hint: `a value with ": " in it needs quotes: ${key[1]}: "${value.trim().replace(/"/g, '\\"')}"` };
    }
  }
  return undefined;
}

/** Finds each top-level key of the raw front matter (as gray-matter returns it, starting after the first ---). */
function keyPositions(rawMatter: string): Map<string, Position> {
  const positions = new Map<string, Position>();
  const lines = rawMatter.split("\n");
  // rawMatter begins with the newline that ends the opening "---", so index i is file line i + 1.
  lines.forEach((text, i) => {
    const match = KEY_LINE.exec(text);
    if (match && !positions.has(match[1]!)) {
      positions.set(match[1]!, { line: i + 1, column: match[0].length + 1 });
    }
  });
  return positions;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "empty";
  if (value instanceof Date) return "a date";
  if (typeof value === "object") return "a nested mapping";
  if (typeof value === "string") return `the text "${value}"`;
  return `the ${typeof value} ${String(value)}`;
}
