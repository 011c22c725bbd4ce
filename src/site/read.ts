// Reading the handbook's pages: each file's front matter, and its Markdown parsed once for what the link check and
// the roles share. A big handbook is read on two threads: this one and a worker, taking chunks of files in turn.
// While serving, each rebuild reads again only the files whose text changed (ReadCache).
import fs from "node:fs";
import path from "node:path";
import { receiveMessageOnPort } from "node:worker_threads";
import type Token from "markdown-it/lib/token.mjs";
import type { Diagnostic } from "../content/diagnostics.ts";
import { collectContent, listPages, type LoadedContent, type SkipRule } from "../content/load.ts";
import { parseSource, type ParsedSource, type SourcePage } from "../content/page.ts";
import { scanPage, type PageLinks } from "../links/check.ts";
import { rawHtmlProblems } from "../markdown/raw-html.ts";
import { createMarkdown, type MarkdownContext, type RenderEnv } from "../markdown/render.ts";
import { OUTLINE_RULE } from "../markdown/toc.ts";
import { readRole, type RolePage, type UnknownName } from "../roles/extract.ts";
import type { NameCatalog } from "../roles/names.ts";
import { checkRolePage, isRolePage, sectionsOf, type Section } from "../roles/sections.ts";
import { loadNames } from "./names.ts";
import { PARALLEL_FROM, startReadHelper, takeEarlyReadHelper } from "./read-pool.ts";
import type { Settings } from "./settings.ts";

/**
 * What the checks keep of a page's Markdown, read once per build (links as written). Not its tokens, nor its
 * sections: holding every page's tokens, then its sections, until the end made garbage collection, then copying
 * them from the worker, the largest costs of checking a big handbook.
 */
export interface ParsedPage {
  /** Its heading ids and the links it writes. */
  links: PageLinks;
  /** What the role-page rule finds wrong with it; nothing for a page that is not a role page. */
  roleProblems: Diagnostic[];
  /** What its raw HTML may not carry (script, frames, event handlers, data-pagefind-* …): src/markdown/raw-html.ts. */
  htmlProblems: Diagnostic[];
}

/** What reading one page gives: its parse, and what it says when it is a role page. */
export interface PageReading {
  parsed: ParsedPage;
  role?: { role: RolePage; unknown: UnknownName[] };
}

/** The settings reading a page depends on. */
export type ReadingSettings = Pick<Settings, "pathPrefix" | "callouts" | "headingIds">;

/** The renderer's parser, for reading pages: links stay as written, so no page URLs are needed yet. */
export function checkingMarkdown(settings: ReadingSettings, contentDir: string) {
  // One context for every page (the renderer asks for it several times a page).
  const context: MarkdownContext = {
    contentDir: path.resolve(contentDir),
    base: settings.pathPrefix,
    urlOfFile: () => undefined,
    callouts: settings.callouts,
    headingIds: settings.headingIds,
  };
  const md = createMarkdown(() => context);
  // The page outline (contents, word count) is for the layout; reading pages has no use for it. Nor is
  // markdown-it-anchor: the kramdown rule before it has given every heading its id, so all it would add is the
  // "#" link after each heading, which is markup and links to the heading itself.
  md.core.ruler.disable([OUTLINE_RULE, "anchor"], true);
  return md;
}

/** A page's Markdown tokens, parsed with links as written. */
export function parseTokens(md: ReturnType<typeof createMarkdown>, source: SourcePage): Token[] {
  const env: RenderEnv = { page: { inputPath: source.file }, keepLinks: true };
  return md.parse(source.body, env);
}

/** The role-page rule's findings on a page with these sections; nothing for a page that is not a role page. */
export function rolePageProblems(source: SourcePage, sections: Section[]): Diagnostic[] {
  return isRolePage(source, sections) ? checkRolePage(source, sections) : [];
}

