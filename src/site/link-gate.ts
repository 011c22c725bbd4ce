import fs from "node:fs";
import path from "node:path";
import { diagnose, type Diagnostic } from "../shared/diagnostics.ts";
import type { SiteModel } from "./model.ts";
import { markdownFor } from "./markdown.ts";
import type { LinkFeed } from "../links/feed.ts";
import { checkBuiltSite, type BrokenUrl, type BuiltPage, type SiteLinkReport } from "../links/site.ts";
import { locateInMarkdown } from "../links/sources.ts";

/** What the link gate found on a built site. */
export interface BuiltLinksReport {
  /** One error per broken link, at the line of the page's Markdown that writes it. */
  diagnostics: Diagnostic[];
  /** Pages scanned. */
  pages: number;
  /** Internal URLs checked. */
  checked: number;
  /** Wall time in milliseconds. */
  ms: number;
}

/** Folder of the search bundle: files a script loads, no pages. */
const SKIPPED_FOLDERS = ["pagefind/"];

/**
 * Checks every internal link and #anchor of the site built into `dir` and ties each broken one to its source: the
 * line of the page's Markdown that writes it, or, for a link the layout writes, the page it appears on (once per
 * link, however many pages carry it). `shownDir` is where the site will be published, for pages without Markdown.
 */
export async function checkBuiltLinks(
  model: SiteModel,
  dir: string,
  shownDir: string = dir,
  severity: Diagnostic["severity"] = "error",
  feed?: LinkFeed,
): Promise<BuiltLinksReport> {
  const started = performance.now();
  const files = new Set<string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.add(path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
  }
  const paths = [...files].filter((file) => file.endsWith(".html") && !SKIPPED_FOLDERS.some((folder) => file.startsWith(folder))).sort();
  const read = (file: string) => fs.readFileSync(path.join(dir, file), "utf8");
  let report: SiteLinkReport;
  if (feed) {
    // The pages the build rendered were scanned as they were written; any other page (copied as a file) is read now.
    for (const file of paths) if (!feed.pages.has(file)) feed.add(file, read(file));
    report = await feed.finish(files);
  } else {
    // Read one page at a time: the check keeps only ids and links, not the pages.
    const pages = (function* (): Generator<BuiltPage> {
      for (const file of paths) yield { path: file, html: read(file) };
    })();
    report = checkBuiltSite(pages, files, model.settings.pathPrefix);
  }
  const diagnostics = report.broken.length > 0 ? diagnosticsFor(model, report.broken, read, shownDir, severity) : [];
  return { diagnostics, pages: report.pages, checked: report.checked, ms: performance.now() - started };
}

function diagnosticsFor(
  model: SiteModel,
  broken: BrokenUrl[],
  read: (file: string) => string,
  shownDir: string,
  severity: Diagnostic["severity"],
): Diagnostic[] {
  const md = markdownFor(model);
  const sourceOf = new Map(model.tree.pages.map((p) => [outputPathOf(p.url), p.source]));
  const diagnostics: Diagnostic[] = [];
  const fromLayout = new Map<string, { first: Diagnostic; pages: number }>();

  for (const link of broken) {
    const element = `<${link.tag} ${link.attribute}="${link.url}">`;
    const source = sourceOf.get(link.page);
    const written = source ? locateInMarkdown(md, source, link.url) : undefined;
    if (source && written) {
      const shown = written.written === link.url ? `"${link.url}"` : `"${written.written}" (built as "${link.url}")`;
      diagnostics.push(diagnose(severity, source.file, written.line, `link ${shown} ${link.problem}`, written.column));
      continue;
    }
    // Not in the page's Markdown: the layout or a page the build writes itself. Reported once per link and problem.
    const key = `${element} ${link.problem}`;
    const seen = fromLayout.get(key);
    if (seen) {
      seen.pages++;
      continue;
    }
    const place = source
      ? { file: source.file, line: 1, column: 1, where: `the layout of this page writes ${element}, which` }
      : { file: path.join(shownDir, link.page), ...lineAndColumn(read(link.page), link.offset), where: `${element}` };
    fromLayout.set(key, { first: diagnose(severity, place.file, place.line, `${place.where} ${link.problem}`, place.column), pages: 1 });
  }
  for (const { first, pages: count } of fromLayout.values()) {
    diagnostics.push(count > 1 ? { ...first, message: `${first.message} (and on ${count - 1} other page${count === 2 ? "" : "s"})` } : first);
  }
  return diagnostics;
}

/** The file a page URL is written to, below the output folder: `/teams/` → `teams/index.html`. */
function outputPathOf(url: string): string {
  return url.endsWith("/") ? `${url.slice(1)}index.html` : url.slice(1);
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}
