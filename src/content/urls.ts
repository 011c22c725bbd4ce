/** The site URL of a page: from `permalink` when given, else a pretty URL from its path. */
export function pageUrl(relPath: string, permalink?: string): string {
  if (permalink !== undefined && permalink.trim() !== "") return normalisePermalink(permalink.trim());
  const withoutExt = relPath.replace(/\\/g, "/").replace(/\.(md|markdown)$/i, "");
  const dir = withoutExt === "index" ? "" : withoutExt.replace(/\/index$/, "");
  return dir === "" ? "/" : `/${dir}/`;
}

/**
 * A README.md stands for its folder's index page when the folder has no index.md (as GitHub shows it, and as GitHub
 * Pages builds it): returns the index path whose URL it takes, or undefined. `files` are all Markdown paths.
 */
export function readmeIndexPath(relPath: string, files: readonly string[]): string | undefined {
  const match = /^(.*\/)?readme\.(md|markdown)$/i.exec(relPath);
  if (!match) return undefined;
  const dir = match[1] ?? "";
  const hasIndex = files.some((f) => f.toLowerCase() === `${dir}index.md`.toLowerCase() || f.toLowerCase() === `${dir}index.markdown`.toLowerCase());
  return hasIndex ? undefined : `${dir}index.md`;
}

/**
 * Makes a Jekyll permalink site-absolute; one without an extension is served as a folder (`/a/b` → `/a/b/`), and
 * `/a/index.html` is the folder's page `/a/` (the same file: so `/index.html` is the home page's URL).
 */
export function normalisePermalink(permalink: string): string {
  let url = permalink.startsWith("/") ? permalink : `/${permalink}`;
  const last = url.slice(url.lastIndexOf("/") + 1);
  if (last !== "" && !last.includes(".")) url += "/";
  return url.replace(/\/{2,}/g, "/").replace(/\/index\.html$/i, "/");
}

/**
 * What the build writes itself, besides the pages: no page may take these URLs. A path ending in "/" is a folder,
 * everything under it included; a file's path taken as a folder (`/nav.json/`) clashes with it too.
 */
export const RESERVED_PATHS: readonly string[] = ["/404.html", "/nav.json", "/roles.json", "/robots.txt", "/sitemap.xml", "/assets/", "/pagefind/"];

/** The reserved path a site URL takes (compared ignoring case, as some file systems do), or undefined. */
export function reservedPath(url: string): string | undefined {
  const lower = url.toLowerCase();
  return RESERVED_PATHS.find((r) => (r.endsWith("/") ? lower.startsWith(r) : lower === r || lower.startsWith(`${r}/`)));
}

/** The longest file name most file systems take, in bytes. */
const MAX_NAME_BYTES = 255;

/**
 * What makes a URL path (a permalink, a path prefix) unsafe to write or to serve, said as "has … ; what to do"; undefined
 * when it is fine. A backslash, "//", a "." or ".." segment (also percent-encoded), "?" or "#", a control character, a
 * malformed percent escape, or a segment longer than a file name can be.
 */
export function urlPathProblem(value: string): string | undefined {
  if (/\p{Cc}/u.test(value)) return "has a control character (such as a line break); remove it";
  if (value.includes("\\")) return 'has "\\", which is not a URL path separator; use /';
  if (value.includes("//")) return 'has "//", which a browser reads as the address of another site; use single slashes';
  const query = /[?#]/.exec(value);
  if (query) return `has "${query[0]}", which ends a URL's path; remove it`;
  const escape = /%(?![0-9A-Fa-f]{2})/.exec(value);
  if (escape) return `has "${value.slice(escape.index, escape.index + 3)}", which is not a percent escape (% and two hex digits); write a % sign as %25`;
  for (const segment of value.split("/")) {
    if (/^\.{1,2}$/.test(decodeURIComponentSafe(segment))) return `has a "${segment}" segment, which leads out of its folder; remove it`;
    const bytes = Buffer.byteLength(segment);
    if (bytes > MAX_NAME_BYTES) return `has a segment of ${bytes} bytes, longer than a file name can be (${MAX_NAME_BYTES}); shorten it`;
  }
  return undefined;
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The page URLs a site path may mean, most literal first: itself, then with the slash a folder URL ends in
 * (`/docs/teams` → `/docs/teams/`), or as Jekyll's default URLs wrote it (`/docs/teams.html`, `/docs/index.html`).
 */
export function pageUrlCandidates(url: string): string[] {
  if (url.endsWith("/")) return [url];
  if (/\/index\.html?$/i.test(url)) return [url, url.replace(/index\.html?$/i, "")];
  if (/\.html?$/i.test(url)) return [url, url.replace(/\.html?$/i, "/")];
  return /\.[a-z0-9]+$/i.test(url.slice(url.lastIndexOf("/"))) ? [url] : [url, `${url}/`];
}

/** Prefixes a site URL with the path prefix (`/handbook/`), leaving external and relative URLs alone. */
export function withBase(base: string, url: string): string {
  if (!url.startsWith("/") || url.startsWith("//")) return url;
  const prefix = base.endsWith("/") ? base.slice(0, -1) : base;
  return prefix + url;
}

/**
 * A site path with the path prefix it was written with taken off (`/docs/x/` with base `/docs/` → `/x/`): a Jekyll
 * site's pages often write `{{ site.baseurl }}` out by hand; the build adds its own prefix again. Others as given.
 */
export function withoutBase(base: string | undefined, url: string): string {
  const prefix = normaliseBase(base).slice(0, -1);
  if (prefix === "" || !url.startsWith("/")) return url;
  if (url === prefix || url.startsWith(prefix + "/") || url.startsWith(prefix + "?") || url.startsWith(prefix + "#")) {
    const rest = url.slice(prefix.length);
    return rest.startsWith("/") ? rest : "/" + rest;
  }
  return url;
}

/** Normalises a path prefix to the form `/x/y/` (or `/`). */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? "/").trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}
