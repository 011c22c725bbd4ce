import path from "node:path";
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
