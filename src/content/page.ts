import matter from "gray-matter";
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

/** Parses one Markdown file's front matter; never throws for a content mistake. */
export function parseSource(file: string, relPath: string, text: string): ParsedSource {
  const diagnostics: Diagnostic[] = [];
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options turns off gray-matter's cache, which would share one data object between equal files.
    parsed = matter(text, {});
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
