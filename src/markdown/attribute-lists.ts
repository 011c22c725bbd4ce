// kramdown's block attribute lists, for markdown-it: `{: .note }` on its own line before or after a block (also
// indented in list items, applying to the list item's block, or lazily to the list), definitions `{:name: …}`
// referred to by name, `{::options /}` dropped, and `## Heading {#id}`. markdown-it-attrs reads span attribute lists
// (src/markdown/span-attributes.ts) but not these: it takes `{…}` only at the end of a block's own text, never on a
// line before the block or after a heading, and knows no definitions; so they are the handbook's own. Only the
// attributes SAFE_ATTRIBUTES names pass: an attribute list is content, and content may not set handlers or styles.
import type MarkdownIt from "markdown-it";
import type StateBlock from "markdown-it/lib/rules_block/state_block.mjs";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import { decorate, type CalloutKind } from "./callouts.ts";

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
export const SAFE_ATTRIBUTES = new Set([
  "target",
  "rel",
  "title",
  "width",
  "height",
  "alt",
  "lang",
  "dir",
]);

const ATTRIBUTE =
  /\s*(?:\.([A-Za-z_][\w-]*)|#([A-Za-z][\w:.-]*)|([A-Za-z_][\w-]*)=(?:"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)')|([A-Za-z_][\w-]*))/y;

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
      if (m[3] === "class")
        list.classes.push(...value.split(/\s+/).filter((c) => /^[A-Za-z_][\w-]*$/.test(c)));
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

/** A line of `-` or `=` that would make the line above it a setext heading. */
const SETEXT_UNDERLINE = /^(?:-+|=+)[ \t]*$/;

/**
 * A block rule (also ending a paragraph): an attribute line followed by a `---` or `===` line is an attribute line, as
 * in kramdown, not the text of a setext heading. It becomes a paragraph of its own, which blockAttributes applies.
 */
export function ialBeforeSetextUnderline(
  state: StateBlock,
  startLine: number,
  _endLine: number,
  silent: boolean,
): boolean {
  const next = startLine + 1;
  if (
    next >= state.lineMax ||
    state.sCount[startLine]! - state.blkIndent >= 4 ||
    state.sCount[next]! - state.blkIndent >= 4
  )
    return false;
  const lineOf = (n: number) =>
    state.src.slice(state.bMarks[n]! + state.tShift[n]!, state.eMarks[n]!);
  const line = lineOf(startLine).trim();
  if (!line.startsWith("{:") || !line.endsWith("}") || !SETEXT_UNDERLINE.test(lineOf(next)))
    return false;
  if (!(IAL_LINE.test(line) || ALD_LINE.test(line) || OPTIONS_LINE.test(line))) return false;
  if (silent) return true;
  const open = state.push("paragraph_open", "p", 1);
  open.map = [startLine, next];
  const inline = state.push("inline", "", 0);
  inline.content = line;
  inline.map = [startLine, next];
  inline.children = [];
  state.push("paragraph_close", "p", -1);
  state.line = next;
  return true;
}

interface BlockTarget {
  token: Token;
  attributes: AttributeList;
}

/** Applies the block attribute lists of a parsed page (a core rule, run after the block parse). */
export function blockAttributes(
  md: MarkdownIt,
  state: StateCore,
  callouts: Record<string, CalloutKind>,
): void {
  const tokens = state.tokens;
  // Every attribute line, definition and options line starts with "{:": a paragraph without one is left alone.
  // Most pages have none, so the source is split into lines only when one is found.
  let sourceLines: string[] | undefined;
  const definitions = new Map<string, AttributeList>();
  const targets: BlockTarget[] = [];

  collectDefinitions(tokens, definitions);

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
    const segments = segmentsOf(contentLines, parsed, start, lines, listIndent);
    const replacement = paragraphsOf(segments, open, inline, close, start, contentLines);
    // A tight list shows a lone paragraph without <p>; once split, or given attributes, the parts are paragraphs.
    if (open.hidden && replacement.length > 3)
      for (const t of replacement)
        if (t.type === "paragraph_open" || t.type === "paragraph_close") t.hidden = false;
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

  applyTargets(md, tokens, targets, callouts);
}

/** A paragraph cut at its attribute lines: runs of text lines, and the attribute lines between them. */
type Segment =
  | { kind: "text"; from: number; to: number; open?: Token }
  | { kind: "ial"; line: number; list: AttributeList; lazy: boolean };

/** Takes the attribute list definitions (`{:name: …}`) and options lines out of the paragraphs, into `definitions`. */
function collectDefinitions(tokens: Token[], definitions: Map<string, AttributeList>): void {
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
}

/** Splits a paragraph's lines at its attribute lines (kramdown ends a paragraph there). */
function segmentsOf(
  contentLines: string[],
  parsed: (AttributeList | undefined)[],
  start: number,
  lines: string[],
  listIndent: ReturnType<typeof enclosingListIndent>,
): Segment[] {
  const segments: Segment[] = [];
  contentLines.forEach((_, k) => {
    const list = parsed[k];
    if (list) {
      const raw = lines[start + k] ?? "";
      const lazy =
        listIndent !== undefined && raw.length - raw.trimStart().length < listIndent.indent;
      segments.push({ kind: "ial", line: start + k, list, lazy });
    } else {
      const last = segments[segments.length - 1];
      if (last?.kind === "text") last.to = k + 1;
      else segments.push({ kind: "text", from: k, to: k + 1 });
    }
  });
  return segments;
}

/** One paragraph (open, inline, close) per text segment, cloned from the paragraph they were cut from. */
function paragraphsOf(
  segments: Segment[],
  open: Token,
  inline: Token,
  close: Token,
  start: number,
  contentLines: string[],
): Token[] {
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
  return replacement;
}

/** Sets each target's attributes, and turns its classes into callouts or other decorations. */
function applyTargets(
  md: MarkdownIt,
  tokens: Token[],
  targets: BlockTarget[],
  callouts: Record<string, CalloutKind>,
): void {
  for (const { token, attributes } of targets) {
    if (
      attributes.refs.includes("toc") &&
      (token.type === "bullet_list_open" || token.type === "ordered_list_open")
    ) {
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

function withHtmlAttributes(
  html: string,
  list: AttributeList,
  escape: (s: string) => string,
): string {
  const m = /^(\s*<[A-Za-z][\w-]*)([^>]*?)(\/?>)/.exec(html);
  if (!m) return html;
  let attrs = m[2]!;
  const extra: string[] = [];
  if (list.classes.length > 0) {
    const existing = /\sclass\s*=\s*"([^"]*)"/.exec(attrs);
    if (existing)
      attrs = attrs.replace(
        existing[0],
        ` class="${existing[1]} ${escape(list.classes.join(" "))}"`,
      );
    else extra.push(`class="${escape(list.classes.join(" "))}"`);
  }
  if (list.id && !/\sid\s*=/.test(attrs)) extra.push(`id="${escape(list.id)}"`);
  for (const [key, value] of list.pairs)
    if (SAFE_ATTRIBUTES.has(key)) extra.push(`${key}="${escape(value)}"`);
  return `${m[1]}${attrs}${extra.map((e) => ` ${e}`).join("")}${m[3]}${html.slice(m[0].length)}`;
}

/** The block just before tokens[index] in the same container, and the line after its last line. */
function precedingBlock(tokens: Token[], index: number): { token: Token; end: number } | undefined {
  const prev = tokens[index - 1];
  if (!prev || prev.nesting === 1) return undefined;
  if (prev.nesting === 0)
    return prev.block && prev.map ? { token: prev, end: prev.map[1] } : undefined;
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
function enclosingListIndent(
  tokens: Token[],
  index: number,
  lines: string[],
): { list: Token; indent: number } | undefined {
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
      if (listDepth === 1)
        return marker ? { list: tokens[k]!, indent: marker[0].length } : undefined;
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
