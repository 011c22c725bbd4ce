// Kramdown habits of Just the Docs sites, for markdown-it: attribute lists on blocks (`{: .note }`, also inside
// lists) and on spans (`[x](y){:target="_blank"}`), `## Heading {#id}`, `1. TOC` + `{:toc}`, tables whose first
// line is the alignment row, HTML elements with markdown="1", and heading ids made the way kramdown makes them.
import { slug } from "github-slugger";
import type MarkdownIt from "markdown-it";
import type StateBlock from "markdown-it/lib/rules_block/state_block.mjs";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import { decorate, type CalloutKind } from "./callouts.ts";

/** How heading ids are made: GitHub's slugs; kramdown's GFM parser (Jekyll's default); kramdown's own parser. */
export type HeadingIdStyle = "github" | "kramdown-gfm" | "kramdown";

/** What the plugin reads from the site on each render. */
export interface KramdownOptions {
  /** Callout kinds by class name, from the site settings. */
  callouts: Record<string, CalloutKind>;
  /** How heading ids are made. */
  headingIds: HeadingIdStyle;
}

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

/** An attribute list as written: `{: .a .b #id key="value" ref }`. */
export interface AttributeList {
  classes: string[];
  id?: string;
  /** key="value" pairs, in order. */
  pairs: Array<[string, string]>;
  /** Names without a sigil: references to attribute list definitions, and `toc`. */
  refs: string[];
}

/** Attributes an attribute list may set besides class and id; anything else (onclick, style, href …) is dropped. */
const SAFE_ATTRIBUTES = new Set(["target", "rel", "title", "width", "height", "alt", "lang", "dir"]);

const ATTRIBUTE = /\s*(?:\.([A-Za-z_][\w-]*)|#([A-Za-z][\w:.-]*)|([A-Za-z_][\w-]*)=(?:"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)')|([A-Za-z_][\w-]*))/y;

/** Parses the inside of `{: … }`; undefined when it is not an attribute list. */
export function parseAttributeList(text: string): AttributeList | undefined {
  const list: AttributeList = { classes: [], pairs: [], refs: [] };
  ATTRIBUTE.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (text.slice(at).trim() === "") break;
    ATTRIBUTE.lastIndex = at;
    const m = ATTRIBUTE.exec(text);
    if (!m) return undefined;
    at = ATTRIBUTE.lastIndex;
    if (m[1]) list.classes.push(m[1]);
    else if (m[2]) list.id = m[2];
    else if (m[3]) {
      const value = (m[4] ?? m[5] ?? "").replace(/\\(.)/g, "$1");
      if (m[3] === "class") list.classes.push(...value.split(/\s+/).filter((c) => /^[A-Za-z_][\w-]*$/.test(c)));
      else if (m[3] === "id") list.id = value;
      else list.pairs.push([m[3], value]);
    } else if (m[6]) list.refs.push(m[6]);
  }
  return list;
}

