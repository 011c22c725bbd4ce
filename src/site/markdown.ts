// The Markdown renderer of one build's site: the handbook's Markdown configuration (src/markdown) with the model's
// answers to where links lead (page URLs, a Jekyll site's rules for relative links).
import { pageUrlCandidates } from "../content/urls.ts";
import { resolveJekyllRelative, type JekyllLinkContext } from "../jekyll/links.ts";
import type { NameLinks } from "../markdown/name-links.ts";
import { createMarkdown, type MarkdownContext } from "../markdown/render.ts";
import { roleSectionOf } from "../roles/sections.ts";
import type { SiteModel } from "./model.ts";

/** The Markdown renderer for a site: the one the build renders with. Takes a getter, as serve swaps models. */
export function markdownFor(model: SiteModel | (() => SiteModel)) {
  const current = typeof model === "function" ? model : () => model;
  // The renderer asks for the context several times a page: made once per model.
  let contextModel: SiteModel | undefined;
  let context: MarkdownContext | undefined;
  return createMarkdown(() => {
    const m = current();
    if (context && contextModel === m) return context;
    contextModel = m;
    context = {
      contentDir: m.contentDir,
      base: m.settings.pathPrefix,
      urlOfFile: (file) => m.page(file)?.url,
      callouts: m.settings.callouts,
      headingIds: m.settings.headingIds,
      typography: m.settings.typography,
      headingAnchors: m.settings.headingAnchors,
      pageAt: (url) => pageAtUrl(m, url),
      resolveRelative: jekyllRelativeLinks(m),
      writtenBase: writtenBaseOf(m),
    };
    return context;
  });
}

/** The canonical URL of the model's page a site path names (`/a`, `/a.html` → `/a/`), if one does. */
export function pageAtUrl(model: SiteModel, url: string): string | undefined {
  for (const candidate of pageUrlCandidates(url)) {
    const page = model.tree.byUrl.get(candidate);
    if (page) return page.url;
  }
  return undefined;
}

/** The path prefix a Jekyll site's pages wrote by hand (its `baseurl`); none for the handbook's own content. */
export function writtenBaseOf(model: SiteModel): string | undefined {
  const baseurl = model.jekyll?.config.site.baseurl;
  return typeof baseurl === "string" ? baseurl : undefined;
}

/** The renderer's hook for relative links on a Jekyll site; undefined for the handbook's own content. */
function jekyllRelativeLinks(model: SiteModel): ((href: string, sourceFile: string) => string | undefined) | undefined {
  const jekyll = model.jekyll;
  if (!jekyll) return undefined;
  const ctx: JekyllLinkContext = {
    contentDir: model.contentDir,
    permalink: jekyll.config.permalink,
    pageAt: (url) => pageAtUrl(model, url),
    isFile: (url) => jekyll.staticUrls.has(url),
  };
  return (href, sourceFile) => {
    const page = model.page(sourceFile);
    return page ? resolveJekyllRelative(href, page.source, ctx) : undefined;
  };
}

/**
 * What a role page's render links (src/markdown/name-links.ts): in its Skills and Tools sections, each mention of a
 * name in `pages` (name → its page, and whether the role lists it, from the page view), found as the roles core finds
 * names.
 */
export function nameLinksFor(model: SiteModel, pages: Readonly<Record<string, { url: string; listed: boolean }>>): NameLinks {
  return {
    inSection: (heading) => {
      const section = roleSectionOf(heading);
      return section === "Skills" || section === "Tools";
    },
    find: (text) =>
      model.names.find(text).flatMap((m) => {
        const page = pages[m.name];
        return page === undefined ? [] : [{ start: m.start, end: m.end, href: model.href(page.url), listed: page.listed }];
      }),
  };
}
