import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "./diagnostics.ts";
import { compareStrings } from "./diagnostics.ts";
import { parseSource, type ParsedSource, type SourcePage } from "./page.ts";
import { pageUrl, readmeIndexPath } from "./urls.ts";

/** All Markdown pages below a content folder, parsed, with every problem found on the way. */
export interface LoadedContent {
  pages: SourcePage[];
  diagnostics: Diagnostic[];
}

const SKIPPED_DIRS = new Set(["node_modules", "_site", "_includes", "_data", "_layouts", "_sass", "vendor"]);

/** Says whether a file or folder (absolute path) is left out of the site; a Jekyll site has its own rules. */
export type SkipRule = (file: string, isDir: boolean) => boolean;

const skipDotAndBuildFolders: SkipRule = (file, isDir) => {
  const name = path.basename(file);
  return name.startsWith(".") || (isDir && SKIPPED_DIRS.has(name));
};

/** Lists the Markdown files below `contentDir` (relative paths, sorted), skipping dot and build folders. */
export function listMarkdownFiles(contentDir: string, skip: SkipRule = skipDotAndBuildFolders): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    const entries = fs.readdirSync(path.join(contentDir, rel), { withFileTypes: true });
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (skip(path.join(contentDir, child), entry.isDirectory())) continue;
      if (entry.isDirectory()) {
        walk(child);
      } else if (/\.(md|markdown)$/i.test(entry.name)) {
        found.push(child);
      }
    }
  };
  walk("");
  return found.sort(compareStrings);
}

/** Reads and parses every page of the handbook. A README.md is its folder's index when the folder has no index.md. */
export function loadContent(contentDir: string, skip?: SkipRule): LoadedContent {
  const root = path.resolve(contentDir);
  const files = listMarkdownFiles(root, skip);
  return collectContent(files, files.map((relPath) => readSource(root, relPath)));
}

/** Reads and parses one file below the content folder (an absolute path). */
export function readSource(root: string, relPath: string): ParsedSource {
  const file = path.join(root, relPath);
  return parseSource(file, relPath, fs.readFileSync(file, "utf8"));
}

/** The content of the files `listMarkdownFiles` listed, each read with `readSource` (in the same order). */
export function collectContent(files: readonly string[], parsedFiles: readonly ParsedSource[]): LoadedContent {
  const pages: SourcePage[] = [];
  const diagnostics: Diagnostic[] = [];
  files.forEach((relPath, i) => {
    const parsed = parsedFiles[i]!;
    const asIndex = readmeIndexPath(relPath, files);
    if (parsed.page && asIndex) parsed.page.url = pageUrl(asIndex, parsed.page.meta.permalink);
    if (parsed.page) pages.push(parsed.page);
    diagnostics.push(...parsed.diagnostics);
  });
  return { pages, diagnostics };
}
