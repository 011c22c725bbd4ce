// Relative links on a Jekyll site point where the browser took them on the old site: relative to the page's URL
// there (`/docs/a/` with `permalink: pretty`, else `/docs/a.html`), not to its file. Authors also wrote them
// against the file (as on GitHub). Both readings are tried; the one that names a page or a file wins.
import path from "node:path";
import type { SourcePage } from "../content/page.ts";
import type { PermalinkStyle } from "./config.ts";

/** What resolving a Jekyll site's relative links needs to know. */
export interface JekyllLinkContext {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** How the old site formed page URLs. */
  permalink: PermalinkStyle;
  /** The canonical URL of the page a site path names, if one does. */
  pageAt(url: string): string | undefined;
  /** Whether a site path is a file the build copies (an image, a PDF …). */
  isFile(url: string): boolean;
}

/** The URL a page had on the old Jekyll site, against which its relative links were written. */
export function oldUrlOf(page: Pick<SourcePage, "relPath" | "url" | "meta">, permalink: PermalinkStyle): string {
  const written = page.meta.permalink?.trim();
  if (written) return written.startsWith("/") ? written : `/${written}`;
  if (permalink === "pretty" || page.url.endsWith("/") === false) return page.url;
  const rel = page.relPath.replace(/\.(md|markdown)$/i, "");
  return /(^|\/)(index|readme)$/i.test(rel) ? page.url : `/${rel}.html`;
}

/**
 * The site URL (with any ?query or #hash) a relative link that is not to a Markdown file points to, or undefined
 * to leave it to the handbook's rule. The page's old URL is tried first, then the file's folder.
 */
export function resolveJekyllRelative(
  href: string,
  page: Pick<SourcePage, "file" | "relPath" | "url" | "meta">,
  ctx: JekyllLinkContext,
): string | undefined {
  if (href === "" || href.startsWith("#") || href.startsWith("/") || /^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined;
  const match = /^([^?#]*)([?#].*)?$/.exec(href)!;
  const suffix = match[2] ?? "";
  const byUrl = decode(new URL(match[1]!, `http://site${oldUrlOf(page, ctx.permalink)}`).pathname);
  const file = path.resolve(path.dirname(page.file), decode(match[1]!));
  const rel = path.relative(ctx.contentDir, file);
  const byFile = rel.startsWith("..") || path.isAbsolute(rel) ? undefined : `/${rel.split(path.sep).join("/")}${match[1]!.endsWith("/") ? "/" : ""}`;
  for (const candidate of [byUrl, byFile]) {
    if (candidate === undefined) continue;
    const pageUrl = ctx.pageAt(candidate);
    if (pageUrl !== undefined) return pageUrl + suffix;
    if (ctx.isFile(candidate)) return encodePath(candidate) + suffix;
  }
  return encodePath(byUrl) + suffix;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function encodePath(url: string): string {
  return url.split("/").map(encodeURIComponent).join("/");
}
