// kramdown's `1. TOC` + `{:toc}`: the list the attribute list marks becomes the page's table of contents, every
// heading with an id and without `.no_toc`, nested by level (src/markdown/text.ts headingTree, as the layout's own).
import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import { headingText } from "./heading-ids.ts";
import { headingTree, type HeadingNode } from "./text.ts";

/** The render environment key set when a page has its own kramdown table of contents (`{:toc}`). */
export const OWN_TOC_KEY = "kramdownToc";

/** A render environment after rendering: whether the page placed its own table of contents. */
export interface OwnTocEnv {
  [OWN_TOC_KEY]?: boolean;
}

/** Whether a rendered page placed its own table of contents, so the layout need not add one. */
export function hasOwnToc(env: OwnTocEnv | undefined): boolean {
  return env?.[OWN_TOC_KEY] === true;
}

/** Replaces the list marked `{:toc}` with the table of contents (a core rule, once every heading has its id). */
export function tableOfContents(md: MarkdownIt, state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (!(open.meta as { kramdownToc?: boolean } | null)?.kramdownToc) continue;
    let depth = 0;
    let end = i;
    for (; end < tokens.length; end++) {
      depth += tokens[end]!.nesting;
      if (depth === 0) break;
    }
    const toc = new state.Token("html_block", "", 0);
    toc.content = tocHtml(md, tokens, open.type === "ordered_list_open" ? "ol" : "ul");
    if (state.env && typeof state.env === "object") (state.env as OwnTocEnv)[OWN_TOC_KEY] = true;
    toc.block = true;
    toc.map = open.map;
    tokens.splice(i, end - i + 1, toc);
  }
}

/** kramdown's table of contents: every heading with an id and without `.no_toc`, nested by level. */
function tocHtml(md: MarkdownIt, tokens: Token[], tag: "ul" | "ol"): string {
  const noToc = (open: Token) => !(open.attrGet("class") ?? "").split(/\s+/).includes("no_toc");
  const entries = headingTree(tokens, noToc, (inline) => headingText(inline.children).trim());
  const e = md.utils.escapeHtml;
  const list = (nodes: HeadingNode[], top: boolean): string =>
    `<${tag}${top ? ' id="markdown-toc"' : ""}>\n` +
    nodes
      .map(
        (x) =>
          `<li><a href="#${e(x.id)}" id="markdown-toc-${e(x.id)}">${e(x.text)}</a>` +
          (x.children.length > 0 ? `\n${list(x.children, false)}` : "") +
          "</li>\n",
      )
      .join("") +
    `</${tag}>\n`;
  return entries.length > 0 ? list(entries, true) : "";
}
