import { navJson } from "../navigation/queries.ts";
import { bundleScript, stylesheet } from "./assets.ts";
import { registerSitePages } from "./site-pages.ts";
import { registerRolePages } from "./role-pages.ts";
import { registerCopiedFiles } from "./copy-files.ts";
import { registerServeRebuilds } from "./watch.ts";
import { registerSearchFeed } from "./search-feed.ts";
import { registerPages } from "./pages.ts";
import { writeAllPages } from "./page-writer.ts";
import { markdownFor } from "../site/markdown.ts";
import type { WrittenFile } from "../search/index.ts";
import type { EleventyConfig } from "./config-api.ts";
import type { BuildSession } from "./session.ts";
import { devServerOptions } from "./dev-server.ts";
import { overlayMiddleware } from "./dev-overlay.ts";

/**
 * Registers the handbook with Eleventy: every page from the session's model, the site's own files (nav.json, assets,
 * 404, crawlers' files, roles.json), the search index and the dev server's rebuilds. Eleventy's input is an empty
 * folder and its only template format is the handbook's virtual templates, so it reads nothing from the content
 * folder: no template, no data file, no front matter.
 */
export function handbookPlugin(eleventyConfig: EleventyConfig, session: BuildSession): void {
  const options = session.options;
  eleventyConfig.setInputDirectory(session.inputDir);
  eleventyConfig.setOutputDirectory(options.outputDir);
  eleventyConfig.setTemplateFormats(["11ty.js"]);
  eleventyConfig.setDataFileSuffixes([]);
  registerCopiedFiles(eleventyConfig, session);
  eleventyConfig.addWatchTarget(options.contentDir);
  eleventyConfig.setServerOptions(
    devServerOptions({
      host: options.host,
      port: options.port,
      logError: session.log.error,
      logInfo: session.log.info,
      // The dev server shows the content errors over every open page until they are fixed.
      middleware: [overlayMiddleware(options.projectDir, () => session.problems)],
    }),
  );

  // Pages are written while others render, rather than each render waiting for its own write.
  eleventyConfig.configureTemplateHandling({ writeMode: "async" });
  const searchFeed = registerSearchFeed(eleventyConfig, session);

  // A full build writes its pages itself, one by one, before Eleventy writes the site's other files; Eleventy would
  // keep every page until the end (src/eleventy/page-writer.ts). A dev server's builds render them through Eleventy.
  const md = markdownFor(() => session.model);
  let writtenPages: WrittenFile[] | undefined;
  eleventyConfig.on("eleventy.before", async ({ runMode }: { runMode?: string }) => {
    try {
      session.refresh();
    } catch (error) {
      // The errors are listed above, one line each; the dev server keeps serving and shows them on every open page.
      if (runMode === "serve") {
        const count = session.problems.length;
        session.log.info(`Rebuild stopped: ${count} error${count === 1 ? "" : "s"} in the content. The last good site is still served, with the errors over every open page.`);
      }
      throw error;
    }
    searchFeed.start(runMode);
    writtenPages = undefined;
    if (runMode === "build") writtenPages = await writeAllPages(session, md, searchFeed.offer);
  });

  const rebuilds = registerServeRebuilds(eleventyConfig, session);
  eleventyConfig.on("eleventy.after", async ({ results, runMode }: { results: WrittenFile[]; runMode?: string }) => {
    if (!session.search) return;
    const files = [...(writtenPages ?? []), ...results];
    const fed = await searchFeed.finish(files, options.outputDir);
    if (fed) return void session.log.info(`Search: indexed ${fed.pages} pages in ${(fed.ms / 1000).toFixed(2)} s`);
    await rebuilds.indexSearch(files, runMode);
  });

  registerPages(eleventyConfig, session, (model) => (writtenPages ? [] : rebuilds.toRender(model)), md);
  const asset = (permalink: string, render: () => string | Promise<string>) => ({
    data: { permalink, layout: false, eleventyExcludeFromCollections: true },
    render,
  });
  eleventyConfig.addTemplate(
    "nav.json.11ty.js",
    asset("/nav.json", () => JSON.stringify(navJson(session.model.tree, (u) => session.model.href(u)))),
  );
  eleventyConfig.addTemplate("handbook-css.11ty.js", asset("/assets/handbook.css", () => stylesheet(options.projectDir)));
  eleventyConfig.addTemplate("handbook-js.11ty.js", asset("/assets/handbook.js", () => bundleScript(options.projectDir)));
  registerSitePages(eleventyConfig, session);
  registerRolePages(eleventyConfig, session);
}
