// What raw HTML written in a page may not carry: script in any form, elements that load or embed other documents or
// change the page's addressing, and the markup that steers search. Read with htmlparser2 as a browser reads HTML;
// where the two may read a stretch differently (comments, CDATA, raw text such as <title> inside <svg>), that
// stretch is read again as HTML, so the scan sees every tag a browser could see, and sometimes more.
import { Parser } from "htmlparser2";
import { browserForm, isDisguisedExternal } from "../shared/hrefs.ts";

/** One thing in a piece of HTML that content may not carry. */
export interface HtmlFinding {
  /** Offset in the scanned HTML: the tag's "<", or the attribute's name. */
  offset: number;
  /** "error" stops the build; "warning" is for what the Content-Security-Policy makes do nothing (inline styles). */
  severity: "error" | "warning";
  /** What is wrong and what to do, e.g. `<script> runs code…; remove it…`. */
  message: string;
}

/** Elements content may not write, and why, by (lower-case) name. */
export const FORBIDDEN_ELEMENTS: Record<string, string> = {
  script: "runs code, which pages may not; remove it (to show code, put it in a code block)",
  base: "changes where every link of the page leads; remove it",
  meta: "can send readers to another address or change how the page loads; remove it",
  link: "loads other files into the page; remove it (to link to something, write a Markdown link)",
  ...Object.fromEntries(
    ["iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe"].map((name) => [
      name,
      "embeds another document in the page, which pages may not; link to it instead",
    ]),
  ),
};

/** Attributes that hold a URL (or, for SVG animations, a value given to one), by local name. */
const URL_ATTRIBUTES = new Set([
  ...["href", "src", "srcset", "action", "formaction", "data", "poster", "background", "cite", "codebase", "longdesc"],
  ...["lowsrc", "dynsrc", "ping", "manifest", "icon", "usemap", "to", "from", "values", "by"],
]);

/**
 * The scheme of a URL in an attribute value that runs code or carries a document of its own (`javascript`,
 * `vbscript`, `data`), if any; a srcset or an SVG animation's `values` holds several URLs.
 */
export function scriptingScheme(value: string): string | undefined {
  for (const url of [value, ...value.split(/[\s,;]+/)]) {
    const scheme = /^(javascript|vbscript|data):/i.exec(browserForm(url))?.[1];
    if (scheme) return scheme.toLowerCase();
  }
  return undefined;
}

/** Whether an attribute (by its local name) is an event handler, which runs its value as code. */
export function isEventHandler(localName: string): boolean {
  return /^on/i.test(localName);
}

/** What is wrong with one attribute of raw HTML; undefined when nothing is. */
function attributeProblem(tag: string, name: string, value: string): Omit<HtmlFinding, "offset"> | undefined {
  const local = name.slice(name.lastIndexOf(":") + 1);
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u001f]/g, " ");
  const shown = `${name}="${text.length > 24 ? `${text.slice(0, 24)}…` : text}" on <${tag}>`;
  if (isEventHandler(local)) return { severity: "error", message: `${shown} runs code, which pages may not; remove the attribute` };
  if (/^data-pagefind/.test(name)) {
    return { severity: "error", message: `${name} on <${tag}> changes what search shows, which only the site's layout decides; remove the attribute` };
  }
  if (name === "style") {
    return { severity: "warning", message: `${shown} has no effect: the site's Content-Security-Policy blocks inline styles; remove it` };
  }
  if (!URL_ATTRIBUTES.has(local)) return undefined;
  const scheme = scriptingScheme(value);
  if (scheme) {
    return { severity: "error", message: `${shown} is a ${scheme}: URL, which pages may not use; link to a page, a file of the site or an https:// address` };
  }
  if (isDisguisedExternal(value)) {
    return { severity: "error", message: `${shown} leads to another site, as browsers read "\\" as "/"; write the full address (https://…) for another site, or remove the "\\"` };
  }
  return undefined;
}

/** The last markup a scan began before the end of the piece: a tag, a comment (or CDATA, <!…>, <?…>), or raw text. */
interface Begun {
  offset: number;
  kind: "tag" | "comment" | "raw";
  /** The tag's name, `/name` for an end tag. */
  name?: string;
}

