// HTML elements with markdown="1" (or "block" / "span"): their content is Markdown, as in kramdown. markdown-it
// keeps an HTML block as raw text up to the next blank line and has no such attribute, and no plugin reads it: the
// handbook's own rule. The inner Markdown is parsed by the same instance, so it meets every rule a page does.
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";

const MARKDOWN_ATTRIBUTE = /\s+markdown\s*=\s*(?:"(1|block|span)"|'(1|block|span)'|(1|block|span))(?=[\s/>])/;

/** Parses the content of HTML elements with markdown="1" as Markdown (a core rule, right after the block parse). */
export function markdownInHtml(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== "html_block") continue;
    const open = /^\s*<([A-Za-z][\w-]*)\b[^>]*>/.exec(token.content);
    if (!open) continue;
    const attribute = MARKDOWN_ATTRIBUTE.exec(open[0]);
    if (!attribute) continue;
    const tag = open[1]!;
    const mode = attribute[1] ?? attribute[2] ?? attribute[3];
    const openTag = open[0].replace(MARKDOWN_ATTRIBUTE, "");
    let rest = token.content.slice(open[0].length);
    const closing = new RegExp(`</${tag}\\s*>\\s*$`, "i").exec(rest);
    const closeTag = closing ? closing[0].trim() : "";
    if (closing) rest = rest.slice(0, closing.index);
    const firstLine = (token.map?.[0] ?? 0) + (open[0].match(/\n/g)?.length ?? 0);
    const replacement: Token[] = [html(state, `${openTag}\n`, token)];
    if (mode === "span") {
      const inline = new state.Token("inline", "", 0);
      inline.content = rest.trim();
      inline.map = [firstLine, firstLine + 1];
      inline.children = [];
      replacement.push(inline);
    } else {
      replacement.push(...parseBlocks(state, rest, firstLine, token.level));
    }
    if (closeTag) replacement.push(html(state, `${closeTag}\n`, token));
    tokens.splice(i, 1, ...replacement);
    // Carry on with the first inner token: nested elements may ask for Markdown too.
  }
}

function html(state: StateCore, content: string, like: Token): Token {
  const t = new state.Token("html_block", "", 0);
  t.content = content;
  t.block = true;
  t.map = like.map;
  t.level = like.level;
  return t;
}

/**
 * Parses Markdown found inside an HTML element. kramdown ends an HTML element at its closing tag, where markdown-it
 * keeps raw HTML up to the next blank line; so an inner element followed directly by Markdown is split there.
 */
function parseBlocks(state: StateCore, src: string, firstLine: number, level: number): Token[] {
  const inner: Token[] = [];
  state.md.block.parse(src, state.md, state.env, inner);
  const out: Token[] = [];
  for (const t of inner) {
    if (t.map) t.map = [t.map[0] + firstLine, t.map[1] + firstLine];
    t.level += level;
    if (t.type !== "html_block") {
      out.push(t);
      continue;
    }
    const lines = t.content.replace(/\n$/, "").split("\n");
    const tag = /^\s*<([A-Za-z][\w-]*)\b/.exec(lines[0] ?? "")?.[1];
    const end = tag ? closingLine(lines, tag) : -1;
    if (end < 0 || end >= lines.length - 1 || MARKDOWN_ATTRIBUTE.test(lines[0]!)) {
      out.push(t);
      continue;
    }
    const head = new state.Token("html_block", "", 0);
    Object.assign(head, t, { content: lines.slice(0, end + 1).join("\n") + "\n" });
    const start = t.map ? t.map[0] : firstLine;
    head.map = [start, start + end + 1];
    out.push(head, ...parseBlocks(state, lines.slice(end + 1).join("\n") + "\n", start + end + 1, t.level));
  }
  return out;
}

/** The line on which the element opened on lines[0] closes, or -1. */
function closingLine(lines: string[], tag: string): number {
  let depth = 0;
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*?(/?)>`, "gi");
  for (let i = 0; i < lines.length; i++) {
    for (const m of lines[i]!.matchAll(pattern)) {
      if (m[2]) continue;
      depth += m[1] ? -1 : 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}
