import path from "node:path";

/** One problem found in the content, tied to a place in a file. */
export interface Diagnostic {
  /** "error" fails the build and the checker; "warning" is reported only. */
  severity: "error" | "warning";
  /** Absolute path of the file the problem is in. */
  file: string;
  /** 1-based line of the problem. */
  line: number;
  /** 1-based column of the problem. */
  column: number;
  /** What is wrong and, where we can tell, what to do about it. */
  message: string;
}

/** Thrown by a front door (build, serve, check) when content has errors; carries all of them. */
export class ContentError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`${diagnostics.filter((d) => d.severity === "error").length} content error(s)`);
    this.name = "ContentError";
  }
}

/** Creates a diagnostic; column defaults to 1. */
export function diagnose(
  severity: Diagnostic["severity"],
  file: string,
  line: number,
  message: string,
  column = 1,
): Diagnostic {
  return { severity, file, line, column, message };
}

/** Formats a diagnostic as `file:line:col severity message`, with the file relative to cwd. */
export function formatDiagnostic(d: Diagnostic, cwd = process.cwd()): string {
  return `${displayPath(d.file, cwd)}:${d.line}:${d.column} ${d.severity} ${d.message}`;
}

/** Formats a diagnostic as a GitHub Actions workflow command, so it shows on the pull request line. */
export function formatAnnotation(d: Diagnostic, cwd = process.cwd()): string {
  const escapeData = (s: string) =>
    s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const file = escapeProperty(displayPath(d.file, cwd));
  return `::${d.severity} file=${file},line=${d.line},col=${d.column}::${escapeData(d.message)}`;
}

/** Sorts diagnostics by file, line and column so reports read top to bottom. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column ||
      compareStrings(a.message, b.message),
  );
}

/**
 * The diagnostics as they are listed: sorted, and a message repeated in one file (the same problem on many lines of a
 * long page) shown once, at its first place, ending with how many more there are.
 */
export function foldRepeats(list: readonly Diagnostic[]): Diagnostic[] {
  const groups = new Map<string, { first: Diagnostic; more: number }>();
  for (const d of sortDiagnostics(list)) {
    const key = `${d.severity}\0${d.file}\0${d.message}`;
    const group = groups.get(key);
    if (group) group.more++;
    else groups.set(key, { first: d, more: 0 });
  }
  return [...groups.values()].map(({ first, more }) => {
    if (more === 0) return first;
    const where = /\.(md|markdown)$/i.test(first.file) ? "on this page" : "in this file";
    return { ...first, message: `${first.message} (and ${more.toLocaleString("en-US")} more ${where})` };
  });
}

/**
 * Writes diagnostics to stderr (and GitHub annotations when running in Actions), repeats folded into one line;
 * returns the error count, which counts every error, also those folded into an "(and N more …)".
 */
export function reportDiagnostics(
  list: readonly Diagnostic[],
  out: (line: string) => void = (line) => process.stderr.write(line + "\n"),
  env: NodeJS.ProcessEnv = process.env,
): number {
  for (const d of foldRepeats(list)) {
    out(formatDiagnostic(d));
    if (env.GITHUB_ACTIONS === "true") out(formatAnnotation(d));
  }
  return list.filter((d) => d.severity === "error").length;
}

/** Path as people type it: relative to the working directory when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  const shown = rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
  return shown.split(path.sep).join("/");
}

/** Plain code-unit comparison: the same order on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
