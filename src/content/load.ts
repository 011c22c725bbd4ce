import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "./diagnostics.ts";
import { walkFiles, type Listing, type SkipRule } from "./files.ts";
import { parseSource, type ParsedSource, type SourcePage } from "./page.ts";
import { pageUrl, readmeIndexPath } from "./urls.ts";

/** All Markdown pages below a content folder, parsed, with every problem found on the way. */
export interface LoadedContent {
  pages: SourcePage[];
  diagnostics: Diagnostic[];
}

const SKIPPED_DIRS = new Set(["node_modules", "_site", "_includes", "_data", "_layouts", "_sass", "vendor"]);

export type { SkipRule } from "./files.ts";

/** The handbook's rule for what is not content: dot names, and build and dependency folders. */
export const skipDotAndBuildFolders: SkipRule = (file, isDir) => {
  const name = path.basename(file);
  return name.startsWith(".") || (isDir && SKIPPED_DIRS.has(name));
};

/** The Markdown pages below `contentDir` (relative paths, sorted), and every problem with the folder's files. */
export function listPages(contentDir: string, skip: SkipRule = skipDotAndBuildFolders): Listing {
  const { files, diagnostics } = walkFiles(contentDir, skip);
  return { files: files.filter((f) => /\.(md|markdown)$/i.test(f)), diagnostics };
}

/** Reads and parses every page of the handbook. A README.md is its folder's index when the folder has no index.md. */
export function loadContent(contentDir: string, skip?: SkipRule): LoadedContent {
  const root = path.resolve(contentDir);
  const { files, diagnostics } = listPages(root, skip);
  return collectContent(files, files.map((relPath) => readSource(root, relPath)), diagnostics);
}

/** Reads and parses one file below the content folder (an absolute path). */
export function readSource(root: string, relPath: string): ParsedSource {
  const file = path.join(root, relPath);
  return parseSource(file, relPath, fs.readFileSync(file, "utf8"));
}

/** The content of the files `listPages` listed, each read with `readSource` (in the same order), after its problems. */
export function collectContent(files: readonly string[], parsedFiles: readonly ParsedSource[], listed: readonly Diagnostic[] = []): LoadedContent {
  const pages: SourcePage[] = [];
  const diagnostics: Diagnostic[] = [...listed];
  files.forEach((relPath, i) => {
    const parsed = parsedFiles[i]!;
    const asIndex = readmeIndexPath(relPath, files);
    if (parsed.page && asIndex) parsed.page.url = pageUrl(asIndex, parsed.page.meta.permalink);
    if (parsed.page) pages.push(parsed.page);
    diagnostics.push(...parsed.diagnostics);
  });
  return { pages, diagnostics };
}
