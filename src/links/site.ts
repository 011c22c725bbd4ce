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

/** Reads one page's ids and URLs. */
export function scanHtml(html: string): ScannedPage {
  const ids = new Set<string>();
  const urls: FoundUrl[] = [];
  const parser: Parser = new Parser(
    {
      onopentag(tag, attributes) {
        const offset = parser.startIndex;
        if (attributes.id) ids.add(attributes.id);
        if (tag === "a" && attributes.name) ids.add(attributes.name);
        for (const attribute of [...(URL_ATTRIBUTES[tag] ?? []), ...DATA_URL_ATTRIBUTES]) {
          const value = attributes[attribute];
          if (value === undefined) continue;
          const values = attribute === "srcset" ? srcsetUrls(value) : [value.trim()];
          for (const url of values) if (url !== "") urls.push({ tag, attribute, url, offset });
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
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
 */
export function checkBuiltSite(pages: readonly BuiltPage[], files: ReadonlySet<string>, base = "/"): SiteLinkReport {
  const scanned = new Map<string, ScannedPage>();
  for (const page of pages) scanned.set(page.path, scanHtml(page.html));
  const folders = foldersOf(files);
  const broken: BrokenUrl[] = [];
  let checked = 0;

  // Most URLs are site-absolute and repeat on every page (the sidebar, the header): each is resolved once.
  const absolute = new Map<string, string | undefined>();
  for (const page of pages) {
    const pageUrl = new URL(base + page.path, ORIGIN);
    for (const found of scanned.get(page.path)!.urls) {
      const key = found.url.startsWith("/") && !found.url.startsWith("//") ? `${found.attribute.startsWith("data-")} ${found.url}` : undefined;
      if (key !== undefined && absolute.has(key)) {
        checked++;
        const problem = absolute.get(key);
        if (problem) broken.push({ ...found, page: page.path, problem });
        continue;
      }
      let url: URL;
      try {
        url = new URL(found.url, pageUrl);
      } catch {
        broken.push({ ...found, page: page.path, problem: "is not a valid URL" });
        continue;
      }
      if (url.origin !== ORIGIN) continue;
      checked++;
      const problem = problemOf(url, found, base, files, folders, scanned);
      if (key !== undefined) absolute.set(key, problem);
      if (problem) broken.push({ ...found, page: page.path, problem });
    }
  }
  return { pages: pages.length, checked, broken };
}

function problemOf(
  url: URL,
  found: FoundUrl,
  base: string,
  files: ReadonlySet<string>,
  folders: ReadonlySet<string>,
  scanned: ReadonlyMap<string, ScannedPage>,
): string | undefined {
  const pathname = safeDecode(url.pathname);
  if (!pathname.startsWith(base)) return `is outside the site, which is served from ${base}`;
  const rel = pathname.slice(base.length);
  let target: string | undefined;
  if (rel === "" || rel.endsWith("/")) {
    if (files.has(`${rel}index.html`)) target = `${rel}index.html`;
    // A folder without an index page, such as the search bundle, is fine where a script reads files from it.
    else if (!(found.attribute.startsWith("data-") && folders.has(rel))) return `matches no page or file: nothing is written at ${pathname}`;
  } else if (files.has(rel)) {
    target = rel;
  } else if (files.has(`${rel}/index.html`)) {
    target = `${rel}/index.html`; // static hosts redirect /teams to /teams/
  } else {
    return `matches no page or file: nothing is written at ${pathname}`;
  }

  const fragment = safeDecode(url.hash.slice(1));
  if (fragment === "" || fragment.toLowerCase() === "top" || !target) return undefined; // "#top" is the top of any page
  const targetPage = scanned.get(target);
  if (!targetPage) return undefined; // a fragment of a file that is not a page (a PDF page, say) is not ours to check
  if (targetPage.ids.has(fragment)) return undefined;
  const guess = closest(fragment, targetPage.ids, 0.5);
  const where = base + target.replace(/(^|\/)index\.html$/, "$1");
  return `points to #${fragment}, which no element on ${where} has${guess ? ` (did you mean "#${guess}"?)` : ""}`;
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
