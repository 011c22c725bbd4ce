/** The site URL of a page: from `permalink` when given, else a pretty URL from its path. */
export function pageUrl(relPath: string, permalink?: string): string {
  if (permalink !== undefined && permalink.trim() !== "") return normalisePermalink(permalink.trim());
  const withoutExt = relPath.replace(/\\/g, "/").replace(/\.(md|markdown)$/i, "");
  const dir = withoutExt === "index" ? "" : withoutExt.replace(/\/index$/, "");
  return dir === "" ? "/" : `/${dir}/`;
}

/** Makes a Jekyll permalink site-absolute; one without an extension is served as a folder (`/a/b` → `/a/b/`). */
export function normalisePermalink(permalink: string): string {
  let url = permalink.startsWith("/") ? permalink : `/${permalink}`;
  const last = url.slice(url.lastIndexOf("/") + 1);
  if (last !== "" && !last.includes(".")) url += "/";
  return url.replace(/\/{2,}/g, "/");
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
