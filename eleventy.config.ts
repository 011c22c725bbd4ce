import { handbookPlugin } from "./src/eleventy/plugin.ts";
import { readBuildOptions } from "./src/eleventy/options.ts";

// Thin on purpose: every rule lives in src/, registered by the handbook plugin.
export default function (eleventyConfig: Parameters<typeof handbookPlugin>[0]) {
  handbookPlugin(eleventyConfig, readBuildOptions());
}

export const config = {
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};
