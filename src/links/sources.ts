import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import type { SourcePage } from "../content/page.ts";
import { safeDecodeURI } from "../shared/hrefs.ts";

/** Where a URL of a built page is written in the page's Markdown file. */
export interface WrittenAt {
  /** 1-based line in the file. */
  line: number;
  /** 1-based column where the URL starts. */
  column: number;
  /** The URL as written there (a Markdown link may be written `img.png` and built `/teams/img.png`). */
  written: string;
}

/**
 * Finds where a URL of a built page comes from in its Markdown: a Markdown link or image whose built form is `url`
 * (the page is parsed by the build's renderer, once as built and once as written, and the two paired), or raw HTML
 * carrying `url` as written. Undefined when the page's Markdown does not write it: the layout did.
 */
export function locateInMarkdown(md: MarkdownIt, page: SourcePage, url: string): WrittenAt | undefined {
  const lines = page.body.split("\n");
  const at = (index: number, column: number, written: string): WrittenAt => ({
    line: page.bodyLine + index,
    column: column + 1,
    written,
  });

  const built = linkTokens(md.parse(page.body, { page: { inputPath: page.file } }));
  const written = linkTokens(md.parse(page.body, { page: { inputPath: page.file }, keepLinks: true }));
  for (let i = 0; i < built.length && i < written.length; i++) {
    if (built[i]!.url !== url) continue;
    const { url: asWritten, start, end } = written[i]!;
    const forms = [asWritten, safeDecodeURI(asWritten)];
    // In the link's own lines first (`](url`, `<url>`), then anywhere, for a reference definition (`[x]: url`).
    const found =
      search(lines, start, end, forms, ["](", "<"]) ?? search(lines, 0, lines.length, forms, ["]: ", "](", "<"]);
    if (found) return at(found.line, found.column, found.text);
    return at(start, 0, asWritten);
  }

  // Raw HTML is not rewritten: the URL is written as built, in an attribute.
  const attribute = new RegExp(`\\b(?:href|src|srcset|poster|data|action)\\s*=\\s*["']?[^"'>]*?(${escapeRegExp(url)}|${escapeRegExp(url.replace(/&/g, "&amp;"))})`, "i");
  for (let i = 0; i < lines.length; i++) {
    const match = attribute.exec(lines[i]!);
    if (match) return at(i, match.index + match[0].length - match[1]!.length, url);
  }
  return undefined;
}

interface LinkToken {
  url: string;
  /** 0-based first and past-the-end line of its block in the body. */
  start: number;
  end: number;
}

/** Every link and image of a parsed page, in document order. */
function linkTokens(tokens: Token[]): LinkToken[] {
  const found: LinkToken[] = [];
  for (const token of tokens) {
    if (token.type !== "inline" || !token.children) continue;
    const [start = 0, end = start + 1] = token.map ?? [];
    for (const child of token.children) {
      const url = child.type === "link_open" ? child.attrGet("href") : child.type === "image" ? child.attrGet("src") : null;
      if (url !== null) found.push({ url, start, end });
    }
  }
  return found;
}

function search(lines: string[], start: number, end: number, forms: string[], before: string[]) {
  for (let i = start; i < end && i < lines.length; i++) {
    for (const form of forms) {
      for (const lead of before) {
        const at = lines[i]!.indexOf(lead + form);
        if (at >= 0) return { line: i, column: at + lead.length, text: form };
      }
    }
  }
  return undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
