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

/** Writes diagnostics to stderr (and GitHub annotations when running in Actions); returns the error count. */
export function reportDiagnostics(
  list: readonly Diagnostic[],
  out: (line: string) => void = (line) => process.stderr.write(line + "\n"),
  env: NodeJS.ProcessEnv = process.env,
): number {
  const sorted = sortDiagnostics(list);
  for (const d of sorted) {
    out(formatDiagnostic(d));
    if (env.GITHUB_ACTIONS === "true") out(formatAnnotation(d));
  }
  return sorted.filter((d) => d.severity === "error").length;
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
