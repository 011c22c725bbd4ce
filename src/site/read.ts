// Reading the handbook's pages: each file's front matter, and its Markdown parsed once for what the link check and
// the roles share. A big handbook is read on two threads: this one and a worker, taking chunks of files in turn.
import path from "node:path";
import { receiveMessageOnPort } from "node:worker_threads";
import type Token from "markdown-it/lib/token.mjs";
import type { Diagnostic } from "../content/diagnostics.ts";
import { collectContent, listMarkdownFiles, readSource, type LoadedContent, type SkipRule } from "../content/load.ts";
import type { ParsedSource, SourcePage } from "../content/page.ts";
import { scanPage, type PageLinks } from "../links/check.ts";
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
  return { links: scanPage(tokens, source), roleProblems: rolePageProblems(source, sectionsOf(tokens, source)) };
}

/** Parses a page once and reads what it offers: links and anchors, the role-page rule's findings, and its role. */
export function readPage(md: ReturnType<typeof createMarkdown>, source: SourcePage, catalog: NameCatalog): PageReading {
  const tokens = parseTokens(md, source);
  const sections = sectionsOf(tokens, source);
  const parsed: ParsedPage = { links: scanPage(tokens, source), roleProblems: rolePageProblems(source, sections) };
  const role = readRole(source, tokens, sections, catalog);
  return role ? { parsed, role } : { parsed };
}

/** One file, read: its front matter and, when it is a page, its reading. */
export interface FileReading {
  source: ParsedSource;
  reading?: PageReading;
}

function readFile(root: string, relPath: string, md: ReturnType<typeof createMarkdown>, catalog: NameCatalog): FileReading {
  const source = readSource(root, relPath);
  return source.page ? { source, reading: readPage(md, source.page, catalog) } : { source };
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
        files.push(readFile(job.root, job.files[i]!, md, catalog));
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
 * helps: files are taken in chunks from a shared counter, and results are put back in file order.
 */
export function readContent(
  contentDir: string,
  settings: ReadingSettings,
  catalog: NameCatalog,
  namesFile: string,
  skip?: SkipRule,
): ReadContent {
  const root = path.resolve(contentDir);
  const files = listMarkdownFiles(root, skip);
  const md = checkingMarkdown(settings, root);
  const read = (i: number) => readFile(root, files[i]!, md, catalog);
  if (files.length < PARALLEL_FROM) void takeEarlyReadHelper()?.worker.terminate();
  const results: FileReading[] = files.length >= PARALLEL_FROM ? readInParallel(root, files, settings, namesFile, read) : files.map((_, i) => read(i));
  const readings = new Map<string, PageReading>();
  for (const r of results) if (r.source.page && r.reading) readings.set(r.source.page.file, r.reading);
  return { content: collectContent(files, results.map((r) => r.source)), readings };
}

function readInParallel(
  root: string,
  files: string[],
  settings: ReadingSettings,
  namesFile: string,
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
