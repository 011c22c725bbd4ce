import type { HandbookPage } from "../navigation/tree.ts";
import type { SiteModel } from "./model.ts";

/**
 * The pages sitemap.xml lists: every built page except those with `search_exclude: true` (kept out of search, so
 * out of search engines too). `nav_exclude` pages are listed: they are only out of the sidebar, still reachable.
 */
export function sitemapPages(pages: readonly HandbookPage[]): HandbookPage[] {
  return pages
    .filter((page) => page.source.meta.search_exclude !== true)
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** Whether the build writes sitemap.xml: only when the site's origin is known, as a sitemap needs full URLs. */
export function writesSitemap(model: SiteModel): boolean {
  return model.settings.url !== "";
}

/** sitemap.xml (sitemaps.org protocol 0.9): full URLs with the origin and path prefix, in URL order. */
export function sitemapXml(model: SiteModel): string {
  const locs = sitemapPages(model.tree.pages).map(
    (page) => `  <url><loc>${escapeXml(model.settings.url + model.href(encodeURI(page.url)))}</loc></url>\n`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locs.join("")}</urlset>\n`
  );
}

/**
 * robots.txt: with `noindex` (the default) it keeps every crawler out; otherwise it lets them in and names the
 * sitemap when there is one. Crawlers read it only at the root of a host, so under a path prefix the pages' own
 * `<meta name="robots" content="noindex">` is what keeps them out.
 */
export function robotsTxt(model: SiteModel): string {
  if (model.settings.noindex) return "User-agent: *\nDisallow: /\n";
  const sitemap = writesSitemap(model) ? `\nSitemap: ${model.settings.url}${model.href("/sitemap.xml")}\n` : "";
  return `User-agent: *\nAllow: /\n${sitemap}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
