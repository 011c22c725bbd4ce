import path from "node:path";
import { buildSiteModel, type SiteModel } from "../site/model.ts";
import type { Settings } from "../site/settings.ts";

/** What the project's commands tell the Eleventy config: where to read and write, and setting overrides. */
export interface BuildOptions {
  /** Folder of Markdown pages (absolute). */
  contentDir: string;
  /** Folder the site is written to (absolute). */
  outputDir: string;
  /** The project folder holding _includes/ and _data/ (absolute). */
  projectDir: string;
  /** Settings given on the command line; they win over _data/site.json. */
  overrides: Partial<Settings>;
  /** Index the site with Pagefind after the build. */
  search: boolean;
  /** A Jekyll site's `_config.yml` (absolute): its settings, file rules and Liquid apply. */
  jekyllConfig?: string;
  /** What a broken link or anchor is: an error that stops the build (the default), or a warning that is listed. */
  links: "error" | "warn";
  /** The address the dev server listens on (serve only); unset is 127.0.0.1, this machine only. */
  host?: string;
}

const VARIABLE = "HANDBOOK_BUILD_OPTIONS";

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

/**
 * Hands options to eleventy.config.ts. An environment variable rather than a module variable, because
 * Eleventy may re-import the config and its modules afresh when watching.
 */
export function publishBuildOptions(options: BuildOptions, env: NodeJS.ProcessEnv = process.env): void {
  env[VARIABLE] = JSON.stringify(options);
}

/** Reads the options the command published, or the defaults when Eleventy runs on its own. */
export function readBuildOptions(env: NodeJS.ProcessEnv = process.env): BuildOptions {
  const raw = env[VARIABLE];
  return raw ? { ...defaultBuildOptions(), ...(JSON.parse(raw) as BuildOptions) } : defaultBuildOptions();
}

/** The site model the options describe: the content folder, `_data/site.json` and command-line overrides. */
export function buildModel(options: BuildOptions): SiteModel {
  return buildSiteModel({
    contentDir: options.contentDir,
    settingsFile: path.join(options.projectDir, "_data", "site.json"),
    overrides: options.overrides,
    jekyllConfig: options.jekyllConfig,
  });
}

// A global symbol rather than a module variable, for the same reason as the environment variable above.
const HANDED_OFF = Symbol.for("handbook.handedOffModel");
type WithHandOff = typeof globalThis & { [HANDED_OFF]?: SiteModel };

/** Gives the model a command already built (and checked) to the next build, so it is not read twice. */
export function handOffModel(model: SiteModel): void {
  (globalThis as WithHandOff)[HANDED_OFF] = model;
}

/** Takes the model a command handed off for this content, once; later rebuilds read the content afresh. */
export function takeHandedOffModel(options: BuildOptions): SiteModel | undefined {
  const g = globalThis as WithHandOff;
  const model = g[HANDED_OFF];
  delete g[HANDED_OFF];
  return model && model.contentDir === path.resolve(options.contentDir) ? model : undefined;
}

/** The severity of a broken link or anchor under these options: every link check decides it here. */
export function linkSeverity(options: Pick<BuildOptions, "links">): "error" | "warning" {
  return options.links === "warn" ? "warning" : "error";
}
