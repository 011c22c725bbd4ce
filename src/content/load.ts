import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../shared/diagnostics.ts";
import { walkFiles, type Listing, type SkipRule } from "./files.ts";
import { parseSource, type ParsedSource, type SourcePage } from "./page.ts";
import { pageUrl, readmeIndexPath } from "./urls.ts";

/** A file the build copies into the site as it is: an image or PDF beside the pages, or a Jekyll site's static file. */
export interface Asset {
  /** Absolute path of the file. */
  from: string;
  /** Its path below the output folder, with forward slashes. */
  to: string;
}

/** All Markdown pages below a content folder, parsed, the files copied beside them, and every problem found on the way. */
export interface LoadedContent {
  pages: SourcePage[];
  assets: Asset[];
  diagnostics: Diagnostic[];
}

/** The files beside the pages that the build copies: images and PDFs. */
const ASSET = /\.(?:png|jpe?g|gif|svg|webp|avif|pdf)$/i;

/** A content folder, walked once: its Markdown pages and its assets (relative paths, sorted), and every problem with its files. */
export interface ContentListing extends Listing {
  assets: string[];
}

const SKIPPED_DIRS = new Set(["node_modules", "_site", "_includes", "_data", "_layouts", "_sass", "vendor"]);

export type { SkipRule } from "./files.ts";

/** The handbook's rule for what is not content: dot names, and build and dependency folders. */
export const skipDotAndBuildFolders: SkipRule = (file, isDir) => {
  const name = path.basename(file);
  return name.startsWith(".") || (isDir && SKIPPED_DIRS.has(name));
};

/** The Markdown pages and the assets below `contentDir`, and every problem with the folder's files. */
export function listContent(contentDir: string, skip: SkipRule = skipDotAndBuildFolders): ContentListing {
  const { files, diagnostics } = walkFiles(contentDir, skip);
  return { files: files.filter((f) => /\.(md|markdown)$/i.test(f)), assets: files.filter((f) => ASSET.test(f)), diagnostics };
}

/** Reads and parses every page of the handbook. A README.md is its folder's index when the folder has no index.md. */
export function loadContent(contentDir: string, skip?: SkipRule): LoadedContent {
  const root = path.resolve(contentDir);
  const listing = listContent(root, skip);
  return collectContent(root, listing, listing.files.map((relPath) => readSource(root, relPath)));
}

/** Reads and parses one file below the content folder (an absolute path). */
export function readSource(root: string, relPath: string): ParsedSource {
  const file = path.join(root, relPath);
  return parseSource(file, relPath, fs.readFileSync(file, "utf8"));
}

/** The content of the files `listContent` listed below `root`, each page read with `readSource` (in the same order), after the listing's problems. */
export function collectContent(root: string, listing: ContentListing, parsedFiles: readonly ParsedSource[]): LoadedContent {
  const { files } = listing;
  const pages: SourcePage[] = [];
  const diagnostics: Diagnostic[] = [...listing.diagnostics];
  files.forEach((relPath, i) => {
    const parsed = parsedFiles[i]!;
    const asIndex = readmeIndexPath(relPath, files);
    if (parsed.page && asIndex) parsed.page.url = pageUrl(asIndex, parsed.page.meta.permalink);
    if (parsed.page) pages.push(parsed.page);
    diagnostics.push(...parsed.diagnostics);
  });
  const assets = listing.assets.map((rel) => ({ from: path.join(root, rel), to: rel }));
  return { pages, assets, diagnostics };
}
