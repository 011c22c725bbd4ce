// Every page of the site, written and generated, reaches Eleventy here: one virtual template paginated over the URLs
// this build renders. Eleventy reads no Markdown file and no front matter itself, so nothing a page says can reach its
// data cascade (template engines, layouts, permalinks outside the output folder): the page's text and URL come from
// the model, which read them by the handbook's own rules.
import path from "node:path";
import render, { type LayoutData } from "../ui/layout.tsx";
import { renderGeneratedPage } from "../ui/pages/skills-and-tools.tsx";
import { renderReviewStatus } from "../ui/pages/review-status.tsx";
import type { HandbookPage } from "../navigation/tree.ts";
import type { SiteModel } from "../site/model.ts";
import { pageView } from "../view/page-view.ts";
import { markdownFor } from "../site/markdown.ts";
import type { EleventyConfig } from "./config-api.ts";
import type { BuildSession } from "./session.ts";

/** The name of the virtual template; its pages' `inputPath` ends with it. */
export const PAGES_TEMPLATE = "handbook-pages.11ty.js";

/** What this build renders: every page's URL, or only those a dev server's rebuild plan names. */
export type RenderList = (model: SiteModel) => readonly string[];

/** Registers the pages template; `toRender` says which pages each build writes (all of them unless told otherwise). */
export function registerPages(eleventyConfig: EleventyConfig, session: BuildSession, toRender: RenderList): void {
  const md = markdownFor(() => session.model);
  eleventyConfig.addGlobalData("handbookPages", () => toRender(session.model));
  eleventyConfig.addTemplate(PAGES_TEMPLATE, {
    data: {
      layout: false,
      eleventyExcludeFromCollections: true,
      pagination: { data: "handbookPages", size: 1, alias: "pageUrl" },
      eleventyComputed: { permalink: (data: { pageUrl: string }) => outputUrl(data.pageUrl) },
    },
    render: (data: { pageUrl: string }) => {
      const model = session.model;
      const page = model.tree.byUrl.get(data.pageUrl);
      if (!page) throw new Error(`${data.pageUrl} is no longer a page in this build`);
      return flat(renderPage(model, page, session.search, md));
    },
  });
}

/** A page's whole HTML document: its Markdown (or generated content) in the handbook layout. */
export function renderPage(model: SiteModel, page: HandbookPage, search: boolean, md: ReturnType<typeof markdownFor>): string {
  const env: Omit<LayoutData, "view" | "settings" | "search" | "content"> & { page: { inputPath: string } } = {
    page: { inputPath: page.source.file },
  };
  const href = (url: string) => model.href(url);
  const generated = page.source.generated ? model.roles.generatedAt(page.url) : undefined;
  const view = pageView(model, page);
  const content = generated
    ? renderGeneratedPage(generated, model.roles, href)
    : view.reviewStatus
      ? renderReviewStatus(view.reviewStatus, href, model.settings.lang)
      : md.render(page.source.body, env);
  return render({ ...env, view, settings: model.settings, search, content });
}

/**
 * The permalink Eleventy writes a page URL to. URLs come from the model, which only makes them from safe paths; this
 * refuses anything that would still leave the output folder, as a last line.
 */
export function outputUrl(url: string): string {
  const decoded = (() => {
    try {
      return decodeURI(url);
    } catch {
      return undefined;
    }
  })();
  if (!url.startsWith("/") || decoded === undefined || path.posix.normalize(decoded) !== decoded || decoded.includes("\\")) {
    throw new Error(`refusing to write the page at "${url}": it is not a plain path below the site`);
  }
  return url;
}

/**
 * Eleventy holds every page's HTML until the build ends. HTML built by appending is a chain of thousands of pieces to
 * V8; flattening it once halves what each page keeps and gives the garbage collector one object to trace.
 */
function flat(html: string): string {
  Number(html); // reading a string as a number flattens it in place
  return html;
}
