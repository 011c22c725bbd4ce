import { renderNotFound } from "../ui/pages/not-found.tsx";
import { robotsTxt, sitemapXml, writesSitemap } from "../site/crawlers.ts";
import { favicon, themeScript } from "./assets.ts";
import type { EleventyConfig } from "./config-api.ts";
import type { BuildSession } from "./session.ts";

/**
 * The site's generated files besides the pages, as Eleventy virtual templates: the 404 page, sitemap.xml (when the
 * origin is known), robots.txt, the favicon and the theme script. Each is rendered by its own module.
 */
export function registerSitePages(eleventyConfig: EleventyConfig, session: BuildSession): void {
  const projectDir = session.options.projectDir;
  const file = (virtualPath: string, permalink: string | (() => string | false), render: () => string | Promise<string>) =>
    eleventyConfig.addTemplate(virtualPath, {
      data: { permalink, layout: false, eleventyExcludeFromCollections: true },
      render,
    });
  file("404.11ty.js", "/404.html", () => renderNotFound(session.model, session.search));
  file("sitemap-xml.11ty.js", () => (writesSitemap(session.model) ? "/sitemap.xml" : false), () => sitemapXml(session.model));
  file("robots-txt.11ty.js", "/robots.txt", () => robotsTxt(session.model));
  file("favicon-svg.11ty.js", "/assets/favicon.svg", () => favicon(projectDir));
  file("theme-js.11ty.js", "/assets/theme.js", () => themeScript(projectDir));
}