/** A block attribute line: `{: … }` alone on its line (not a definition `{:name: …}` nor an extension `{::…}`). */
const IAL_LINE = /^\{:(?![:/])(?![\w-]+:)\s*(.*?)\s*\}$/;
/** An attribute list definition: `{:name: … }`. */
const ALD_LINE = /^\{:([\w-]+):\s*(.*?)\s*\}$/;
/** `{::options … /}`: kramdown parser options, meaningless here. */
const OPTIONS_LINE = /^\{::options\b.*\/\}$/;
/** `## Heading {#id}`. */
const HEADER_ID = /[ \t]+\{#([A-Za-z][\w:-]*)\}[ \t]*$/;

/** Registers the kramdown habits on a markdown-it instance; `options` is read on every render. */
export function kramdownPlugin(md: MarkdownIt, options: () => KramdownOptions): void {
  md.block.ruler.before("table", "kramdown_table", headerlessTable);
  md.core.ruler.after("block", "kramdown_markdown_html", (state) => markdownInHtml(state));
  md.core.ruler.after("kramdown_markdown_html", "kramdown_block_attributes", (state) =>
    blockAttributes(md, state, options().callouts),
  );
  md.core.ruler.after("text_join", "kramdown_span_attributes", (state) => spanAttributes(state));
  md.core.ruler.after("kramdown_block_attributes", "table_alignment_classes", (state) => alignmentClasses(state.tokens));
  md.core.ruler.before("anchor", "kramdown_heading_ids", (state) => headingIds(state, options().headingIds));
  md.core.ruler.after("anchor", "kramdown_toc", (state) => tableOfContents(md, state));
}

// ---------------------------------------------------------------------------------------------------------------
// Block attribute lists

interface BlockTarget {
  token: Token;
  attributes: AttributeList;
}

function blockAttributes(md: MarkdownIt, state: StateCore, callouts: Record<string, CalloutKind>): void {
  const tokens = state.tokens;
  // Every attribute line, definition and options line starts with "{:": a paragraph without one is left alone.
  // Most pages have none, so the source is split into lines only when one is found.
  let sourceLines: string[] | undefined;
  const definitions = new Map<string, AttributeList>();
  const targets: BlockTarget[] = [];

  // Definitions first: kramdown lets a reference come before its definition.
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== "paragraph_open") continue;
    const inline = tokens[i + 1]!;
    if (!inline.content.includes("{:")) continue;
    const kept = inline.content.split("\n").filter((line) => {
      const ald = ALD_LINE.exec(line.trim());
      if (ald && ald[1] !== "toc") {
        const list = parseAttributeList(ald[2]!);
        if (list) definitions.set(ald[1]!, list);
        return !list;
      }
      return !OPTIONS_LINE.test(line.trim());
    });
    if (kept.length === inline.content.split("\n").length) continue;
    if (kept.length === 0) {
      tokens.splice(i, 3);
      i--;
    } else inline.content = kept.join("\n");
  }

  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type === "heading_open") {
      const inline = tokens[i + 1]!;
      const id = HEADER_ID.exec(inline.content);
      if (id) {
        inline.content = inline.content.slice(0, id.index);
        open.attrSet("id", id[1]!);
      }
      continue;
    }
    if (open.type !== "paragraph_open") continue;
    const inline = tokens[i + 1]!;
    if (!inline.content.includes("{:")) continue;
    const contentLines = inline.content.split("\n");
    const parsed = contentLines.map((line) => {
      const m = IAL_LINE.exec(line.trim());
      return m ? parseAttributeList(m[1]!) : undefined;
    });
    if (!parsed.some(Boolean)) continue;

    const start = open.map?.[0] ?? 0;
    const close = tokens[i + 2]!;
    const lines = (sourceLines ??= state.src.split("\n"));
    const listIndent = enclosingListIndent(tokens, i, lines);
    // Split the paragraph at its attribute lines: kramdown ends a paragraph there.
    type Segment = { kind: "text"; from: number; to: number; open?: Token } | { kind: "ial"; line: number; list: AttributeList; lazy: boolean };
    const segments: Segment[] = [];
    contentLines.forEach((_, k) => {
      const list = parsed[k];
      if (list) {
        const raw = lines[start + k] ?? "";
        const lazy = listIndent !== undefined && raw.length - raw.trimStart().length < listIndent.indent;
        segments.push({ kind: "ial", line: start + k, list, lazy });
      } else {
        const last = segments[segments.length - 1];
        if (last?.kind === "text") last.to = k + 1;
        else segments.push({ kind: "text", from: k, to: k + 1 });
      }
    });
    const replacement: Token[] = [];
    for (const segment of segments) {
      if (segment.kind !== "text") continue;
      const p = cloneToken(open);
      p.map = [start + segment.from, start + segment.to];
      const text = cloneToken(inline);
      text.content = contentLines.slice(segment.from, segment.to).join("\n");
      text.map = p.map;
      text.children = [];
      replacement.push(p, text, cloneToken(close));
      segment.open = p;
    }
    // A tight list shows a lone paragraph without <p>; once split, or given attributes, the parts are paragraphs.
    if (open.hidden && replacement.length > 3) for (const t of replacement) if (t.type === "paragraph_open" || t.type === "paragraph_close") t.hidden = false;
    const previous = precedingBlock(tokens, i);
    const next = tokens[i + 3];
    const nextBlock = next && next.nesting >= 0 && next.level === open.level ? next : undefined;
    segments.forEach((segment, k) => {
      if (segment.kind !== "ial") return;
      let target: Token | undefined;
      if (segment.lazy && listIndent) target = listIndent.list;
      else {
        const before = segments[k - 1];
        const after = segments.slice(k + 1).find((s) => s.kind === "text");
        if (before?.kind === "text") target = before.open;
        else if (k === 0 && previous && previous.end === segment.line) target = previous.token;
        else if (after?.kind === "text") target = after.open;
        else if (!segments.slice(k + 1).some((s) => s.kind === "text")) target = nextBlock;
      }
      if (!target) return;
      const attributes: AttributeList = { classes: [], pairs: [], refs: [] };
      for (const ref of segment.list.refs) {
        const defined = definitions.get(ref);
        if (defined) mergeInto(attributes, defined);
      }
      mergeInto(attributes, segment.list);
      targets.push({ token: target, attributes });
    });
    // An earlier attribute line may have aimed at this paragraph: it now applies to the first part.
    for (const t of targets) if (t.token === open && replacement[0]) t.token = replacement[0];
    tokens.splice(i, 3, ...replacement);
    i += replacement.length - 1;
  }

  for (const { token, attributes } of targets) {
    if (attributes.refs.includes("toc") && (token.type === "bullet_list_open" || token.type === "ordered_list_open")) {
      token.meta = { ...(token.meta as object | null), kramdownToc: true };
    }
    if (token.type === "html_block") {
      token.content = withHtmlAttributes(token.content, attributes, md.utils.escapeHtml);
      continue;
    }
    if (token.type === "paragraph_open" && token.hidden) {
      const index = tokens.indexOf(token);
      token.hidden = false;
      if (tokens[index + 2]?.type === "paragraph_close") tokens[index + 2]!.hidden = false;
    }
    setAttributes(token, { ...attributes, classes: [] });
    for (const name of attributes.classes) {
      const index = tokens.indexOf(token);
      if (index >= 0) decorate(md, tokens, index, name, callouts);
    }
  }
}