/** What the checks keep of a page's tokens. */
export function parsedFrom(tokens: Token[], source: SourcePage): ParsedPage {
  return {
    links: scanPage(tokens, source),
    roleProblems: rolePageProblems(source, sectionsOf(tokens, source)),
    htmlProblems: rawHtmlProblems(tokens, source),
  };
}

/** Parses a page once and reads what it offers: links and anchors, the role-page rule's findings, and its role. */
export function readPage(md: ReturnType<typeof createMarkdown>, source: SourcePage, catalog: NameCatalog): PageReading {
  const tokens = parseTokens(md, source);
  const sections = sectionsOf(tokens, source);
  const parsed: ParsedPage = { links: scanPage(tokens, source), roleProblems: rolePageProblems(source, sections), htmlProblems: rawHtmlProblems(tokens, source) };
  const role = readRole(source, tokens, sections, catalog);
  return role ? { parsed, role } : { parsed };
}

/** One file, read: its front matter and, when it is a page, its reading. */
export interface FileReading {
  source: ParsedSource;
  reading?: PageReading;
  /** The text it was read from, kept when a ReadCache asks for it. */
  text?: string;
}

function readFile(root: string, relPath: string, md: ReturnType<typeof createMarkdown>, catalog: NameCatalog, keepText = false): FileReading {
  const file = path.join(root, relPath);
  const text = fs.readFileSync(file, "utf8");
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

/** The cache the dev server's rebuilds read through; undefined in any other command. */
let servingCache: ReadCache | undefined;

/** Makes every later read of the content folder in this process reuse the readings of files that did not change. */
export function keepReadingsWhileServing(): void {
  servingCache ??= new ReadCache();
}

/** The dev server's cache, once keepReadingsWhileServing has been called. */
export function servingReadCache(): ReadCache | undefined {
  return servingCache;
}

/** What reading a page depends on besides its own file: the folder, the settings reading uses, the names file. */
function readingContext(root: string, settings: ReadingSettings, namesFile: string): string {
  let names: string | null = null;
  try {
    names = fs.readFileSync(namesFile, "utf8");
  } catch {
    // No names file: no names known, the same as for every read without one.
  }
  return JSON.stringify([root, settings.pathPrefix, settings.callouts, settings.headingIds, names]);
}

/** The content folder read: its pages and problems, and each page's reading by file. */
export interface ReadContent {
  content: LoadedContent;
  readings: Map<string, PageReading>;
}

/** Files a thread takes at a time. */
const CHUNK = 50;
/** How long to wait for the worker to report before reading its files here. */
const WORKER_PATIENCE_MS = 30_000;

/** The job the worker is given. */
export interface ReadJob {
  root: string;
  files: string[];
  settings: ReadingSettings;
  namesFile: string;
  /** Files in a chunk. */
  chunk: number;
  /** [next chunk to take, chunks the worker has posted]. */
  control: SharedArrayBuffer;
  /** Post each file's text with its reading (for a ReadCache). */
  keepText: boolean;
}

/** A chunk the worker read, or the error it met doing so. */
export interface ReadWorkerMessage {
  chunk: number;
  files?: FileReading[];
  error?: string;
}

/** Reads the files of chunks taken from the job's counter until none are left, posting each chunk. The worker's loop. */
export function readChunks(job: ReadJob, post: (message: ReadWorkerMessage) => void): void {
  const control = new Int32Array(job.control);
  const chunks = Math.ceil(job.files.length / job.chunk);
  const md = checkingMarkdown(job.settings, job.root);
  const catalog = loadNames(job.namesFile).catalog;
  for (let chunk = Atomics.add(control, 0, 1); chunk < chunks; chunk = Atomics.add(control, 0, 1)) {
    let message: ReadWorkerMessage;
    try {
      const files: FileReading[] = [];
      for (let i = chunk * job.chunk; i < Math.min(job.files.length, (chunk + 1) * job.chunk); i++) {
        files.push(readFile(job.root, job.files[i]!, md, catalog, job.keepText));
      }
      message = { chunk, files };
    } catch (error) {
      message = { chunk, error: String(error) };
    }
    post(message);
    Atomics.add(control, 1, 1);
    Atomics.notify(control, 1);
  }
}

/**
 * Reads every Markdown file below the content folder, and parses each page. The same result whether or not a worker
 * helps: files are taken in chunks from a shared counter, and results are put back in file order. With a cache, a
 * file whose text has not changed since the cache's last read is not parsed again: the same result as reading it.
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
  const { files, diagnostics: listed } = listPages(root, skip);
  const results = new Array<FileReading>(files.length);
  const kept = cache?.kept(readingContext(root, settings, namesFile));
  const missing: number[] = [];
  files.forEach((relPath, i) => {
    const before = kept?.get(relPath);
    if (before && before.text === fs.readFileSync(path.join(root, relPath), "utf8")) results[i] = before;
    else missing.push(i);
  });
  const toRead = missing.map((i) => files[i]!);
  const md = checkingMarkdown(settings, root);
  const read = (k: number) => readFile(root, toRead[k]!, md, catalog, cache !== undefined);
  if (toRead.length < PARALLEL_FROM) void takeEarlyReadHelper()?.worker.terminate();
  const fresh = toRead.length >= PARALLEL_FROM ? readInParallel(root, toRead, settings, namesFile, cache !== undefined, read) : toRead.map((_, k) => read(k));
  missing.forEach((i, k) => (results[i] = fresh[k]!));
  cache?.keep(files, results);
  const readings = new Map<string, PageReading>();
  for (const r of results) if (r.source.page && r.reading) readings.set(r.source.page.file, r.reading);
  return { content: collectContent(files, results.map((r) => r.source), listed), readings };
}

function readInParallel(
  root: string,
  files: string[],
  settings: ReadingSettings,
  namesFile: string,
  keepText: boolean,
  read: (i: number) => FileReading,
): FileReading[] {
  const chunks = Math.ceil(files.length / CHUNK);
  const control = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const results: FileReading[] = new Array<FileReading>(files.length);
  const readChunk = (chunk: number) => {
    for (let i = chunk * CHUNK; i < Math.min(files.length, (chunk + 1) * CHUNK); i++) results[i] = read(i);
  };
  const helper = takeEarlyReadHelper() ?? startReadHelper();
  const job: ReadJob = {
    root,
    files,
    settings: { pathPrefix: settings.pathPrefix, callouts: settings.callouts, headingIds: settings.headingIds },
    namesFile,
    chunk: CHUNK,
    control: control.buffer as SharedArrayBuffer,
    keepText,
  };
  helper?.port.postMessage(job);
  // Take chunks until none are left; the worker takes them too, once it has started.
  const mine = new Set<number>();
  for (let chunk = Atomics.add(control, 0, 1); chunk < chunks; chunk = Atomics.add(control, 0, 1)) {
    mine.add(chunk);
    readChunk(chunk);
  }
  // Every other chunk was taken by the worker: wait for it to post them, and read here any it could not.
  const theirs = chunks - mine.size;
  const received = new Set<number>();
  const receive = () => {
    if (!helper) return;
    for (let m = receiveMessageOnPort(helper.port); m; m = receiveMessageOnPort(helper.port)) {
      const message = m.message as ReadWorkerMessage;
      received.add(message.chunk);
      if (message.files) message.files.forEach((r, k) => (results[message.chunk * CHUNK + k] = r));
      else readChunk(message.chunk);
    }
  };
  while (received.size < theirs) {
    const posted = Atomics.load(control, 1);
    receive();
    if (received.size >= theirs) break;
    if (Atomics.wait(control, 1, posted, WORKER_PATIENCE_MS) === "timed-out") {
      receive();
      for (let chunk = 0; chunk < chunks; chunk++) if (!mine.has(chunk) && !received.has(chunk)) readChunk(chunk);
      break;
    }
  }
  helper?.port.close();
  void helper?.worker.terminate();
  return results;
}
