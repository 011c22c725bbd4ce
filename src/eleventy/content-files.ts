// The images and PDFs beside the Markdown pages, copied into the site at the same place below the output folder.
// Not Eleventy's passthrough copy: given a glob relative to the project it puts the copies under the content
// folder's own path (`_site/docs/teams/x.png` for `--content docs`), or outside the output folder for a content
// folder outside the project; and a glob leading out of the project ("../") makes its watcher miss every change.
import fs from "node:fs";
import path from "node:path";
import { walkFiles, type SkipRule } from "../content/files.ts";
import { skipDotAndBuildFolders } from "../content/load.ts";
import type { BuildOptions } from "./options.ts";
import type { EleventyConfig } from "./plugin.ts";

const EXTENSIONS = ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "pdf"];
const COPIED = new RegExp(`\\.(?:${EXTENSIONS.join("|")})$`, "i");

/**
 * Every image and PDF below `dir` (absolute paths), listed by the content walker under the content's own rules (dot
 * names and build folders are not content; `skip`, the output folder, neither): plain files only. A symbolic link
 * out of the folder, a FIFO or a name no URL can hold is left out here; the model reports it, and a build with such
 * a problem stops before anything is copied.
 */
export function contentFiles(dir: string, skip: string): string[] {
  const rule: SkipRule = (file, isDir) => file === skip || skipDotAndBuildFolders(file, isDir);
  return walkFiles(dir, rule).files.filter((rel) => COPIED.test(rel)).map((rel) => path.join(dir, rel));
}

/** Copies each file whose copy is missing or older; returns how many were copied. */
export function copyContentFiles(contentDir: string, outputDir: string): number {
  let copied = 0;
  for (const from of contentFiles(contentDir, outputDir)) {
    const to = path.join(outputDir, path.relative(contentDir, from));
    const source = fs.statSync(from);
    const target = fs.statSync(to, { throwIfNoEntry: false });
    if (target && target.size === source.size && target.mtimeMs >= source.mtimeMs) continue;
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    copied++;
  }
  return copied;
}

/** After each build (and each rebuild while serving, which a changed image starts), copies the content's files. */
export function registerContentFiles(eleventyConfig: EleventyConfig, options: BuildOptions): void {
  eleventyConfig.addWatchTarget(`${options.contentDir}/**/*.{${EXTENSIONS.join(",")}}`);
  eleventyConfig.on("eleventy.after", () => {
    copyContentFiles(options.contentDir, options.outputDir);
  });
}
