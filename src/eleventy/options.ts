import path from "node:path";
import { buildSiteModel, type SiteModel } from "../site/model.ts";
import type { ReadCache } from "../site/read.ts";
import type { Settings } from "../config/settings.ts";

/** What the project's commands tell the Eleventy config: where to read and write, and setting overrides. */
export interface BuildOptions {
  /** Folder of Markdown pages (absolute). */
  contentDir: string;
  /** Folder the site is written to (absolute). */
  outputDir: string;
  /** The project folder holding _data/ and src/client/ (absolute). */
  projectDir: string;
  /** Settings given on the command line; they win over _data/site.json. */
  overrides: Partial<Settings>;
  /** Index the site with Pagefind after the build. */
  search: boolean;
  /** A Jekyll site's `_config.yml` (absolute): its settings, file rules and Liquid apply. */
  jekyllConfig?: string;
  /** What a broken link or anchor is: an error that stops the build (the default), or a warning that is listed. */
  links: "error" | "warn";
  /** What a navigation problem is: an error that stops the build (the default), or a warning, the page left out of the navigation (`--nav warn`). */
  nav?: "error" | "warn";
  /** Write into an output folder that holds files the build did not write (`--force`). */
  force?: boolean;
  /** The address the dev server listens on (serve only); unset is 127.0.0.1, this machine only. */
  host?: string;
  /** The port the dev server asks for (serve only); when it is taken, the next free one is used. */
  port?: number;
  /** The day reviews are due against (`--today`), `YYYY-MM-DD`; unset is today. */
  today?: string;
  /** What a page overdue for review is to `check` (`--stale`): a warning (the default) or an error. */
  stale?: "warn" | "error";
}

/** The defaults: the repository's own content/ into _site/. */
export function defaultBuildOptions(projectDir = process.cwd()): BuildOptions {
  return {
    contentDir: path.join(projectDir, "content"),
    outputDir: path.join(projectDir, "_site"),
    projectDir,
    overrides: {},
    search: true,
    links: "error",
  };
}

/** The site model the options describe: the content folder, `_data/site.json` and command-line overrides. */
export function buildModel(options: BuildOptions, readCache?: ReadCache): SiteModel {
  return buildSiteModel({
    contentDir: options.contentDir,
    settingsFile: path.join(options.projectDir, "_data", "site.json"),
    overrides: options.overrides,
    jekyllConfig: options.jekyllConfig,
    outputDir: options.outputDir,
    navProblems: options.nav === "warn" ? "warning" : "error",
    readCache,
    today: options.today,
  });
}

/** The severity of a broken link or anchor under these options: every link check decides it here. */
export function linkSeverity(options: Pick<BuildOptions, "links">): "error" | "warning" {
  return options.links === "warn" ? "warning" : "error";
}
