// The link gate on the built site: every internal URL in every built page resolves to a written file, and every
// #anchor to an element id on the target page. Pure: it is given the pages' HTML and the list of files, and parses
// the HTML with htmlparser2. It catches what the Markdown-level check (check.ts) cannot see: links written by the
// layout and its components, raw HTML in Markdown, images and other files.
import { Parser } from "htmlparser2";
import { closest } from "../content/suggest.ts";
import { isDisguisedExternal, isTopOfPage, safeDecodeURIComponent } from "../shared/hrefs.ts";

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
 * A copy of `text` that does not hold on to the string it was cut from. V8 keeps a substring (an attribute value the
 * parser cut out of a page, or a key made from one) as a view of the whole string, so keeping a page's ids and URLs
 * kept its whole HTML: 630 MB at 10,000 pages. Prefixing forces a new flat string; the slice of it is the copy.
 */
function detached(text: string): string {
  return (" " + text).slice(1);
}

/** Every id a piece of HTML gives an #anchor: `id=` on any element, `name=` on `<a>`, quoted or not. */
export function idsIn(html: string): string[] {
  const ids: string[] = [];
  scan(html, (id) => ids.push(id), () => undefined);
  return ids;
}

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

const DISGUISED = 'leads to another site, as browsers read "\\" as "/"; write the full address (https://…) for another site, or remove the "\\"';

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
  const checker = new SiteLinkChecker(base);
  for (const page of pages) checker.addPage(page.path, page.html);
  return checker.finish(files);
}

/** Where a URL points, from the page it is on: before the written files are known. */
type Target =
  | { external: true }
  | { problem: string }
  /** A path below the site (decoded, without the base), its decoded #anchor, and whether a script reads it (data-*). */
  | { rel: string; fragment: string; data: boolean };

/**
 * The link gate, a page at a time: `addPage` as each page is built (in any order), `finish` once every file is
 * written. It keeps each page's ids and, per link, four numbers; a URL met on many pages (the sidebar's, the
 * header's) is read once and its file looked up once.
 */
export class SiteLinkChecker {
  readonly #pages: string[] = [];
  readonly #ids: Array<Set<string>> = [];
  /** Distinct targets, by a key that is the same for every page where the link means the same thing. */
  readonly #targets: Target[] = [];
  readonly #targetIds = new Map<string, number>();
  /** The element and attribute of a link, interned: `a href`. */
  readonly #elements: Array<{ tag: string; attribute: string }> = [];
  readonly #elementIds = new Map<string, number>();
  /** Per link found: its page, its target, its element and its offset, four numbers in a row. */
  #links = new Int32Array(1 << 16);
  #linkCount = 0;
  /** Per link, the URL as written, only when it is not the same on every page (relative URLs). */
  readonly #written = new Map<number, string>();
  /** The URL as written of each site-absolute target, by target. */
  readonly #absoluteUrls = new Map<number, string>();

  constructor(private readonly base = "/") {}

