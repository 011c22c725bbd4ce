import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "./diagnostics.ts";
import { compareStrings } from "./diagnostics.ts";
import { parseSource, type SourcePage } from "./page.ts";

/** All Markdown pages below a content folder, parsed, with every problem found on the way. */
export interface LoadedContent {
  pages: SourcePage[];
  diagnostics: Diagnostic[];
}

const SKIPPED_DIRS = new Set(["node_modules", "_site", "_includes", "_data", "_layouts", "_sass", "vendor"]);

/** Lists the Markdown files below `contentDir` (relative paths, sorted), skipping dot and build folders. */
export function listMarkdownFiles(contentDir: string): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    const entries = fs.readdirSync(path.join(contentDir, rel), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(child);
      } else if (/\.(md|markdown)$/i.test(entry.name)) {
        found.push(child);
      }
    }
  };
  walk("");
  return found.sort(compareStrings);
}

/** Reads and parses every page of the handbook. */
export function loadContent(contentDir: string): LoadedContent {
  const root = path.resolve(contentDir);
  const pages: SourcePage[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const relPath of listMarkdownFiles(root)) {
    const file = path.join(root, relPath);
    const parsed = parseSource(file, relPath, fs.readFileSync(file, "utf8"));
    if (parsed.page) pages.push(parsed.page);
    diagnostics.push(...parsed.diagnostics);
  }
  return { pages, diagnostics };
}
