// Footnotes with kramdown's ids. markdown-it-footnote reads them; its ids are numbers (`#fn1`), kramdown's (and so every
// Jekyll site's old links) are the label (`#fn:label`, `#fnref:label`). Only the id rule is replaced here.
import type MarkdownIt from "markdown-it";
import footnote from "markdown-it-footnote";
import type Token from "markdown-it/lib/token.mjs";

/** The part of a footnote's ids after `fn` / `fnref`: kramdown's `:label`, or `:n` for a footnote without a label. */
function anchorName(token: Token): string {
  const meta = token.meta as { id: number; label?: string };
  return ":" + (meta.label ?? String(meta.id + 1));
}

/** Footnotes (`[^label]`, `^[inline]`) as markdown-it-footnote reads them, with kramdown's ids. */
export function footnotesPlugin(md: MarkdownIt): void {
  md.use(footnote);
  md.renderer.rules["footnote_anchor_name"] = (tokens, idx) => anchorName(tokens[idx]!);
}

/** The id a footnote token gives its element (`fn:label` on the note, `fnref:label` on its first reference). */
export function footnoteId(token: Token): string | undefined {
  if (token.type === "footnote_open") return "fn" + anchorName(token);
  if (token.type === "footnote_ref" && !(token.meta as { subId?: number }).subId) return "fnref" + anchorName(token);
  return undefined;
}
