// The files the site carries as they are: the images and PDFs beside the pages, or a Jekyll site's static files
// (src/content/load.ts, src/jekyll/site.ts list them; the model checks them). Not Eleventy's passthrough copy: given a
// glob relative to the project it puts the copies under the content folder's own path (`_site/docs/teams/x.png` for
// `--content docs`), or outside the output folder for a content folder outside the project.
import fs from "node:fs";
import path from "node:path";
import type { Asset } from "../content/load.ts";
import type { EleventyConfig } from "./config-api.ts";
import type { BuildSession } from "./session.ts";

/**
 * Copies each asset whose copy is missing or older into `outputDir`; a file the build wrote itself (in `written`) wins
 * over an asset of the same name, and nothing is written outside the folder. Returns how many were copied.
 */
export function copyAssets(assets: readonly Asset[], outputDir: string, written: ReadonlySet<string> = new Set()): number {
  const out = path.resolve(outputDir);
  let copied = 0;
  for (const asset of assets) {
    const to = path.resolve(out, asset.to);
    if (written.has(to) || !to.startsWith(out + path.sep)) continue;
    const source = fs.statSync(asset.from);
    const target = fs.statSync(to, { throwIfNoEntry: false });
    if (target && target.size === source.size && target.mtimeMs >= source.mtimeMs) continue;
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(asset.from, to);
    copied++;
  }
  return copied;
}

/** After each build (and each rebuild while serving, which a changed file starts), copies the model's assets. */
export function registerCopiedFiles(eleventyConfig: EleventyConfig, session: BuildSession): void {
  eleventyConfig.on("eleventy.after", ({ results }: { results: Array<{ outputPath: string | false }> }) => {
    const written = new Set(results.flatMap((r) => (r.outputPath ? [path.resolve(r.outputPath)] : [])));
    copyAssets(session.model.assets, session.options.outputDir, written);
  });
}
