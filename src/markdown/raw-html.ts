// Raw HTML in a page's Markdown (markdown-it's html_block and html_inline tokens), held to src/security/html.ts:
// each problem is reported at its file, line and column, and a piece of HTML with an error is rendered as text, so
// even a preview that skips the check (`npm start`) never carries it.
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { diagnose, type Diagnostic } from "../shared/diagnostics.ts";
import type { SourcePage } from "../content/page.ts";
import { scanRawHtml } from "../security/html.ts";
import { sourceLines } from "./lines.ts";

/** Every problem in the raw HTML of a page, from its parsed tokens, at the file, line and column that write it. */
export function rawHtmlProblems(tokens: readonly Token[], page: SourcePage): Diagnostic[] {
  const problems: Diagnostic[] = [];
  let lines: string[] | undefined;
  /** Reports the findings in `html`, found at `at` in `text`: the content of the token that starts on body line `first`. */
  const report = (html: string, first: number, text: string, at: number) => {
    for (const finding of scanRawHtml(html)) {
      const { line, column } = placeIn((lines ??= page.body.split("\n")), first, text, at + finding.offset);
      problems.push(diagnose(finding.severity, page.file, page.bodyLine + line, finding.message, column));
    }
  };
  const where = sourceLines(tokens);
  tokens.forEach((token, i) => {
    const first = where[i]![0];
    if (token.type === "html_block") report(token.content, first, token.content, 0);
    if (token.type !== "inline" || !token.children) return;
    // An inline tag has no position of its own: it is found in its block's text, after the tags and code before it.
    let cursor = 0;
    for (const child of token.children) {
      if (child.type !== "html_inline" && child.type !== "code_inline") continue;
      const at = token.content.indexOf(child.content, cursor);
      if (at >= 0) cursor = at + child.content.length;
      if (child.type === "html_inline") report(child.content, first, token.content, Math.max(at, 0));
    }
  });
  return problems;
}

/**
 * The 0-based body line and 1-based column of `offset` in a token's text, which starts on body line `first`.
 * markdown-it drops what contains a block (list indents, "> ") from the text's lines, so each line is found again as
 * the end of its source line; a line that is not (a table cell, a tag whose markdown="1" was taken out) by what
 * follows the offset.
 */
function placeIn(lines: readonly string[], first: number, text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const index = before.split("\n").length - 1;
  const inLine = offset - (before.lastIndexOf("\n") + 1);
  const textLine = text.split("\n")[index] ?? "";
  const source = lines[first + index] ?? "";
  if (textLine !== "" && source.endsWith(textLine)) return { line: first + index, column: source.length - textLine.length + inLine + 1 };
  const found = source.indexOf(textLine.slice(inLine, inLine + 24));
  return { line: first + index, column: (found >= 0 ? found : inLine) + 1 };
}

/** Renders a piece of raw HTML that has an error (a script, an event handler …) as text, showing the code instead. */
export function rawHtmlPlugin(md: MarkdownIt): void {
  for (const rule of ["html_block", "html_inline"] as const) {
    const render = md.renderer.rules[rule]!;
    md.renderer.rules[rule] = (tokens, idx, options, env, self) => {
      const html = tokens[idx]!.content;
      if (!scanRawHtml(html).some((f) => f.severity === "error")) return render(tokens, idx, options, env, self);
      return rule === "html_block" ? `<pre><code>${md.utils.escapeHtml(html)}</code></pre>\n` : `<code>${md.utils.escapeHtml(html)}</code>`;
    };
  }
}
