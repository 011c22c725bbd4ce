// The link gate on the built site: every internal URL in every built page resolves to a written file, and every
// #anchor to an element id on the target page. Pure: it is given the pages' HTML and the list of files, and parses
// the HTML with htmlparser2. It catches what the Markdown-level check (check.ts) cannot see: links written by the
// layout and its components, raw HTML in Markdown, images and other files.
import { Parser } from "htmlparser2";
import { closest } from "../content/suggest.ts";

/** One URL found in a built page. */
export interface FoundUrl {
  /** Element that carries it, lower case (`a`, `img`, …). */
  tag: string;
  /** Attribute that carries it (`href`, `src`, `srcset`, …). */
  attribute: string;
  /** The URL, entity-decoded, as a browser reads it. */
  url: string;
  /** Offset of the element's `<` in the page's HTML. */
  offset: number;
}

/** What a built page offers to links and contains. */
export interface ScannedPage {
  /** Every `id` (and `<a name>`) in the page: the targets of #anchors. */
  ids: Set<string>;
  /** Every URL the page refers to. */
  urls: FoundUrl[];
}

/** Attributes that hold a URL, by element; `srcset` holds several. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  script: ["src"],
  img: ["src", "srcset"],
  source: ["src", "srcset"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  iframe: ["src"],
  embed: ["src"],
  object: ["data"],
  input: ["src"],
  form: ["action"],
};

/** The handbook's own attributes that hold a URL a script fetches: the sidebar's nav.json and the search bundle folder. */
const DATA_URL_ATTRIBUTES = ["data-nav-src", "data-bundle"];

/** Every attribute that can hold a URL on an element: its own ones and the handbook's data-* ones. */
const URL_ATTRIBUTES_OF: Record<string, readonly string[]> = Object.fromEntries(
  Object.entries(URL_ATTRIBUTES).map(([tag, attributes]) => [tag, [...attributes, ...DATA_URL_ATTRIBUTES]]),
);

/**
 * Reads one page's ids and URLs, calling back for each as the parser meets it. Nothing is kept, so a caller that
 * only counts or looks up what it is told allocates nothing per link.
 */
