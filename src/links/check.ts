import path from "node:path";
import type Token from "markdown-it/lib/token.mjs";
import { diagnose, type Diagnostic } from "../shared/diagnostics.ts";
import type { SourcePage } from "../content/page.ts";
import { closest } from "../content/suggest.ts";
import { pageUrlCandidates, withoutBase } from "../content/urls.ts";
import { footnoteId } from "../markdown/footnotes.ts";
import { sourceLines } from "../markdown/lines.ts";
import type { NavTree } from "../navigation/tree.ts";
import { idsIn } from "./site.ts";
import { hasScheme, isDisguisedExternal, isSchemeRelative, isTopOfPage, safeDecodeURI } from "../shared/hrefs.ts";

/** A link written in a page's Markdown. */
export interface WrittenLink {
  /** The href as written. */
  href: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column of the href in that line (1 when it cannot be found). */
  column: number;
}

/** What a page offers to links and contains: its heading ids and its links. */
export interface PageLinks {
  anchors: Set<string>;
  links: WrittenLink[];
}

/** Reads one page's heading ids and written links from its tokens (parsed by the build's renderer, so ids match). */
export function scanPage(tokens: Token[], page: SourcePage): PageLinks {
  const anchors = new Set<string>();
  const links: WrittenLink[] = [];
  const lines = page.body.split("\n");
  const where = sourceLines(tokens);
  for (const [i, token] of tokens.entries()) {
    // Heading ids, and ids given to other blocks with kramdown's `{: #id }`.
    const id = token.attrGet?.("id") ?? footnoteId(token);
    if (id && token.nesting >= 0) anchors.add(id);
    // Raw HTML: the same ids the built-site check reads (src/links/site.ts), `<a name>` included.
    if (token.type === "html_block") for (const html of idsIn(token.content)) anchors.add(html);
    if (token.type !== "inline" || !token.children) continue;
    const [start, end] = where[i]!;
    for (const child of token.children) {
      const childId = child.attrGet("id") ?? footnoteId(child);
      if (childId) anchors.add(childId);
      if (child.type === "html_inline") for (const html of idsIn(child.content)) anchors.add(html);
      const href = child.type === "link_open" ? child.attrGet("href") : child.type === "image" ? child.attrGet("src") : null;
      if (href === null) continue;
      // markdown-it encodes the href; find the written form on the block's lines for the position.
      const written = (child.type === "link_open" ? findWritten(lines, start, end, href) : undefined) ?? {
        line: start,
        column: 0,
        text: href,
      };
      links.push({ href: written.text, line: page.bodyLine + written.line, column: written.column + 1 });
    }
  }
  return { anchors, links };
}

function findWritten(lines: string[], start: number, end: number, href: string) {
  const candidates = [href, safeDecodeURI(href)];
  for (let i = start; i < end && i < lines.length; i++) {
    for (const c of candidates) {
      const at = lines[i]!.indexOf(`](${c}`);
      if (at >= 0) return { line: i, column: at + 2, text: c };
    }
  }
  return undefined;
}

/**
 * Checks every internal link between Markdown pages: the target page exists, and its #anchor is one of the
 * target's heading ids. Links to site URLs (/teams/) are checked against page URLs the same way.
 */
export function checkLinks(
  tree: NavTree,
  linksOf: (page: SourcePage) => PageLinks,
  severity: Diagnostic["severity"] = "error",
  writtenBase?: string,
): Diagnostic[] {
  const scanned = new Map<string, PageLinks>();
  for (const page of tree.pages) scanned.set(page.source.file, linksOf(page.source));
  const byFileUrl = new Map<string, string>(tree.pages.map((p) => [p.source.file, p.url]));
  const anchorsOfUrl = new Map<string, Set<string>>(tree.pages.map((p) => [p.url, scanned.get(p.source.file)!.anchors]));
  const allFiles = tree.pages.map((p) => p.source.relPath);
  const contentDir = tree.pages[0] ? tree.pages[0].source.file.slice(0, -tree.pages[0].source.relPath.length) : "";
  const diagnostics: Diagnostic[] = [];

  for (const page of tree.pages) {
    const { anchors, links } = scanned.get(page.source.file)!;
    for (const link of links) {
      const problem = linkProblem(link.href, page.source.file, anchors, byFileUrl, anchorsOfUrl, allFiles, contentDir, writtenBase);
      if (problem) diagnostics.push(diagnose(severity, page.source.file, link.line, problem, link.column));
    }
  }
  return diagnostics;
}

function linkProblem(
  href: string,
  source: string,
  ownAnchors: Set<string>,
  byFileUrl: Map<string, string>,
  anchorsOfUrl: Map<string, Set<string>>,
  allFiles: string[],
  contentDir: string,
  writtenBase: string | undefined,
): string | undefined {
  if (isDisguisedExternal(safeDecodeURI(href))) {
    const goesTo = safeDecodeURI(href).trim().replace(/\\/g, "/");
    return `link "${href}" leads to another site, "${goesTo}", as browsers read "\\" as "/"; write the full address (https://…) for another site, or remove the "\\"`;
  }
  if (hasScheme(href) || isSchemeRelative(href)) return undefined;
  const [rawPath = "", hash] = href.split("#", 2) as [string, string | undefined];
  const target = safeDecodeURI(rawPath.split("?")[0]!);
  let anchors: Set<string> | undefined;
  let where = "this page";
  if (target === "") {
    anchors = ownAnchors;
  } else if (target.startsWith("/")) {
    // `/docs/teams` and Jekyll's `/docs/teams.html` both mean the page at /docs/teams/ (the renderer rewrites them so).
    const sitePath = withoutBase(writtenBase, target);
    const url = pageUrlCandidates(sitePath).find((u) => anchorsOfUrl.has(u)) ?? sitePath;
    anchors = anchorsOfUrl.get(url);
    if (!anchors) {
      if (/\.[a-z0-9]+$/i.test(target)) return undefined; // a file such as /assets/x.pdf: not a page
      return `link "${href}" matches no page URL; link to the page's Markdown file instead, e.g. "../page.md"`;
    }
    where = url;
  } else if (/\.(md|markdown)$/i.test(target)) {
    const file = path.resolve(path.dirname(source), target);
    const url = byFileUrl.get(file);
    if (url === undefined) {
      const rel = path.relative(contentDir, file).split(path.sep).join("/");
      const guess = closest(rel, allFiles, 0.5);
      const hint = guess ? ` (did you mean "${path.relative(path.dirname(source), path.join(contentDir, guess)).split(path.sep).join("/")}"?)` : "";
      return `link "${href}" points to a page that does not exist${hint}`;
    }
    anchors = anchorsOfUrl.get(url);
    where = target;
  } else {
    return undefined; // images and other files are checked on the built site
  }
  // "#" and "#top" are the top of any page, as HTML defines them.
  if (hash !== undefined && !isTopOfPage(safeDecodeURI(hash)) && anchors && !anchors.has(safeDecodeURI(hash))) {
    const guess = closest(hash, anchors, 0.5);
    const hint = guess ? ` (did you mean "#${guess}"?)` : "";
    return `anchor "#${hash}" matches no heading on ${where}${hint}`;
  }
  return undefined;
}
