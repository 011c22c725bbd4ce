import fs from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import type { SiteModel } from "../site/model.ts";
import { describeForSearch } from "./facets.ts";

/** One file a build wrote, as Eleventy reports it after the build. */
export interface WrittenFile {
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
  /** Wall time of indexing and writing the bundle, in milliseconds; for pages fed while the build rendered them, the
   * time indexing took once the last page was rendered. */
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
    const page = model.tree.byUrl.get(file.url);
    if (!page || !describeForSearch(page, model.roles)) continue;
    pages.push({ url: model.href(page.url), content: file.content });
  }
  // Added in a fixed order, so two builds of the same content write the same bundle.
  return pages.sort((a, b) => byUrl(a.url, b.url));
}

function byUrl(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The part of a built page Pagefind reads: the element marked `data-pagefind-body` (which holds the title, path and
 * filters too) in a document with the page's `<html lang>`. Pagefind indexes only that element, so the index is the
 * same as from the whole page (tested), but it parses a third of the bytes: the sidebar, header and footer stay out.
 * A page without the marker, or whose body element is not an `<article>` closed once, is given whole.
 */
export function indexedHtml(html: string): string {
  const marker = html.indexOf("data-pagefind-body");
  if (marker < 0) return html;
  const start = html.lastIndexOf("<article", marker);
  const end = html.lastIndexOf("</article>");
  if (start < 0 || end < marker || html.indexOf("<article", marker) >= 0) return html;
  const root = /^<!doctype html>\s*<html\b[^>]*>/i.exec(html)?.[0] ?? "<html>";
  return `${root}<body>${html.slice(start, end + "</article>".length)}</body></html>`;
}

/** The files of Pagefind's own search interfaces, which no page of the handbook loads. */
export const UNUSED_UI_FILES = [
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-highlight.js",
];

/** Pages sent to Pagefind at once; more only queue in its input pipe. */
const IN_FLIGHT = 64;

/**
 * Adds pages to a Pagefind index in the order given. Pagefind numbers pages as they come, so the order fixes the
 * bundle's bytes; sending a few ahead of their answers keeps its threads busy.
 */
async function addInOrder(index: pagefind.PagefindIndex, pages: Iterable<{ url: string; content: string }>): Promise<void> {
  const inFlight: Array<Promise<void>> = [];
  for (const page of pages) {
    inFlight.push(
      index.addHTMLFile({ url: page.url, content: indexedHtml(page.content) }).then((added) => {
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${page.url}: ${added.errors.join("; ")}`);
      }),
    );
    if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
  }
  await Promise.all(inFlight);
}

async function openIndex(): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  return index;
}

async function writeBundle(index: pagefind.PagefindIndex, outputDir: string): Promise<string> {
  const bundleDir = path.join(outputDir, BUNDLE_FOLDER);
  // A rebuild while serving replaces the bundle rather than piling new fragments beside old ones.
  await fs.rm(bundleDir, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: bundleDir });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write ${bundleDir}: ${written.errors.join("; ")}`);
  // Pagefind writes its ready-made interfaces too; the handbook's dialog drives pagefind.js itself (src/client/search.ts).
  await Promise.all(UNUSED_UI_FILES.map((file) => fs.rm(path.join(bundleDir, file), { force: true })));
  return bundleDir;
}

/** Indexes the build's pages from memory with Pagefind and writes the bundle to `<outputDir>/pagefind/`. */
export async function writeSearchIndex(
  model: SiteModel,
  files: readonly WrittenFile[],
  outputDir: string,
): Promise<SearchIndexReport> {
  const started = performance.now();
  const pages = searchablePages(model, files);
  try {
    const index = await openIndex();
    await addInOrder(index, pages);
    const bundleDir = await writeBundle(index, outputDir);
    return { pages: pages.length, bundleDir, ms: performance.now() - started };
  } finally {
    await pagefind.close();
  }
}

/**
 * Indexes pages while the build renders them, so Pagefind (a process of its own) works on the second core while
 * Eleventy renders on the first. The model says up front which pages belong in the index and at which URLs; each
 * page is sent as soon as it and every page before it in URL order are rendered, so the bundle is the same as
 * writeSearchIndex's. If the build wrote a different set of searchable pages than the model foresaw, `finish`
 * indexes the written pages afresh instead.
 */
export class SearchIndexer {
  readonly #expected: string[];
  readonly #rendered = new Map<string, string>();
  readonly #index: Promise<pagefind.PagefindIndex>;
  readonly #inFlight: Array<Promise<void>> = [];
  #next = 0;
  #failure: unknown;

  constructor(private readonly model: SiteModel) {
    this.#expected = model.tree.pages
      .filter((page) => describeForSearch(page, model.roles))
      .map((page) => model.href(page.url))
      .sort(byUrl);
    this.#index = openIndex();
    this.#index.catch((error: unknown) => (this.#failure ??= error));
  }

  /** A page the build rendered (`url` without the path prefix, as Eleventy gives it); pages not for the index are ignored. */
  offer(url: string | false, html: string): void {
    if (url === false) return;
    const page = this.model.tree.byUrl.get(url);
    if (!page || !describeForSearch(page, this.model.roles)) return;
    this.#rendered.set(this.model.href(page.url), indexedHtml(html));
    void this.#send();
  }

  async #send(): Promise<void> {
    const index = await this.#index.catch(() => undefined);
    if (!index) return;
    while (this.#next < this.#expected.length) {
      const url = this.#expected[this.#next]!;
      const content = this.#rendered.get(url);
      if (content === undefined) return;
      this.#rendered.delete(url);
      this.#next++;
      const added = index.addHTMLFile({ url, content }).then((result) => {
        if (result.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${result.errors.join("; ")}`);
      });
      added.catch((error: unknown) => (this.#failure ??= error));
      this.#inFlight.push(added);
    }
  }

  /** Waits for Pagefind and writes the bundle; `files` are the build's written files, used only if the pages differ. */
  async finish(files: readonly WrittenFile[], outputDir: string): Promise<SearchIndexReport> {
    // Reported from here: pages reach Pagefind as the build renders them, so what indexing costs is what is left now.
    const finishing = performance.now();
    try {
      const index = await this.#index;
      await this.#send();
      await Promise.allSettled(this.#inFlight);
      const written = searchablePages(this.model, files);
      const complete = this.#next === this.#expected.length && written.length === this.#expected.length &&
        written.every((page, i) => page.url === this.#expected[i]);
      if (this.#failure !== undefined) throw this.#failure;
      if (!complete) {
        await pagefind.close();
        return await writeSearchIndex(this.model, files, outputDir);
      }
      const bundleDir = await writeBundle(index, outputDir);
      return { pages: written.length, bundleDir, ms: performance.now() - finishing };
    } finally {
      await pagefind.close();
    }
  }
}