function mergeInto(into: AttributeList, from: AttributeList): void {
  into.classes.push(...from.classes);
  if (from.id) into.id = from.id;
  into.pairs.push(...from.pairs);
  into.refs.push(...from.refs);
}

/** Sets an attribute list's id and safe attributes (and classes) on a token; `target="_blank"` gets rel="noopener". */
export function setAttributes(token: Token, list: AttributeList): void {
  for (const name of list.classes) token.attrJoin("class", name);
  if (list.id) token.attrSet("id", list.id);
  for (const [key, value] of list.pairs) if (SAFE_ATTRIBUTES.has(key)) token.attrSet(key, value);
  if (token.attrGet("target") === "_blank") {
    const rel = (token.attrGet("rel") ?? "").split(/\s+/).filter(Boolean);
    if (!rel.includes("noopener")) token.attrSet("rel", [...rel, "noopener"].join(" "));
  }
}

function withHtmlAttributes(html: string, list: AttributeList, escape: (s: string) => string): string {
  const m = /^(\s*<[A-Za-z][\w-]*)([^>]*?)(\/?>)/.exec(html);
  if (!m) return html;
  let attrs = m[2]!;
  const extra: string[] = [];
  if (list.classes.length > 0) {
    const existing = /\sclass\s*=\s*"([^"]*)"/.exec(attrs);
    if (existing) attrs = attrs.replace(existing[0], ` class="${existing[1]} ${escape(list.classes.join(" "))}"`);
    else extra.push(`class="${escape(list.classes.join(" "))}"`);
  }
  if (list.id && !/\sid\s*=/.test(attrs)) extra.push(`id="${escape(list.id)}"`);
  for (const [key, value] of list.pairs) if (SAFE_ATTRIBUTES.has(key)) extra.push(`${key}="${escape(value)}"`);
  return `${m[1]}${attrs}${extra.map((e) => ` ${e}`).join("")}${m[3]}${html.slice(m[0].length)}`;
}

