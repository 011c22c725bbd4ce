import fs from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { buildModel, type BuildOptions } from "../eleventy/options.ts";
import { handbookPlugin } from "../eleventy/plugin.ts";
import { BuildSession } from "../eleventy/session.ts";
import { consoleLog, report, type Log } from "../shared/log.ts";
import { ReadCache } from "../site/read.ts";
import { leftOutSummary } from "../navigation/summary.ts";
import { MARKER_TEXT, OUTPUT_MARKER, outputFolderProblem } from "./output-folder.ts";

/** Builds, serves with live reload and rebuilds on change. Returns -1 while serving (the process stays up). */
export async function serveSite(options: BuildOptions, port: number, log: Log = consoleLog): Promise<number> {
  const refused = outputFolderProblem(options);
  if (refused) {
    log.error(`error: ${refused}`);
    return 1;
  }
  // Each rebuild reads the content folder again, parsing only the files whose text changed.
  const readCache = new ReadCache();
  const model = buildModel(options, readCache);
  if (report(log, model.diagnostics) > 0) {
    log.info("Fix the errors above; the server starts once the content builds.");
    return 1;
  }
  for (const line of leftOutSummary(model.tree)) log.info(line);
  fs.mkdirSync(options.outputDir, { recursive: true });
  fs.writeFileSync(path.join(options.outputDir, OUTPUT_MARKER), MARKER_TEXT);
  const session = new BuildSession({ ...options, port }, log, model, readCache);
  const eleventy = new Eleventy(session.inputDir, options.outputDir, {
    configPath: false,
    config: (eleventyConfig: never) => handbookPlugin(eleventyConfig, session),
    quietMode: true,
    pathPrefix: model.settings.pathPrefix,
    runMode: "serve",
    source: "script",
  });
  // The handbook writes its own lines (pages built, search, the server's address, errors); Eleventy's are let through
  // only for what the handbook does not say itself.
  (eleventy as unknown as LoggingEleventy).logger.overrideLogger(eleventyLines(log));
  await eleventy.init();
  const rebuild = (await eleventy.watch()) as unknown as (file: string) => Promise<void>;
  // Eleventy rebuilds when a watched file changes or is added, but not when one is deleted: the page would stay in
  // every sidebar until the next edit.
  (eleventy as unknown as WatchingEleventy).watcher.on("unlink", (file) => void rebuild(file));
  await eleventy.serve(port);
  process.on("SIGINT", () => {
    void eleventy.stopWatch().then(() => {
      session.close();
      process.exit(0);
    });
  });
  return -1;
}

/** Eleventy's own progress lines, which the handbook's replace: they count files where the handbook counts pages. */
const SAID_BY_THE_HANDBOOK = [/^Wrote \d+ files?\b/, /^Watching…$/, /^File changed: /, /^Copied \d+ /];

/** A console for Eleventy's logger: its lines without the "[11ty]" prefix and colours, less those the handbook writes. */
export function eleventyLines(log: Log): Record<"log" | "info" | "warn" | "error", (message: string) => void> {
  const pass = (write: (line: string) => void) => (message: string) => {
    // eslint-disable-next-line no-control-regex
    const lines = message.replace(/\u001b\[[0-9;]*m/g, "").split("\n").map((line) => line.replace(/^\[11ty\] ?/, ""));
    if (SAID_BY_THE_HANDBOOK.some((said) => said.test(lines[0] ?? ""))) return;
    for (const line of lines) write(line);
  };
  return { log: pass(log.info), info: pass(log.info), warn: pass(log.error), error: pass(log.error) };
}

/** The part of Eleventy's logger serveSite replaces. */
interface LoggingEleventy {
  logger: { overrideLogger(logger: ReturnType<typeof eleventyLines>): void };
}

/** The part of a watching Eleventy that serveSite reaches. */
interface WatchingEleventy {
  watcher: { on(event: "unlink", listener: (file: string) => void): void };
}
