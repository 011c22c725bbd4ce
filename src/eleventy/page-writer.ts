// A full build's pages, written one after another as they are rendered, and let go once on disk. Eleventy keeps every
// page it renders until its whole write has returned (3.3 GiB resident at 10,000 pages); here each page is rendered,
// handed to the search index and the link gate, written, and dropped, so memory no longer grows with the handbook.
// Pages go in the search index's URL order, so Pagefind takes each one as it comes. A dev server's builds still go
// through Eleventy's pages template (src/eleventy/pages.ts), which its rebuild plans depend on.
import fs from "node:fs";
import path from "node:path";
import type { WrittenFile } from "../search/index.ts";
import type { markdownFor } from "../site/markdown.ts";
import { outputUrl, renderPage } from "./pages.ts";
import type { BuildSession } from "./session.ts";

/** Pages written at once: enough to keep the disk busy while the next pages render, few enough to hold little. */
const IN_FLIGHT = 16;

/** What is told of each page as it is written (the search index, the link gate). */
export type OnPage = (url: string, outputPath: string, html: string) => void;

/** Renders and writes every page of the session's model into its output folder; returns the files, read back on demand. */
export async function writeAllPages(session: BuildSession, md: ReturnType<typeof markdownFor>, onPage: OnPage): Promise<WrittenFile[]> {
  const model = session.model;
  const outputDir = session.options.outputDir;
  const pages = model.tree.pages
    .map((page) => ({ page, href: model.href(page.url) }))
    .sort((a, b) => (a.href < b.href ? -1 : a.href > b.href ? 1 : 0));
  const folders = new Set<string>();
  const writing = new Set<Promise<void>>();
  const written: WrittenFile[] = [];
  for (const { page } of pages) {
    const outputPath = outputFileOf(outputDir, outputUrl(page.url));
    const html = renderPage(model, page, session.search, md);
    onPage(page.url, outputPath, html);
    const folder = path.dirname(outputPath);
    if (!folders.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    const write = fs.promises.writeFile(outputPath, html).finally(() => writing.delete(write));
    writing.add(write);
    written.push(writtenFile(page.url, outputPath));
    // Waiting here also turns the event loop, so the search index's and the link gate's messages move meanwhile.
    if (writing.size >= IN_FLIGHT) await Promise.race(writing);
  }
  await Promise.all(writing);
  return written;
}

/** The file Eleventy would write a permalink to: a URL ending in `/` gets `index.html`. */
function outputFileOf(outputDir: string, url: string): string {
  return path.join(outputDir, url.endsWith("/") ? `${url}index.html` : url);
}

/** A written page as Eleventy reports one; its content is read from disk only if something asks for it. */
function writtenFile(url: string, outputPath: string): WrittenFile {
  return {
    url,
    outputPath,
    get content() {
      return fs.readFileSync(outputPath, "utf8");
    },
  };
}