function scan(html: string, onId: (id: string) => void, onUrl: (tag: string, attribute: string, url: string, offset: number) => void): void {
  const parser: Parser = new Parser(
    {
      onopentag(tag, attributes) {
        if (attributes.id) onId(attributes.id);
        if (tag === "a" && attributes.name) onId(attributes.name);
        for (const attribute of URL_ATTRIBUTES_OF[tag] ?? DATA_URL_ATTRIBUTES) {
          const value = attributes[attribute];
          if (value === undefined) continue;
          if (attribute === "srcset") {
            for (const url of srcsetUrls(value)) onUrl(tag, attribute, url, parser.startIndex);
          } else {
            const url = value.trim();
            if (url !== "") onUrl(tag, attribute, url, parser.startIndex);
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
}

/** Reads one page's ids and URLs. */
export function scanHtml(html: string): ScannedPage {
  const ids = new Set<string>();
  const urls: FoundUrl[] = [];
  scan(
    html,
    (id) => ids.add(id),
    (tag, attribute, url, offset) => urls.push({ tag, attribute, url, offset }),
  );
  return { ids, urls };
}

/** The URLs of a srcset: comma-separated candidates, each a URL and an optional descriptor. */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,(?=\s|$)/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter((url) => url !== "");
}

/** A built page: its path below the output folder (`teams/index.html`) and its HTML. */
export interface BuiltPage {
  path: string;
  html: string;
}

/** A URL on a built page that does not resolve. */
export interface BrokenUrl extends FoundUrl {
  /** The page it is on, as a path below the output folder. */
  page: string;
  /** What is wrong, e.g. `no page or file at /teams/x/`. */
  problem: string;
}

/** What the check looked at. */
export interface SiteLinkReport {
  /** Pages scanned. */
  pages: number;
  /** Internal URLs checked. */
  checked: number;
  /** Those that do not resolve, in page order. */
  broken: BrokenUrl[];
}

/** Where the site is served, for resolving URLs; the host is never contacted. */
const ORIGIN = "http://site.invalid";

/**
 * Checks every internal URL of every page against the written files (`files`: every path below the output folder,
 * with forward slashes) and every #anchor against the ids of the page it points to. The site is served from `base`
 * (the path prefix); a URL outside it is broken. External URLs (other origins, mailto:, …) are not checked.
 * Pages are read one at a time and only their ids and the links that carry an anchor are kept, so a large site is
 * checked in little memory.
 */
export function checkBuiltSite(pages: Iterable<BuiltPage>, files: ReadonlySet<string>, base = "/"): SiteLinkReport {
  const folders = foldersOf(files);
  const idsOf = new Map<string, Set<string>>();
  const broken: Array<BrokenUrl & { order: number }> = [];
  const anchored: Array<{ link: BrokenUrl & { order: number }; target: string; fragment: string }> = [];
  // Most URLs are site-absolute and repeat on every page (the sidebar, the header): each is resolved once, apart
  // for the data-* attributes, where a folder is a valid target.
  const absolute = new Map<string, Resolution>();
  const dataUrls = new Map<string, Resolution>();
  let checked = 0;
  let order = 0;

  for (const page of pages) {
    const ids = new Set<string>();
    idsOf.set(page.path, ids);
    const pageUrl = new URL(base + page.path, ORIGIN);
    scan(
      page.html,
      (id) => ids.add(id),
      (tag, attribute, url, offset) => {
        const found = { tag, attribute, url, offset };
        const cache = !url.startsWith("/") || url.startsWith("//") ? undefined : attribute.startsWith("data-") ? dataUrls : absolute;
        let resolution = cache?.get(url);
        if (!resolution) {
          resolution = resolve(found, pageUrl, base, files, folders);
          cache?.set(url, resolution);
        }
        if (resolution.external) return;
        checked++;
        const at = order++;
        if (resolution.problem) broken.push({ ...found, page: page.path, problem: resolution.problem, order: at });
        else if (resolution.target && resolution.fragment)
          anchored.push({ link: { ...found, page: page.path, problem: "", order: at }, target: resolution.target, fragment: resolution.fragment });
      },
    );
  }

  for (const { link, target, fragment } of anchored) {
    const ids = idsOf.get(target);
    if (!ids || ids.has(fragment)) continue; // a fragment of a file that is not a page (a PDF page, say) is not ours to check
    const guess = closest(fragment, ids, 0.5);
    const where = base + target.replace(/(^|\/)index\.html$/, "$1");
    broken.push({ ...link, problem: `points to #${fragment}, which no element on ${where} has${guess ? ` (did you mean "#${guess}"?)` : ""}` });
  }
  broken.sort((a, b) => a.order - b.order);
  return { pages: idsOf.size, checked, broken: broken.map(({ order: _, ...link }) => link) };
}

/** Where a URL leads: off the site, nowhere (a problem), or a written file and the #anchor to look for in it. */
interface Resolution {
  external?: boolean;
  problem?: string;
  /** The file it resolves to, below the output folder. */
  target?: string;
  /** The decoded #anchor, when there is one to check ("" and "#top" need none). */
  fragment?: string;
}

function resolve(found: FoundUrl, pageUrl: URL, base: string, files: ReadonlySet<string>, folders: ReadonlySet<string>): Resolution {
  let url: URL;
  try {
    url = new URL(found.url, pageUrl);
  } catch {
    return { problem: "is not a valid URL" };
  }
  if (url.origin !== ORIGIN) return { external: true };
  const pathname = safeDecode(url.pathname);
  if (!pathname.startsWith(base)) return { problem: `is outside the site, which is served from ${base}` };
  const rel = pathname.slice(base.length);
  const missing = { problem: `matches no page or file: nothing is written at ${pathname}` };
  let target: string | undefined;
  if (rel === "" || rel.endsWith("/")) {
    if (files.has(`${rel}index.html`)) target = `${rel}index.html`;
    // A folder without an index page, such as the search bundle, is fine where a script reads files from it.
    else if (!(found.attribute.startsWith("data-") && folders.has(rel))) return missing;
  } else if (files.has(rel)) {
    target = rel;
  } else if (files.has(`${rel}/index.html`)) {
    target = `${rel}/index.html`; // static hosts redirect /teams to /teams/
  } else {
    return missing;
  }
  const fragment = safeDecode(url.hash.slice(1));
  // "#top" is the top of any page.
  return fragment === "" || fragment.toLowerCase() === "top" ? { target } : { target, fragment };
}

/** Every folder that holds a written file, as `a/` and `a/b/`. */
function foldersOf(files: ReadonlySet<string>): Set<string> {
  const folders = new Set<string>();
  for (const file of files) {
    for (let at = file.indexOf("/"); at >= 0; at = file.indexOf("/", at + 1)) folders.add(file.slice(0, at + 1));
  }
  return folders;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
