import { renderNotFound } from "../../_includes/pages/not-found.tsx";
import { robotsTxt, sitemapXml, writesSitemap } from "../site/crawlers.ts";
import { favicon, themeScript } from "./assets.ts";
import type { BuildOptions } from "./options.ts";
import type { EleventyConfig, HandbookState } from "./plugin.ts";

/**
 * The site's generated files besides the pages, as Eleventy virtual templates: the 404 page, sitemap.xml (when the
 * origin is known), robots.txt, the favicon and the theme script. Each is rendered by its own module.
 */
export function registerSitePages(eleventyConfig: EleventyConfig, state: HandbookState, options: BuildOptions): void {
  const file = (virtualPath: string, permalink: string | (() => string | false), render: () => string | Promise<string>) =>
    eleventyConfig.addTemplate(virtualPath, {
      data: { permalink, layout: false, eleventyExcludeFromCollections: true },
      render,
    });
  file("404.11ty.js", "/404.html", () => renderNotFound(state.model, state.search));
  file("sitemap-xml.11ty.js", () => (writesSitemap(state.model) ? "/sitemap.xml" : false), () => sitemapXml(state.model));
  file("robots-txt.11ty.js", "/robots.txt", () => robotsTxt(state.model));
  file("favicon-svg.11ty.js", "/assets/favicon.svg", () => favicon(options.projectDir));
  file("theme-js.11ty.js", "/assets/theme.js", () => themeScript(options.projectDir));
}
