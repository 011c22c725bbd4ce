/* global process */
// The benchmark's baseline: plain Eleventy 3 on the same Markdown with a minimal layout,
// i.e. roughly what rendering the Markdown costs. Run by bench/build.ts, never by the handbook.
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export default function (eleventyConfig) {
  const input = process.env.BENCH_INPUT ?? ".";
  eleventyConfig.setIncludesDirectory(path.relative(input, path.join(here, "_includes")));
  eleventyConfig.addLayoutAlias("default", "base.11ty.js");
  eleventyConfig.addGlobalData("layout", "default");
  eleventyConfig.setTemplateFormats(["md"]);
}

export const config = {
  markdownTemplateEngine: false,
};
