import { createRequire } from "node:module";
import type HLJS from "highlight.js/lib/common";
import type MarkdownIt from "markdown-it";

// highlight.js and its 37 languages take a tenth of a second to load: loaded on the first code block, so
// `check` (which parses, never highlights) does not wait for it.
const require = createRequire(import.meta.url);
let hljs: typeof HLJS | undefined;

/**
 * Highlights a fenced code block at build time with highlight.js, which marks tokens with classes
 * (`hljs-keyword`, …) that the stylesheet colours for light and dark; no style attributes, so the CSP holds.
 * Only a named language is highlighted (no guessing); an unknown one is left plain. Returns "" for markdown-it to
 * escape the code itself.
 */
export function highlightCode(code: string, lang: string): string {
  const language = lang.trim().toLowerCase();
  if (!language) return "";
  hljs ??= require("highlight.js/lib/common") as typeof HLJS;
  if (!hljs.getLanguage(language)) return "";
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}

const COPY_BUTTON =
  '<button class="copy-code" type="button" hidden data-pagefind-ignore>' +
  '<span class="copy-code-label">Copy</span><span class="visually-hidden"> code</span></button>';

/**
 * Code blocks: highlighted at build time, wrapped with a copy button that stays hidden until the script can copy
 * (src/client/copy.ts). Tables: wrapped so a wide one scrolls sideways on its own instead of widening the page.
 */
export function codeAndTablesPlugin(md: MarkdownIt): void {
  md.set({ highlight: highlightCode });
  for (const rule of ["fence", "code_block"] as const) {
    const render = md.renderer.rules[rule]!;
    md.renderer.rules[rule] = (tokens, idx, options, env, self) =>
      // The <pre> takes focus, so a line wider than the page can be scrolled with the keyboard (axe: scrollable-region-focusable).
      `<div class="code-block">${render(tokens, idx, options, env, self).trimEnd().replace(/^<pre>/, '<pre tabindex="0">')}${COPY_BUTTON}</div>\n`;
  }
  md.renderer.rules.table_open = (tokens, idx, options, _env, self) =>
    `<div class="table-wrapper">\n${self.renderToken(tokens, idx, options)}`;
  md.renderer.rules.table_close = (tokens, idx, options, _env, self) => `${self.renderToken(tokens, idx, options)}</div>\n`;
}
