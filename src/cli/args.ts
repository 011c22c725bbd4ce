import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { isCalendarDay } from "../content/review.ts";
import { urlPathProblem } from "../content/urls.ts";
import { defaultBuildOptions, type BuildOptions } from "../eleventy/options.ts";

/** Options shared by build, serve and check. */
export const siteOptions = {
  content: { type: "string" },
  output: { type: "string" },
  "path-prefix": { type: "string" },
  url: { type: "string" },
  "no-search": { type: "boolean" },
  "jekyll-config": { type: "string" },
  links: { type: "string" },
  nav: { type: "string" },
  quiet: { type: "boolean" },
  force: { type: "boolean" },
  port: { type: "string" },
  host: { type: "string" },
  today: { type: "string" },
  stale: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Thrown for a mistake on the command line; the message says what to type instead. */
export class UsageError extends Error {}

/** Parses a command's arguments into build options. */
export function parseSiteArgs(argv: string[], projectDir = process.cwd()) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: siteOptions, allowPositionals: false, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  const base = defaultBuildOptions(projectDir);
  const options: BuildOptions = {
    ...base,
    contentDir: v.content ? path.resolve(v.content) : base.contentDir,
    outputDir: v.output ? path.resolve(v.output) : base.outputDir,
    overrides: {
      ...(v["path-prefix"] !== undefined ? { pathPrefix: v["path-prefix"] } : {}),
      ...(v.url !== undefined ? { url: v.url.replace(/\/+$/, "") } : {}),
    },
    search: !v["no-search"],
    force: v.force === true,
    ...jekyllAndLinks(v["jekyll-config"], v.content, v.links),
    nav: navMode(v.nav),
    ...(v.host !== undefined ? { host: v.host } : {}),
    ...reviewOptions(v.today, v.stale),
  };
  if (v.host !== undefined && v.host !== "localhost" && net.isIP(v.host) === 0) {
    throw new UsageError(`--host must be an IP address, e.g. 0.0.0.0 to let other machines connect, not "${v.host}"`);
  }
  checkContentFolder(options.contentDir, v.content);
  const prefixProblem = v["path-prefix"] === undefined ? undefined : urlPathProblem(v["path-prefix"].trim());
  if (prefixProblem) throw new UsageError(`--path-prefix ${JSON.stringify(v["path-prefix"])} ${prefixProblem}`);
  const port = v.port === undefined ? 8080 : Number(v.port);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${v.port}"`);
  return { options, quiet: v.quiet === true, help: v.help === true, port };
}

/** `--nav error|warn`: what a navigation problem (a parent that matches no page, an empty title …) is. */
function navMode(nav: string | undefined): "error" | "warn" {
  if (nav !== undefined && nav !== "error" && nav !== "warn") throw new UsageError(`--nav must be error or warn, not "${nav}"`);
  return nav ?? "error";
}

/** `--today YYYY-MM-DD` (the day reviews are due against) and `--stale warn|error` (what an overdue page is to check). */
function reviewOptions(today: string | undefined, stale: string | undefined): Pick<BuildOptions, "today" | "stale"> {
  if (today !== undefined && !isCalendarDay(today)) throw new UsageError(`--today must be a day such as 2026-03-14, not "${today}"`);
  if (stale !== undefined && stale !== "warn" && stale !== "error") throw new UsageError(`--stale must be warn or error, not "${stale}"`);
  return { ...(today !== undefined ? { today } : {}), ...(stale !== undefined ? { stale: stale as "warn" | "error" } : {}) };
}

/** A content folder that is missing, or is a file, is a usage error naming it. */
function checkContentFolder(dir: string, given: string | undefined): void {
  const shown = given ?? (path.relative(process.cwd(), dir) || dir);
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`--content: there is no folder ${shown}`);
  if (!stat.isDirectory()) throw new UsageError(`--content: ${shown} is a file, not a folder of Markdown pages`);
}

/** `--jekyll-config` (the content folder defaults to the config's folder) and `--links error|warn`. */
function jekyllAndLinks(config: string | undefined, content: string | undefined, links: string | undefined) {
  if (links !== undefined && links !== "error" && links !== "warn") {
    throw new UsageError(`--links must be error or warn, not "${links}"`);
  }
  const jekyllConfig = config === undefined ? undefined : path.resolve(config);
  if (jekyllConfig !== undefined && !fs.existsSync(jekyllConfig)) throw new UsageError(`--jekyll-config: there is no file ${config}`);
  return {
    links: links ?? "error",
    ...(jekyllConfig ? { jekyllConfig } : {}),
    ...(jekyllConfig && content === undefined ? { contentDir: path.dirname(jekyllConfig) } : {}),
  } as const;
}
