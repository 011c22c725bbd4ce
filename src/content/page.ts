import { diagnose, type Diagnostic } from "../shared/diagnostics.ts";
import { simpleFrontMatter, splitFrontMatter } from "./front-matter.ts";
import { expectationFor, frontMatterSchema, isBuildKey, knownKeys, type FrontMatter } from "./schema.ts";
import { closest } from "./suggest.ts";
import { pageUrl, reservedPath, urlPathProblem } from "./urls.ts";
import { readYaml, type Position } from "./yaml.ts";

export type { Position } from "./yaml.ts";

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

/** Parses one Markdown file's front matter; never throws for a content mistake. */
export function parseSource(file: string, relPath: string, text: string): ParsedSource {
  const diagnostics: Diagnostic[] = [];
  const split = splitFrontMatter(text);
  if (!("body" in split)) return { diagnostics: [diagnose("error", file, split.line, split.message, split.column)] };
  const read = readFrontMatter(file, split.yaml, split.yamlLine);
  if (read.diagnostics.length > 0) return { diagnostics: read.diagnostics };
  const positions = read.keys;
  const where = (key: string) => positions.get(key) ?? { line: 1, column: 1 };
  const data: unknown = read.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    diagnostics.push(diagnose("error", file, split.yamlLine, "front matter must be a list of `key: value` lines"));
    return { diagnostics };
  }

  for (const key of Object.keys(data).filter(isBuildKey)) {
    const at = where(key);
    diagnostics.push(diagnose("error", file, at.line, `key "${key}" is the build's own data, not a page's; remove it: the handbook sets this itself`));
    delete (data as Record<string, unknown>)[key];
  }

  // An empty `title:` keeps the page out of the navigation, as in Just the Docs: the navigation reports it (or, on a
  // GitHub Pages site, the page's first heading gives the title), so it is no type error here.
  if ((data as Record<string, unknown>).title === null) delete (data as Record<string, unknown>).title;
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
  const url = urlProblems(file, relPath, meta, where, diagnostics);
  return {
    page: { file, relPath, url, meta, positions, body: split.body, bodyLine: split.bodyLine },
    diagnostics,
  };
}

/**
 * The page's URL, and what is wrong with it: a permalink no file or browser can take (the page then keeps its file's
 * URL, so nothing else breaks), or a URL the build writes itself. Each an error at the permalink's line.
 */
function urlProblems(file: string, relPath: string, meta: FrontMatter, where: (key: string) => Position, diagnostics: Diagnostic[]): string {
  const at = where("permalink");
  const problem = meta.permalink === undefined ? undefined : urlPathProblem(meta.permalink);
  if (problem) {
    diagnostics.push(diagnose("error", file, at.line, `permalink ${JSON.stringify(meta.permalink)} ${problem}`, at.column));
    delete meta.permalink;
  }
  const url = pageUrl(relPath, meta.permalink);
  const reserved = reservedPath(url);
  if (reserved) {
    const fix = meta.permalink === undefined ? "move or rename the file, or give it a permalink" : "choose another permalink";
    const place = meta.permalink === undefined ? { line: 1, column: 1 } : at;
    diagnostics.push(diagnose("error", file, place.line, `URL "${url}" is ${reserved.endsWith("/") ? "under " : ""}${reserved}, which the build writes itself; ${fix}`, place.column));
  }
  return url;
}

/** The front matter's data and key positions: by the fast path when it can, else by the YAML reader; {} for none. */
function readFrontMatter(file: string, yaml: string | undefined, line: number) {
  if (yaml === undefined) return { data: {}, keys: new Map<string, Position>(), diagnostics: [] };
  const simple = simpleFrontMatter(yaml, line);
  if (simple) return { ...simple, diagnostics: [] };
  const read = readYaml(yaml, { file, line, name: "front matter", fix: "fix the YAML between the --- lines" });
  return { data: read.data ?? {}, keys: read.keys, diagnostics: read.diagnostics };
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "empty";
  if (value instanceof Date) return "a date";
  if (typeof value === "object") return "a nested mapping";
  if (typeof value === "string") return `the text "${value}"`;
  return `the ${typeof value} ${String(value)}`;
}