/** The block just before tokens[index] in the same container, and the line after its last line. */
function precedingBlock(tokens: Token[], index: number): { token: Token; end: number } | undefined {
  const prev = tokens[index - 1];
  if (!prev || prev.nesting === 1) return undefined;
  if (prev.nesting === 0) return prev.block && prev.map ? { token: prev, end: prev.map[1] } : undefined;
  let depth = 0;
  for (let j = index - 1; j >= 0; j--) {
    depth += tokens[j]!.nesting;
    if (depth === 0) {
      const open = tokens[j]!;
      return open.map ? { token: open, end: open.map[1] } : undefined;
    }
  }
  return undefined;
}

/** The list whose item holds tokens[index], and the column its item's content starts at. */
function enclosingListIndent(tokens: Token[], index: number, lines: string[]): { list: Token; indent: number } | undefined {
  let depth = 0;
  for (let j = index - 1; j >= 0; j--) {
    const t = tokens[j]!;
    depth += t.nesting;
    if (depth !== 1) continue;
    if (t.type !== "list_item_open") return undefined;
    const line = lines[t.map?.[0] ?? -1];
    const marker = line === undefined ? null : /^(\s*)(?:[*+-]|\d{1,9}[.)])([ \t]+|$)/.exec(line);
    let listDepth = 0;
    for (let k = j - 1; k >= 0; k--) {
      listDepth += tokens[k]!.nesting;
      if (listDepth === 1) return marker ? { list: tokens[k]!, indent: marker[0].length } : undefined;
    }
    return undefined;
  }
  return undefined;
}

function cloneToken(token: Token): Token {
  const copy = new (token.constructor as typeof Token)(token.type, token.tag, token.nesting);
  Object.assign(copy, token, { attrs: token.attrs ? token.attrs.map(([k, v]) => [k, v]) : null });
  return copy;
}

// ---------------------------------------------------------------------------------------------------------------
// Span attribute lists

const SPAN_IAL = /^\{:(?![:/])\s*([^}]*?)\s*\}/;

function spanAttributes(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    const children = block.children;
    for (let i = 1; i < children.length; i++) {
      const text = children[i]!;
      if (text.type !== "text" || !text.content.startsWith("{:")) continue;
      const m = SPAN_IAL.exec(text.content);
      const list = m ? parseAttributeList(m[1]!) : undefined;
      if (!m || !list) continue;
      const target = spanTarget(children, i - 1);
      if (!target) continue;
      setAttributes(target, list);
      text.content = text.content.slice(m[0].length);
      if (text.content === "") {
        children.splice(i, 1);
        i--;
      }
    }
  }
}

/** The element a span attribute list right after children[index] applies to: the link, image, code or emphasis. */
function spanTarget(children: Token[], index: number): Token | undefined {
  const prev = children[index]!;
  if (prev.type === "image" || prev.type === "code_inline") return prev;
  if (prev.nesting !== -1) return undefined;
  let depth = 0;
  for (let j = index; j >= 0; j--) {
    depth += children[j]!.nesting;
    if (depth === 0) return children[j];
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Heading ids

/** The heading text markdown-it-anchor slugs: its text and code, without markup. */
function headingText(children: readonly Token[] | null): string {
  return (children ?? []).filter((t) => t.type === "text" || t.type === "code_inline").map((t) => t.content).join("");
}

/** kramdown-parser-gfm's id (Jekyll's default): text downcased, non-word characters dropped, spaces to hyphens. */
export function kramdownGfmId(children: readonly Token[] | null): string {
  // kramdown turns --, ---, ..., << and >> in text into typographic symbols, which are not word characters.
  const text = (children ?? [])
    .map((t) => (t.type === "text" ? t.content.replace(/-{2,3}|\.\.\.|<<|>>/g, "") : t.type === "code_inline" ? t.content : ""))
    .join("");
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\- \t]/gu, "")
    .replace(/[ \t]/g, "-");
}

