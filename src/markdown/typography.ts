// kramdown's typography, for a Jekyll site (`typography: "kramdown"`): smart quotes (markdown-it's own rule, with
// kramdown's default quotes), `---` and `--` as em and en dashes, `...` as an ellipsis, `<<` and `>>` as guillemets.
// markdown-it's `replacements` rule is off: it also makes (c), (tm) and +- symbols, which kramdown does not. It runs
// once heading ids are made, so a heading's GitHub slug stays the one GitHub made from the text as written.
import type MarkdownIt from "markdown-it";
import smartquotes from "markdown-it/lib/rules_core/smartquotes.mjs";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";

/** kramdown's typographic symbols, longest first. */
const SYMBOLS: Array<[RegExp, string]> = [
  [/---/g, "\u2014"],
  [/--/g, "\u2013"],
  [/\.\.\./g, "\u2026"],
  [/<<\s/g, "\u00ab\u00a0"],
  [/\s>>/g, "\u00a0\u00bb"],
  [/<</g, "\u00ab"],
  [/>>/g, "\u00bb"],
];

/** Registers kramdown's typography after the rule `after`; `enabled` is asked on each render (a Jekyll site's pages have it). */
export function typographyPlugin(md: MarkdownIt, after: string, enabled: () => boolean): void {
  md.set({ typographer: false, quotes: "\u201c\u201d\u2018\u2019" });
  md.core.ruler.disable(["replacements", "smartquotes"]);
  md.core.ruler.after(after, "kramdown_typography", (state) => {
    if (!enabled()) return;
    // markdown-it's smart quotes work only with `typographer` on, which is on for this rule alone.
    state.md.options.typographer = true;
    try {
      smartquotes(state);
    } finally {
      state.md.options.typographer = false;
    }
    symbols(state);
  });
}

function symbols(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    let inAutolink = 0;
    for (const token of block.children) {
      if (token.type === "link_open" && token.info === "auto") inAutolink++;
      else if (token.type === "link_close" && token.info === "auto") inAutolink--;
      else if (token.type === "text" && inAutolink === 0 && /--|\.\.\.|<<|>>/.test(token.content)) {
        for (const [pattern, symbol] of SYMBOLS) token.content = token.content.replace(pattern, symbol);
      }
    }
  }
}