  /** Scans one built page (`path` below the output folder, e.g. `teams/index.html`). */
  addPage(path: string, html: string): void {
    const pageId = this.#pages.length;
    this.#pages.push(path);
    const ids = new Set<string>();
    this.#ids.push(ids);
    let pageUrl: URL | undefined;
    scan(
      html,
      (id) => ids.add(detached(id)),
      (tag, attribute, url, offset) => {
        const data = attribute.startsWith("data-");
        const absolute = url.startsWith("/") && !url.startsWith("//");
        // A site-absolute URL means the same on every page; "#x" means this page's #x; others need the page's URL.
        let key: string;
        if (absolute) key = `${data ? "d" : "u"}${url}`;
        else if (url.startsWith("#")) key = `#${path}${url}`;
        else key = `r${path} ${url}`;
        let targetId = this.#targetIds.get(key);
        if (targetId === undefined) {
          pageUrl ??= new URL(this.base + path, ORIGIN);
          targetId = this.#targets.push(this.#target(url, data, pageUrl)) - 1;
          this.#targetIds.set(detached(key), targetId);
        }
        if ("external" in this.#targets[targetId]!) return;
        const elementKey = `${tag} ${attribute}`;
        let elementId = this.#elementIds.get(elementKey);
        if (elementId === undefined) {
          elementId = this.#elements.push({ tag: detached(tag), attribute: detached(attribute) }) - 1;
          this.#elementIds.set(detached(elementKey), elementId);
        }
        if (!absolute) this.#written.set(this.#linkCount, detached(url));
        this.#push(pageId, targetId, elementId, offset, absolute ? url : undefined);
      },
    );
  }

  #push(pageId: number, targetId: number, elementId: number, offset: number, absoluteUrl: string | undefined): void {
    if ((this.#linkCount + 1) * 4 > this.#links.length) {
      const grown = new Int32Array(this.#links.length * 2);
      grown.set(this.#links);
      this.#links = grown;
    }
    // The URL as written is kept once per distinct absolute URL, by its target.
    if (absoluteUrl !== undefined && !this.#absoluteUrls.has(targetId)) this.#absoluteUrls.set(targetId, detached(absoluteUrl));
    const at = this.#linkCount++ * 4;
    this.#links[at] = pageId;
    this.#links[at + 1] = targetId;
    this.#links[at + 2] = elementId;
    this.#links[at + 3] = offset;
  }

  #target(url: string, data: boolean, pageUrl: URL): Target {
    // Written like a path of the site, but another site's address: from a permalink, say, as content checks the rest.
    if (isDisguisedExternal(url)) return { problem: DISGUISED };
    let resolved: URL;
    try {
      resolved = new URL(url, pageUrl);
    } catch {
      return { problem: "is not a valid URL" };
    }
    if (resolved.origin !== ORIGIN) return { external: true };
    const pathname = safeDecodeURIComponent(resolved.pathname);
    if (!pathname.startsWith(this.base)) return { problem: `is outside the site, which is served from ${this.base}` };
    return { rel: pathname.slice(this.base.length), fragment: safeDecodeURIComponent(resolved.hash.slice(1)), data };
  }

  /** Looks every link up in the written files and every #anchor in its page's ids. */
  finish(files: ReadonlySet<string>): SiteLinkReport {
    const folders = foldersOf(files);
    const pageIds = new Map(this.#pages.map((page, id) => [page, id]));
    const resolutions = this.#targets.map((target) => resolveTarget(target, files, folders, this.base));
    const broken: BrokenUrl[] = [];
    for (let link = 0; link < this.#linkCount; link++) {
      const at = link * 4;
      const targetId = this.#links[at + 1]!;
      const resolution = resolutions[targetId]!;
      let problem = resolution.problem;
      if (!problem && resolution.target && resolution.fragment) {
        const targetPage = pageIds.get(resolution.target);
        const ids = targetPage === undefined ? undefined : this.#ids[targetPage]!;
        // A fragment of a file that is not a page (a PDF page, say) is not ours to check.
        if (!ids || ids.has(resolution.fragment)) continue;
        const guess = closest(resolution.fragment, ids, 0.5);
        const where = this.base + resolution.target.replace(/(^|\/)index\.html$/, "$1");
        problem = `points to #${resolution.fragment}, which no element on ${where} has${guess ? ` (did you mean "#${guess}"?)` : ""}`;
      }
      if (!problem) continue;
      const element = this.#elements[this.#links[at + 2]!]!;
      const found: BrokenUrl = {
        tag: element.tag,
        attribute: element.attribute,
        url: this.#written.get(link) ?? this.#absoluteUrls.get(targetId)!,
        offset: this.#links[at + 3]!,
        page: this.#pages[this.#links[at]!]!,
        problem,
      };
      broken.push(found);
    }
    // In the order of the pages' paths, whatever order they were built in; a page's links in its own order.
    const byPage = broken.map((link, i) => ({ link, i })).sort((a, b) => (a.link.page < b.link.page ? -1 : a.link.page > b.link.page ? 1 : a.i - b.i));
    return { pages: this.#pages.length, checked: this.#linkCount, broken: byPage.map((entry) => entry.link) };
  }
}

/** Where a URL leads once the files are known: off the site, nowhere (a problem), or a file and the #anchor in it. */
interface Resolution {
  external?: boolean;
  problem?: string;
  /** The file it resolves to, below the output folder. */
  target?: string;
  /** The decoded #anchor, when there is one to check ("" and "#top" need none). */
  fragment?: string;
}

function resolveTarget(target: Target, files: ReadonlySet<string>, folders: ReadonlySet<string>, base: string): Resolution {
  if ("external" in target) return { external: true };
  if ("problem" in target) return { problem: target.problem };
  const { rel, fragment, data } = target;
  const missing = { problem: `matches no page or file: nothing is written at ${base}${rel}` };
  let file: string | undefined;
  if (rel === "" || rel.endsWith("/")) {
    if (files.has(`${rel}index.html`)) file = `${rel}index.html`;
    // A folder without an index page, such as the search bundle, is fine where a script reads files from it.
    else if (!(data && folders.has(rel))) return missing;
  } else if (files.has(rel)) {
    file = rel;
  } else if (files.has(`${rel}/index.html`)) {
    file = `${rel}/index.html`; // static hosts redirect /teams to /teams/
  } else {
    return missing;
  }
  // "#" and "#top" are the top of any page.
  return isTopOfPage(fragment) ? { target: file } : { target: file, fragment };
}

/** Every folder that holds a written file, as `a/` and `a/b/`. */
function foldersOf(files: ReadonlySet<string>): Set<string> {
  const folders = new Set<string>();
  for (const file of files) {
    for (let at = file.indexOf("/"); at >= 0; at = file.indexOf("/", at + 1)) folders.add(file.slice(0, at + 1));
  }
  return folders;
}
