// Eleventy glue for a Jekyll site: the site's own files (images, PDFs, CNAME, asset folders next to the docs) are
// copied as Jekyll copies them. No rules here: src/jekyll/site.ts.
import fs from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../eleventy/plugin.ts";
import type { BuildSession } from "../eleventy/session.ts";

/** After each build of a Jekyll site, copies its static files; what the build wrote itself wins over a file of the same name. */
export function registerJekyllSite(eleventyConfig: EleventyConfig, session: BuildSession): void {
  if (!session.options.jekyllConfig) return;
  const outputDir = path.resolve(session.options.outputDir);
  eleventyConfig.on("eleventy.after", ({ results }: { results: Array<{ outputPath: string | false }> }) => {
    const jekyll = session.model.jekyll;
    if (!jekyll) return;
    const written = new Set(results.map((r) => (r.outputPath ? path.resolve(r.outputPath) : "")));
    for (const file of jekyll.staticFiles) {
      const to = path.resolve(outputDir, file.to);
      if (written.has(to) || !to.startsWith(outputDir + path.sep)) continue;
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(file.from, to);
    }
  });
}
