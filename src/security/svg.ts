// SVG files the build copies into the site. Shown in an <img> an SVG runs nothing, but opened by itself (a link to
// it, a reader's "open image in new tab") it is a document of the site's origin, with no Content-Security-Policy:
// its script would run with the site's storage. So an SVG in the content may hold no script in any form, and fetch
// nothing from outside itself. Rejected, not cleaned: an author can export the drawing again without it, and a file
// the build rewrote would no longer be the file under review.
import { Parser } from "htmlparser2";
import { diagnose, type Diagnostic } from "../shared/diagnostics.ts";
import { FORBIDDEN_ELEMENTS, isEventHandler, scriptingScheme } from "./html.ts";

/** Elements (by local name, lower case) that may not be in an SVG file, and why: those HTML may not hold, and more. */
const FORBIDDEN_IN_SVG: Record<string, string> = {
  ...Object.fromEntries(Object.keys(FORBIDDEN_ELEMENTS).map((name) => [name, "is HTML that runs code or loads other documents; remove it"])),
  script: "runs code when the file is opened, in the site's origin; remove it",
  foreignobject: "holds HTML, which can run code; remove it (export the drawing with its text as SVG text)",
};

/** Elements that draw what their href names: it must be in this file (`#id`), or a picture written into it. */
const FETCHING = new Set(["use", "image", "feimage", "pattern", "lineargradient", "radialgradient", "filter", "textpath", "mpath", "tref", "cursor"]);

/** A raster picture written into the file: no code can be in it. */
const RASTER_DATA = /^data:image\/(png|jpeg|gif|webp|avif)[;,]/i;

/** Attributes of SMIL animations that give an attribute (an href, say) a new value. */
const ANIMATION_VALUES = new Set(["to", "from", "values", "by"]);

/** What is wrong with one attribute of an SVG element (its name as written); undefined when nothing is. */
function attributeProblem(element: string, name: string, value: string): string | undefined {
  const local = localName(name);
  if (isEventHandler(local)) return `${name}="…" on <${element}> runs code when the file is opened; remove the attribute`;
  const scheme = local === "href" || ANIMATION_VALUES.has(local) ? scriptingScheme(value) : undefined;
  const fetching = FETCHING.has(localName(element));
  if (scheme && !(scheme === "data" && fetching && RASTER_DATA.test(value.trim()))) {
    return `${name} on <${element}> is a ${scheme}: URL, which can run code; remove it`;
  }
  if (local === "href" && fetching && !value.trim().startsWith("#") && !RASTER_DATA.test(value.trim())) {
    return `<${element}> ${name}="${value}" points outside the file; put what it shows in this file, or remove it`;
  }
  return undefined;
}

/** A tag's name without its namespace prefix, in lower case (`html:SCRIPT` → `script`). */
function localName(name: string): string {
  return name.slice(name.lastIndexOf(":") + 1).toLowerCase();
}

/** What an SVG file may not hold, each at its line and column: script, event handlers, script URLs, outside references. */
export function svgProblems(file: string, text: string): Diagnostic[] {
  // A file in UTF-16 (or with NUL bytes) is read one way here and another by a browser that knows its encoding.
  if (text.includes("\u0000")) return [diagnose("error", file, 1, "the SVG is not UTF-8 text, so it cannot be checked; save it as UTF-8")];
  const found: Array<{ offset: number; message: string }> = [];
  let element = "";
  const parser: Parser = new Parser(
    {
      onopentagname(name) {
        element = name;
        const why = FORBIDDEN_IN_SVG[localName(name)];
        if (why) found.push({ offset: parser.startIndex, message: `<${name}> ${why}` });
      },
      onattribute(name, value) {
        const problem = attributeProblem(element, name, value);
        if (problem) found.push({ offset: parser.startIndex, message: problem });
      },
      onprocessinginstruction(name, data) {
        if (/entity/i.test(data)) {
          found.push({ offset: parser.startIndex, message: "<!ENTITY> declares text the file expands elsewhere, which can hide script; remove the entity declarations" });
        } else if (/^\?xml-stylesheet$/i.test(name)) {
          found.push({ offset: parser.startIndex, message: "<?xml-stylesheet?> applies another file to this one, which can run code; remove it" });
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(text);
  return found.map(({ offset, message }) => {
    const before = text.slice(0, offset);
    return diagnose("error", file, before.split("\n").length, message, offset - before.lastIndexOf("\n"));
  });
}
