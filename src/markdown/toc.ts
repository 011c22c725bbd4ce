import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { headingTree, inlineText, type HeadingNode } from "./text.ts";

/** One entry of a page's table of contents: an h2 with the h3s under it, or a lone h3. */
export interface TocItem {
  /** The heading's id (its GitHub slug). */
  id: string;
  /** The heading as plain text; HTML written in the heading is kept as text, never markup. */
  text: string;
  /** The h3s that follow an h2, up to the next h2. */
  children: TocItem[];
}

/** What a page's rendered Markdown says about its shape: its contents and its length. */
export interface PageOutline {
  /** The h2/h3 headings, nested, in page order. */
  toc: TocItem[];
  /** How many h2/h3 headings the page has. */
  headings: number;
  /** Words of text, inline code and code blocks. */
  words: number;
}

/** The render environment key the outline is written to (Eleventy passes the page's data as the environment). */
export const OUTLINE_KEY = "handbookOutline";

/** A render environment after rendering: the outline of what was rendered. */
export interface OutlineEnv {
  [OUTLINE_KEY]?: PageOutline;
}

/** Fewest h2/h3 headings for which a page shows its table of contents. */
export const TOC_MIN_HEADINGS = 2;
/**
 * Fewest words for which a page is long enough to offer "Back to top": measured on the handbook, 450 words are
 * about two and a half screens on a laptop (1280×900) and four on a phone.
 */
export const LONG_PAGE_WORDS = 450;

/** The outline of parsed Markdown tokens (after heading ids are assigned). */
export function outlineOf(tokens: readonly Token[]): PageOutline {
  let words = 0;
  for (const token of tokens) {
    if (token.type === "inline") words += countWords(inlineText(token.children, { html: true }));
    else if (token.type === "fence" || token.type === "code_block") words += countWords(token.content);
  }
  // The h2s with the h3s under them (an h3 before any h2 at the top): the page's heading tree cut to h2 and h3.
  const h2h3 = (open: Token) => open.tag === "h2" || open.tag === "h3";
  const nodes = headingTree(tokens, h2h3, (inline) => inlineText(inline.children, { html: true }).trim());
  const item = (n: HeadingNode): TocItem => ({ id: n.id, text: n.text || n.id, children: n.children.map(item) });
  const toc = nodes.map(item);
  const headings = toc.reduce((count, entry) => count + 1 + entry.children.length, 0);
  return { toc, headings, words };
}

/** Whether a page shows its table of contents. */
export function showsToc(outline: PageOutline | undefined): outline is PageOutline {
  return outline !== undefined && outline.headings >= TOC_MIN_HEADINGS;
}

/** Whether a page is long enough to end with a "Back to top" link. */
export function isLongPage(outline: PageOutline | undefined): boolean {
  return outline !== undefined && outline.words >= LONG_PAGE_WORDS;
}

/** The name of the markdown-it core rule that records the outline. */
export const OUTLINE_RULE = "handbook_outline";

/** Records each render's outline in the render environment, under OUTLINE_KEY. */
export function outlinePlugin(md: MarkdownIt): void {
  md.core.ruler.push(OUTLINE_RULE, (state) => {
    if (state.env && typeof state.env === "object") (state.env as OutlineEnv)[OUTLINE_KEY] = outlineOf(state.tokens);
  });
}

function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
