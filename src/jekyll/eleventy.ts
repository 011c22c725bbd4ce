// Eleventy glue for a Jekyll site: Eleventy skips what Jekyll would leave out, and the site's own files (images,
// PDFs, CNAME, asset folders next to the docs) are copied as Jekyll copies them. No rules here: src/jekyll/site.ts.
import fs from "node:fs";
import path from "node:path";
import type { BuildOptions } from "../eleventy/options.ts";
import type { EleventyConfig, HandbookState } from "../eleventy/plugin.ts";
import { readJekyllSite } from "./site.ts";

/** Registers a Jekyll site's file rules with Eleventy, when the build was given a `_config.yml`. */
export function registerJekyllSite(
  eleventyConfig: EleventyConfig,
  state: HandbookState,
  options: BuildOptions,
): void {
  if (!options.jekyllConfig) return;
  // Eleventy would render every Markdown file below the content folder; the ones Jekyll excludes are not pages.
  const site = readJekyllSite(options.jekyllConfig, options.contentDir);
  for (const rel of site.ignored) {
    const target = path.relative(process.cwd(), path.join(options.contentDir, rel));
    eleventyConfig.ignores.add(rel.endsWith("/") ? `${target}/**` : target);
  }
  eleventyConfig.on("eleventy.after", ({ results }: { results: Array<{ outputPath: string | false }> }) => {
    const jekyll = state.model.jekyll;
    if (!jekyll) return;
    // What the build wrote itself (pages, the handbook's assets) wins over a file of the same name.
    const written = new Set(results.map((r) => (r.outputPath ? path.resolve(r.outputPath) : "")));
    for (const file of jekyll.staticFiles) {
      const to = path.resolve(options.outputDir, file.to);
      if (written.has(to)) continue;
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(file.from, to);
    }
  });
}
