// Reading the handbook's content folder: each file's front matter, and each page's Markdown parsed once
// (src/site/page-reading.ts). While serving, each rebuild reads again only the files whose text changed (ReadCache).
import fs from "node:fs";
import path from "node:path";
import { collectContent, listContent, type LoadedContent, type SkipRule } from "../content/load.ts";
import { parseSource, type ParsedSource } from "../content/page.ts";
import type { NameCatalog } from "../roles/names.ts";
import { checkingMarkdown, readPage, type PageReading, type ReadingSettings } from "./page-reading.ts";

/** One file, read: its front matter and, when it is a page, its reading. */
export interface FileReading {
  source: ParsedSource;
  reading?: PageReading;
  /** The text it was read from, kept when a ReadCache asks for it. */
  text?: string;
}

function readFile(root: string, relPath: string, text: string, md: ReturnType<typeof checkingMarkdown>, catalog: NameCatalog, keepText: boolean): FileReading {
  const file = path.join(root, relPath);
  const source = parseSource(file, relPath, text);
  const read: FileReading = source.page ? { source, reading: readPage(md, source.page, catalog) } : { source };
  if (keepText) read.text = text;
  return read;
}

/**
 * The files one read of the content folder gave, for the next read: a file whose text is the same is not parsed
 * again, its reading (front matter, links, role) is reused as it is. What else reading depends on (the folder, the
 * settings reading uses, the names file) is the cache's context; when it changes, every file is read afresh.
 * A README is always read afresh: whether it is its folder's index depends on its siblings, and collectContent sets
 * its URL on the page it was read into.
 */
export class ReadCache {
  #context: string | undefined;
  #files = new Map<string, FileReading>();

  /** The files an earlier read in this context kept, by path below the content folder; none when the context changed. */
  kept(context: string): ReadonlyMap<string, FileReading> {
    if (context !== this.#context) [this.#context, this.#files] = [context, new Map()];
    return this.#files;
  }

  /** Keeps this read's files (with their text) in place of the last read's. */
  keep(files: readonly string[], results: readonly FileReading[]): void {
    this.#files = new Map();
    files.forEach((relPath, i) => {
      if (results[i]!.text !== undefined && !README.test(relPath)) this.#files.set(relPath, results[i]!);
    });
  }
}

const README = /(^|\/)readme\.(md|markdown)$/i;

/** What reading a page depends on besides its own file: the folder, the settings reading uses, the names file. */
function readingContext(root: string, settings: ReadingSettings, namesFile: string): string {
  let names: string | null = null;
  try {
    names = fs.readFileSync(namesFile, "utf8");
  } catch {
    // No names file: no names known, the same as for every read without one.
  }
  return JSON.stringify([root, settings.pathPrefix, settings.callouts, settings.headingIds, settings.typography, names]);
}

/** The content folder read: its pages and problems, and each page's reading by file. */
export interface ReadContent {
  content: LoadedContent;
  readings: Map<string, PageReading>;
}

/**
 * Reads every Markdown file below the content folder, and parses each page. With a cache, a file whose text has not
 * changed since the cache's last read is not parsed again: the same result as reading it.
 */
export function readContent(
  contentDir: string,
  settings: ReadingSettings,
  catalog: NameCatalog,
  namesFile: string,
  skip?: SkipRule,
  cache?: ReadCache,
): ReadContent {
  const root = path.resolve(contentDir);
  const listing = listContent(root, skip);
  const { files } = listing;
  const results = new Array<FileReading>(files.length);
  const kept = cache?.kept(readingContext(root, settings, namesFile));
  let md: ReturnType<typeof checkingMarkdown> | undefined;
  files.forEach((relPath, i) => {
    const text = fs.readFileSync(path.join(root, relPath), "utf8");
    const before = kept?.get(relPath);
    results[i] = before && before.text === text ? before : readFile(root, relPath, text, (md ??= checkingMarkdown(settings, root)), catalog, cache !== undefined);
  });
  cache?.keep(files, results);
  const readings = new Map<string, PageReading>();
  for (const r of results) if (r.source.page && r.reading) readings.set(r.source.page.file, r.reading);
  return { content: collectContent(root, listing, results.map((r) => r.source)), readings };
}
