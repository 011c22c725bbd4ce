import path from "node:path";
import { ContentError, reportDiagnostics } from "../content/diagnostics.ts";
import { navJson } from "../navigation/queries.ts";
import { writeSearchIndex, type WrittenFile } from "../search/index.ts";
import type { SiteModel } from "../site/model.ts";
import { markdownFor } from "../site/validate.ts";
import { bundleScript, stylesheet } from "./assets.ts";
import { buildModel, takeHandedOffModel, type BuildOptions } from "./options.ts";
import { registerJekyllSite } from "../jekyll/eleventy.ts";
import { registerSitePages } from "./site-pages.ts";
import { registerRolePages } from "./role-pages.ts";
import { registerContentFiles } from "./content-files.ts";
import { registerServeRebuilds, scheduleSearchIndex } from "./watch.ts";
import { registerSearchFeed } from "./search-feed.ts";
import { devServerOptions } from "./dev-server.ts";

/** The part of Eleventy's config API the handbook uses. */
export interface EleventyConfig {
  on(event: string, callback: (...args: never[]) => unknown): void;
  setLibrary(name: string, library: unknown): void;
  addExtension(extensions: string[], options: Record<string, unknown>): void;
  addLayoutAlias(alias: string, target: string): void;
  addGlobalData(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
  addPassthroughCopy(glob: string | Record<string, string>): void;
  addPreprocessor(name: string, extensions: string, callback: (this: { inputPath: string }, data: never, content: string) => unknown): void;
  addWatchTarget(target: string): void;
  setChokidarConfig(config: Record<string, unknown>): void;
  addTransform(name: string, callback: (this: never, content: unknown) => unknown): void;
  configureTemplateHandling(options: { writeMode?: "sync" | "async" }): void;
  setTemplateFormats(formats: string[]): void;
  setIncludesDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  setQuietMode(quiet: boolean): void;
  setServerOptions(options: Record<string, unknown>): void;
  /** Globs Eleventy leaves out. */
  ignores: { add(glob: string): unknown };
}

/**
 * The current build's model, behind one object that keeps its identity across rebuilds,
 * so data Eleventy caches between watch builds still sees the newest model.
 */
export class HandbookState {
  #model: SiteModel | undefined;
  /** Set once a dev server's first build is written: later builds are rebuilds after an edit. */
  served = false;
  constructor(private readonly options: BuildOptions) {}

  /** Recomputes the model (or takes the one the command just built); called at the start of every build. */
  refresh(): SiteModel {
    this.#model = takeHandedOffModel(this.options) ?? buildModel(this.options);
    return this.#model;
  }

  /** This build's model. */
  get model(): SiteModel {
    return this.#model ?? this.refresh();
  }

  /** Whether this build writes a search index (and pages offer search): not with --no-search, nor `search: false`. */
  get search(): boolean {
    return this.options.search && this.model.settings.search;
  }
}

const LAYOUT = "layouts/handbook.11ty.tsx";

/** Registers the handbook with Eleventy: Markdown, layouts, URLs from the model, nav.json and assets. */
export function handbookPlugin(eleventyConfig: EleventyConfig, options: BuildOptions): void {
  const state = new HandbookState(options);
  const relativeToContent = (dir: string) =>
    path.relative(options.contentDir, path.join(options.projectDir, dir)) || ".";

  eleventyConfig.setIncludesDirectory(relativeToContent("_includes"));
  eleventyConfig.setDataDirectory(relativeToContent("_data"));
  eleventyConfig.setTemplateFormats(["md", "11ty.js"]);
  // A Jekyll site's files are copied by its own rules (src/jekyll/eleventy.ts).
  if (!options.jekyllConfig) registerContentFiles(eleventyConfig, options);
  eleventyConfig.addWatchTarget(path.join(options.projectDir, "src"));
  eleventyConfig.setServerOptions(devServerOptions({ host: options.host }));

  // Pages are written while others render, rather than each render waiting for its own write.
  eleventyConfig.configureTemplateHandling({ writeMode: "async" });
  const searchFeed = registerSearchFeed(eleventyConfig, state);

  eleventyConfig.on("eleventy.before", ({ runMode }: { runMode?: string }) => {
    const model = state.refresh();
    if (model.failed) {
      reportDiagnostics(model.diagnostics);
      throw new ContentError([...model.diagnostics]);
    }
    searchFeed.start(runMode);
  });

  // Eleventy's own `dir` argument names its default folders here, not the output the command chose; options do.
  eleventyConfig.on("eleventy.after", async ({ results, runMode }: { results: WrittenFile[]; runMode?: string }) => {
    if (!state.search) return;
    const fed = await searchFeed.finish(results, options.outputDir);
    if (fed) return void console.log(`Search: indexed ${fed.pages} pages in ${(fed.ms / 1000).toFixed(2)} s`);
    // A rebuild while serving writes only the pages it changed; the index follows in the background.
    if (runMode === "serve" && state.served) return scheduleSearchIndex(state, options.outputDir);
    state.served = runMode === "serve";
    const index = await writeSearchIndex(state.model, results, options.outputDir);
    console.log(`Search: indexed ${index.pages} pages in ${(index.ms / 1000).toFixed(2)} s`);
  });

  eleventyConfig.setLibrary("md", flatOutput(markdownFor(() => state.model)));

  eleventyConfig.addExtension(["11ty.tsx"], { key: "11ty.js" });
  for (const alias of ["default", "page", "home"]) eleventyConfig.addLayoutAlias(alias, LAYOUT);
  eleventyConfig.addGlobalData("layout", "default");
  eleventyConfig.addGlobalData("handbook", state);
  eleventyConfig.addGlobalData("eleventyComputed", {
    permalink: (data: { page?: { inputPath?: string }; permalink?: unknown }) => {
      const inputPath = data.page?.inputPath;
      const page = inputPath ? state.model.page(inputPath) : undefined;
      return page ? page.url : data.permalink;
    },
  });

  const asset = (permalink: string, render: () => string | Promise<string>) => ({
    data: { permalink, layout: false, eleventyExcludeFromCollections: true },
    render,
  });
  eleventyConfig.addTemplate(
    "nav.json.11ty.js",
    asset("/nav.json", () => JSON.stringify(navJson(state.model.tree, (u) => state.model.href(u)))),
  );
  eleventyConfig.addTemplate("handbook-css.11ty.js", asset("/assets/handbook.css", () => stylesheet(options.projectDir)));
  eleventyConfig.addTemplate("handbook-js.11ty.js", asset("/assets/handbook.js", () => bundleScript(options.projectDir)));
  registerJekyllSite(eleventyConfig, state, options);
  registerSitePages(eleventyConfig, state, options);
  registerRolePages(eleventyConfig, state);
  registerServeRebuilds(eleventyConfig, state, options);
}

/**
 * markdown-it builds its output by appending to a string, which V8 keeps as a chain of thousands of pieces; Eleventy
 * holds every page's Markdown output until the build ends. Flattening it once halves what each page keeps (measured
 * on the synthetic handbook: 22.5 MB against 10.8 MB for 1,000 role pages) and gives the garbage collector one
 * object to trace instead of thousands.
 */
function flatOutput<T extends { render(src: string, env?: never): string }>(md: T): T {
  const render = md.render.bind(md);
  md.render = (src: string, env?: never) => {
    const html = render(src, env);
    Number(html); // reading a string as a number flattens it in place
    return html;
  };
  return md;
}
