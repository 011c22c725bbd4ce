import { reportDiagnostics, type Diagnostic } from "./diagnostics.ts";

/** Where a command's messages go, one line at a time, and the environment it runs in (GitHub Actions or not). */
export interface Log {
  /** Progress and summaries (stdout). */
  info(line: string): void;
  /** Problems (stderr). */
  error(line: string): void;
  /** The command's environment: `GITHUB_ACTIONS=true` adds an annotation per problem. */
  env: NodeJS.ProcessEnv;
}

/** Lines to this process's stdout and stderr. */
export const consoleLog: Log = {
  info: (line) => process.stdout.write(line + "\n"),
  error: (line) => process.stderr.write(line + "\n"),
  env: process.env,
};

/** Reports problems to a log (one line each, sorted); returns the number of errors. */
export function report(log: Log, diagnostics: readonly Diagnostic[]): number {
  return reportDiagnostics(diagnostics, log.error, log.env);
}