/** kramdown's own parser's id, from the heading as written: leading non-letters and all but [a-z0-9 -] dropped. */
export function kramdownId(raw: string): string {
  const id = raw
    .replace(/^[^a-zA-Z]+/, "")
    .replace(/[^a-zA-Z0-9 -]/g, "")
    .replace(/ /g, "-")
    .toLowerCase();
  return id === "" ? "section" : id;
}

function headingIds(state: StateCore, style: HeadingIdStyle): void {
  const tokens = state.tokens;
  const used = new Set<string>();
  const githubUsed = new Set<string>();
  const kramdownSeen = new Map<string, number>();
  const unique = (base: string, set: Set<string>) => {
    let id = base;
    for (let n = 1; set.has(id); n++) id = `${base}-${n}`;
    set.add(id);
    return id;
  };
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== "heading_open") continue;
    const inline = tokens[i + 1]!;
    const github = unique(slug(headingText(inline.children)), githubUsed);
    const explicit = open.attrGet("id");
    let id: string;
    if (explicit !== null) id = unique(explicit, used);
    else if (style === "github") id = unique(github, used);
    else {
      const base = style === "kramdown" ? kramdownId(inline.content.trim()) : kramdownGfmId(inline.children);
      if (base === "") {
        id = unique(github, used);
      } else {
        const seen = (kramdownSeen.get(base) ?? -1) + 1;
        kramdownSeen.set(base, seen);
        id = unique(seen > 0 ? `${base}-${seen}` : base, used);
      }
    }
    open.attrSet("id", id);
    if (style !== "github" && explicit === null && github !== id && github !== "" && !used.has(github)) {
      // Also answer to GitHub's slug, so links written against the Markdown on GitHub keep working too.
      used.add(github);
      const alias = new state.Token("html_block", "", 0);
      alias.content = `<span class="heading-alias" id="${state.md.utils.escapeHtml(github)}"></span>\n`;
      alias.block = true;
      tokens.splice(i, 0, alias);
      i++;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// `1. TOC` + `{:toc}`

function tableOfContents(md: MarkdownIt, state: StateCore): void {
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
  interface Entry {
    level: number;
    id: string;
    text: string;
    children: Entry[];
  }
  const root: Entry = { level: 0, id: "", text: "", children: [] };
  const stack: Entry[] = [root];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== "heading_open") continue;
    const id = t.attrGet("id");
    if (!id || (t.attrGet("class") ?? "").split(/\s+/).includes("no_toc")) continue;
    const entry: Entry = { level: Number(t.tag.slice(1)), id, text: headingText(tokens[i + 1]!.children).trim(), children: [] };
    while (stack.length > 1 && stack[stack.length - 1]!.level >= entry.level) stack.pop();
    stack[stack.length - 1]!.children.push(entry);
    stack.push(entry);
  }
  const e = md.utils.escapeHtml;
  const list = (entries: Entry[], top: boolean): string =>
    `<${tag}${top ? ' id="markdown-toc"' : ""}>\n` +
    entries
      .map(
        (x) =>
          `<li><a href="#${e(x.id)}" id="markdown-toc-${e(x.id)}">${e(x.text)}</a>` +
          (x.children.length > 0 ? `\n${list(x.children, false)}` : "") +
          "</li>\n",
      )
      .join("") +
    `</${tag}>\n`;
  return root.children.length > 0 ? list(root.children, true) : "";
}

// ---------------------------------------------------------------------------------------------------------------
// Tables whose first line is the alignment row (kramdown's table without a header), and pipe tables without one

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

function headerlessTable(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
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
function alignmentClasses(tokens: Token[]): void {
  for (const token of tokens) {
    if (token.type !== "td_open" && token.type !== "th_open") continue;
    const align = /^text-align:(left|center|right)$/.exec(token.attrGet("style") ?? "");
    if (!align) continue;
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
    token.attrJoin("class", `align-${align[1]}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// HTML elements with markdown="1" (or "block" / "span"): their content is Markdown, as in kramdown

const MARKDOWN_ATTRIBUTE = /\s+markdown\s*=\s*(?:"(1|block|span)"|'(1|block|span)'|(1|block|span))(?=[\s/>])/;

function markdownInHtml(state: StateCore): void {
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
