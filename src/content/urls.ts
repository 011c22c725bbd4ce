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

/** Makes a Jekyll permalink site-absolute; one without an extension is served as a folder (`/a/b` → `/a/b/`). */
export function normalisePermalink(permalink: string): string {
  let url = permalink.startsWith("/") ? permalink : `/${permalink}`;
  const last = url.slice(url.lastIndexOf("/") + 1);
  if (last !== "" && !last.includes(".")) url += "/";
  return url.replace(/\/{2,}/g, "/");
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

/** Normalises a path prefix to the form `/x/y/` (or `/`). */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? "/").trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}
