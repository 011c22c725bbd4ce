import fs from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import type { SiteModel } from "../site/model.ts";
import { describeForSearch } from "./facets.ts";

/** One file a build wrote, as Eleventy reports it after the build. */
export interface WrittenFile {
  /** Source file of the template. */
  inputPath: string;
  /** Site URL without the path prefix, or false when the template wrote nothing. */
  url: string | false;
  /** File written, or false. */
  outputPath: string | false;
  /** What was written. */
  content: string;
}

/** What indexing did. */
export interface SearchIndexReport {
  /** Pages in the index. */
  pages: number;
  /** The folder the Pagefind bundle was written to. */
  bundleDir: string;
  /** Wall time of indexing and writing the bundle, in milliseconds. */
  ms: number;
}

/** The folder, below the site's output folder, that holds the Pagefind bundle; the client loads it from here. */
export const BUNDLE_FOLDER = "pagefind";

/**
 * Parts of the indexed content that are not the page's own text: the "#" links after headings
 * and the list of child pages, which repeats other pages' titles and summaries.
 */
const EXCLUDED = [".heading-anchor", ".child-pages"];

/** The written HTML pages that belong in the index, by site URL with the path prefix applied, in URL order. */
export function searchablePages(
  model: SiteModel,
  files: readonly WrittenFile[],
): Array<{ url: string; content: string }> {
  const pages: Array<{ url: string; content: string }> = [];
  for (const file of files) {
    if (file.url === false || !file.outputPath || !file.outputPath.endsWith(".html")) continue;
    const page = model.pageFor(file.inputPath, file.url);
    if (!page || !describeForSearch(page, model.roles)) continue;
    pages.push({ url: model.href(page.url), content: file.content });
  }
  // Added in a fixed order, so two builds of the same content write the same bundle.
  return pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** Indexes the build's pages from memory with Pagefind and writes the bundle to `<outputDir>/pagefind/`. */
export async function writeSearchIndex(
  model: SiteModel,
  files: readonly WrittenFile[],
  outputDir: string,
): Promise<SearchIndexReport> {
  const started = performance.now();
  const pages = searchablePages(model, files);
  const bundleDir = path.join(outputDir, BUNDLE_FOLDER);
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    for (const page of pages) {
      const added = await index.addHTMLFile({ url: page.url, content: page.content });
      if (added.errors.length > 0)
        throw new Error(`Pagefind could not index ${page.url}: ${added.errors.join("; ")}`);
    }
    // A rebuild while serving replaces the bundle rather than piling new fragments beside old ones.
    await fs.rm(bundleDir, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length > 0)
      throw new Error(`Pagefind could not write ${bundleDir}: ${written.errors.join("; ")}`);
  } finally {
    await pagefind.close();
  }
  return { pages: pages.length, bundleDir, ms: performance.now() - started };
}
