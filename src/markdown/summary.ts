// A page's first paragraph as plain text: the meta description of a page that gives neither `description` nor
// `summary` (src/view/page-view.ts). Read from the tokens the page is parsed into once per build.
import type Token from "markdown-it/lib/token.mjs";

/** Longest description kept: search engines show about 155 characters. */
export const DESCRIPTION_LENGTH = 160;

/**
 * The text of the first top-level paragraph that has any (not one in a list, quote or callout), with code as its
 * text, links as their words, images and raw HTML left out, and white space collapsed; cut at a word before
 * `max` characters, with "…". Undefined when the page has no such paragraph.
 */
export function firstParagraph(tokens: readonly Token[], max = DESCRIPTION_LENGTH): string | undefined {
  for (let i = 0; i < tokens.length - 1; i++) {
    const open = tokens[i]!;
    const inline = tokens[i + 1]!;
    if (open.type !== "paragraph_open" || open.level !== 0 || inline.type !== "inline") continue;
    const text = plainText(inline.children ?? []);
    if (text !== "") return shorten(text, max);
  }
  return undefined;
}

/** The words of an inline run: text and code as written, breaks as spaces, markup and images left out. */
function plainText(children: readonly Token[]): string {
  const parts = children.map((child) => {
    if (child.type === "text" || child.type === "code_inline") return child.content;
    if (child.type === "softbreak" || child.type === "hardbreak") return " ";
    return "";
  });
  return parts.join("").replace(/\s+/g, " ").trim();
}

/** `text` cut at the last word that fits in `max` characters with "…" after it. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/u, "")}…`;
}
