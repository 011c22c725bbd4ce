// kramdown's tables that markdown-it does not read: the alignment row first (a table without a header), pipe rows
// without any alignment row, and `|---|` or `|===|` lines inside the body (skipped). markdown-it-multimd-table reads
// headerless tables, but it calls md.utils.assign, which markdown-it 14 no longer has; so this block rule is the
// handbook's. Column alignment becomes a class for every table, as the Content-Security-Policy blocks inline styles.
import type StateBlock from "markdown-it/lib/rules_block/state_block.mjs";
import type Token from "markdown-it/lib/token.mjs";

const ALIGN_CELL = /^\s*:?-+:?\s*$/;

function splitRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith("|")) text = text.slice(1);
  if (text.endsWith("|") && !text.endsWith("\\|")) text = text.slice(0, -1);
  const cells: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\" && text[i + 1] === "|") {
      current += "\\|";
      i++;
    } else if (c === "|") {
      cells.push(current);
      current = "";
    } else current += c;
  }
  cells.push(current);
  return cells.map((c) => c.trim());
}

function isAlignmentRow(line: string): boolean {
  if (!line.includes("|") || !line.includes("-")) return false;
  return splitRow(line).every((cell) => ALIGN_CELL.test(cell));
}

function lineOf(state: StateBlock, n: number): string {
  return state.src.slice(state.bMarks[n]! + state.tShift[n]!, state.eMarks[n]!);
}

/** The block rule for kramdown's tables without a header row (before markdown-it's table rule). */
export function headerlessTable(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  // Tried at the start of every block: a line that does not start with "|" is turned away before anything is made.
  if (state.src.charCodeAt(state.bMarks[startLine]! + state.tShift[startLine]!) !== 0x7c /* | */) return false;
  const lineAt = (n: number) => lineOf(state, n);
  const first = lineAt(startLine);
  if (!first.startsWith("|")) return false;
  const alignFirst = isAlignmentRow(first);
  if (!alignFirst) {
    // A header row followed by the alignment row is a GFM table, markdown-it's own.
    if (startLine + 1 < endLine && isAlignmentRow(lineAt(startLine + 1))) return false;
    if (!first.trimEnd().endsWith("|") || first.trim().length < 2) return false;
  }
  const rows: Array<{ line: number; cells: string[] }> = [];
  let line = alignFirst ? startLine + 1 : startLine;
  for (; line < endLine; line++) {
    if (state.isEmpty(line) || state.sCount[line]! - state.blkIndent >= 4) break;
    const text = lineAt(line);
    if (!text.startsWith("|")) break;
    // Later separator lines (|---| and kramdown's footer |===|) only divide the body; they are not rows.
    if (isAlignmentRow(text) || /^\|[\s|=:+]*=[\s|=:+]*$/.test(text)) continue;
    rows.push({ line, cells: splitRow(text) });
  }
  if (rows.length === 0) return false;
  if (silent) return true;

  const aligns = alignFirst
    ? splitRow(first).map((cell) => {
        const c = cell.trim();
        return c.startsWith(":") && c.endsWith(":") ? "center" : c.endsWith(":") ? "right" : c.startsWith(":") ? "left" : "";
      })
    : [];
  const width = Math.max(...rows.map((r) => r.cells.length));
  const table = state.push("table_open", "table", 1);
  table.map = [startLine, line];
  const body = state.push("tbody_open", "tbody", 1);
  body.map = [startLine, line];
  for (const row of rows) {
    const tr = state.push("tr_open", "tr", 1);
    tr.map = [row.line, row.line + 1];
    for (let c = 0; c < width; c++) {
      const td = state.push("td_open", "td", 1);
      if (aligns[c]) td.attrs = [["style", `text-align:${aligns[c]}`]];
      const inline = state.push("inline", "", 0);
      inline.content = row.cells[c] ?? "";
      inline.map = [row.line, row.line + 1];
      inline.children = [];
      state.push("td_close", "td", -1);
    }
    state.push("tr_close", "tr", -1);
  }
  state.push("tbody_close", "tbody", -1);
  state.push("table_close", "table", -1);
  state.line = line;
  return true;
}

/**
 * Column alignment as a class (`align-right`) instead of markdown-it's `style="text-align:right"`, which the
 * Content-Security-Policy (no inline styles) would block; for every table, kramdown's and GFM's.
 */
export function alignmentClasses(tokens: Token[]): void {
  for (const token of tokens) {
    if (token.type !== "td_open" && token.type !== "th_open") continue;
    const align = /^text-align:(left|center|right)$/.exec(token.attrGet("style") ?? "");
    if (!align) continue;
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
    token.attrJoin("class", `align-${align[1]}`);
  }
}