/**
 * Finds what content may not carry in a piece of raw HTML: forbidden elements, event handlers, script URLs,
 * data-pagefind-* attributes, and (as warnings) inline styles. With `whole`, the piece is a unit of its own (an HTML
 * block or inline tag of a page): it must not end inside a tag or comment, as the browser would read what follows it
 * as part of that tag (`<div title='` in one block, `'onmouseover=…` further down).
 */
export function scanRawHtml(html: string, whole = true): HtmlFinding[] {
  const findings: HtmlFinding[] = [];
  const again = (text: string, at: number) => {
    // Read again as HTML: what htmlparser2 took for a comment, CDATA or raw text, a browser may read as markup.
    if (!text.includes("<") || text.length >= html.length) return;
    for (const f of scanRawHtml(text, false)) findings.push({ ...f, offset: at + f.offset });
  };
  let tag = "";
  let rawText = 0;
  let begun: Begun | undefined;
  let probeSeen = false;
  const begin = (kind: Begun["kind"], name?: string) => {
    if (parser.startIndex < html.length) begun = { offset: parser.startIndex, kind, name };
  };
  const parser: Parser = new Parser(
    {
      onopentagname(name) {
        if (name === PROBE_NAME && parser.startIndex === html.length + 1) probeSeen = true;
        tag = name;
        begin("tag", name);
        const why = FORBIDDEN_ELEMENTS[name];
        if (why) findings.push({ offset: parser.startIndex, severity: "error", message: `<${name}> ${why}` });
        if (name === "style") findings.push({ offset: parser.startIndex, severity: "warning", message: STYLE_ELEMENT });
      },
      onattribute(name, value) {
        const problem = attributeProblem(tag, name, value);
        if (problem) findings.push({ offset: parser.startIndex, ...problem });
      },
      onopentag(name) {
        if (!RAW_TEXT.has(name)) return;
        rawText++;
        if (parser.endIndex < html.length) begun = { offset: parser.endIndex + 1, kind: "raw" };
      },
      onclosetag(name, implied) {
        if (RAW_TEXT.has(name) && rawText > 0) rawText--;
        if (!implied) begin("tag", `/${name}`);
      },
      ontext() {
        const start = parser.startIndex;
        again(html.slice(start, Math.min(parser.endIndex + 1, html.length)), start);
        if (rawText > 0) begin("raw");
      },
      oncomment(data) {
        again(data, html.indexOf(data, parser.startIndex));
        begin("comment");
      },
      onprocessinginstruction(_name, data) {
        again(data, html.indexOf(data, parser.startIndex));
        begin("comment");
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(whole ? html + PROBE : html);
  const open = whole && !probeSeen ? leftOpen(begun) : undefined;
  if (open) findings.push(open);
  return findings.filter((f) => f.offset < html.length);
}

const STYLE_ELEMENT = "<style> has no effect: the site's Content-Security-Policy blocks styles written in pages; remove it";

/**
 * What the scan appends to a whole piece: its tag is read as a tag, right after the newline, only when the piece
 * ends outside every tag and comment (the newline ends a tag name left unfinished, for the message).
 */
const PROBE_NAME = "handbook-end-of-html";
const PROBE = `\n<${PROBE_NAME}>`;
/** Elements whose content htmlparser2 reads as text up to their end tag. */
const RAW_TEXT = new Set(["script", "style", "title", "textarea", "xmp"]);

/**
 * The finding for a piece of HTML that ends inside a tag or comment. One that ends inside an element whose content is
 * text (<textarea>) is no risk: the browser reads what follows as text too.
 */
function leftOpen(begun: Begun | undefined): HtmlFinding | undefined {
  if (!begun || begun.kind === "raw") return undefined;
  const what = begun.kind === "tag" ? `the <${begun.name}> tag is not finished with ">"` : "a comment is not closed with \"-->\"";
  const message = `${what} where its HTML ends, so the browser would read the Markdown after it as part of it; finish it before the blank line that ends the HTML`;
  return { offset: begun.offset, severity: "error", message };
}
