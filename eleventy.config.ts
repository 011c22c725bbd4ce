import { defaultBuildOptions } from "./src/eleventy/options.ts";
import type { EleventyConfig } from "./src/eleventy/config-api.ts";
import { handbookPlugin } from "./src/eleventy/plugin.ts";
import { BuildSession } from "./src/eleventy/session.ts";

// Thin on purpose: `npx @11ty/eleventy --config=eleventy.config.ts` builds the handbook's content/ into _site/ with
// the defaults. The project's commands (src/cli/) do not read this file: they pass the plugin their own session.
export default function (eleventyConfig: EleventyConfig) {
  handbookPlugin(eleventyConfig, new BuildSession(defaultBuildOptions()));
}
