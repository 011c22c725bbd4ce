// What a rebuild while serving renders. Eleventy's own incremental mode re-renders only the file that changed, which
// would leave every other page's sidebar, breadcrumbs, child list and previous/next showing an old title. Here each
// rebuild re-derives the whole model, compares it with the one the site on disk was last rendered from, and renders
// the pages whose output can differ: the changed files, and every page whose navigation (or role data) changed.
import fs from "node:fs";
import path from "node:path";
import type { HandbookPage } from "../navigation/tree.ts";
import { writeSearchIndex, type WrittenFile } from "../search/index.ts";
import type { SiteModel } from "../site/model.ts";
import { pageView } from "../view/page-view.ts";
import type { RenderList } from "./pages.ts";
import type { EleventyConfig } from "./config-api.ts";
import type { BuildSession } from "./session.ts";

/** What one rebuild renders: everything, or the pages at the URLs listed. */
export type RebuildPlan = { all: true; reason: string } | { all: false; urls: ReadonlySet<string> };

/** What every page shows the same way: the settings, and which file is built at which URL. */
function siteKeyOf(model: SiteModel): string {
  return JSON.stringify([model.settings, model.tree.pages.map((p) => [p.source.file, p.url])]);
}

/** What the generated pages (the Skills & Tools directory, a page per tool and per skill) are made from. */
function rolesKeyOf(model: SiteModel): string {
  return JSON.stringify(model.roles.roles);
}

/** Whether a page's own source (front matter and Markdown) differs between two reads of it. */
function sourceChanged(before: HandbookPage, after: HandbookPage): boolean {
  // The dev server reuses the reading of a file that did not change (ReadCache): the same object.
  if (before.source === after.source) return false;
  return before.source.body !== after.source.body || frontMatterChanged(before, after);
}

function frontMatterChanged(before: HandbookPage, after: HandbookPage): boolean {
  return before.source !== after.source && JSON.stringify(before.source.meta) !== JSON.stringify(after.source.meta);
}

/** What a planner keeps of one model: computed once, as the new model of one rebuild is the previous one of the next. */
interface ModelKeys {
  site: string;
  roles: string;
  views?: Map<string, string>;
}

/**
 * Plans the dev server's rebuilds. A page's output is its own source rendered with its page view (src/view), and a
 * page view reads the tree, the front matter of pages, the roles and the settings, never another page's Markdown
 * except through the roles. So when only Markdown changed and the roles did not, the edited pages are the only stale
 * ones; otherwise every page's view is compared with the one the site on disk was rendered with.
 */
export class RebuildPlanner {
  readonly #keys = new WeakMap<SiteModel, ModelKeys>();

  /** Computes a model's keys ahead of the first edit, so that edit compares with keys already computed. */
  prepare(model: SiteModel): void {
    this.#keysOf(model);
  }

  /**
   * Compares the model the site on disk was rendered from with the new one. `changed` lists the files the watcher
   * reported (absolute); any of them outside the content folder (a layout, a component, the settings, the code)
   * renders everything.
   */
  plan(previous: SiteModel, next: SiteModel, changed: Iterable<string>): RebuildPlan {
    if (next.jekyll) return { all: true, reason: "a Jekyll site runs Liquid over every page" };
    const contentDir = next.contentDir + path.sep;
    for (const file of changed) {
      if (!file.startsWith(contentDir)) return { all: true, reason: `${path.basename(file)} is not a content page` };
    }
    const [was, now] = [this.#keysOf(previous), this.#keysOf(next)];
    if (was.site !== now.site) return { all: true, reason: "a page was added, moved or removed, or the settings changed" };
    const rolesChanged = was.roles !== now.roles;
    const pairs = next.tree.pages.map((page) => [previous.tree.byUrl.get(page.url)!, page] as const);
    const markdownOnly = !rolesChanged && pairs.every(([before, after]) => !frontMatterChanged(before, after));
    const [viewsBefore, viewsNow] = markdownOnly ? [undefined, undefined] : [this.#viewsOf(previous), this.#viewsOf(next)];
    const urls = new Set<string>();
    for (const [before, page] of pairs) {
      // The generated pages are made from the roles: all of them are rendered again when the roles change.
      const stale = (rolesChanged && page.source.generated) || sourceChanged(before, page) || viewsBefore?.get(page.url) !== viewsNow?.get(page.url);
      if (stale) urls.add(page.url);
    }
    return { all: false, urls };
  }

  #keysOf(model: SiteModel): ModelKeys {
    let keys = this.#keys.get(model);
    if (!keys) {
      keys = { site: siteKeyOf(model), roles: rolesKeyOf(model) };
      this.#keys.set(model, keys);
    }
    return keys;
  }

  #viewsOf(model: SiteModel): Map<string, string> {
    const keys = this.#keysOf(model);
    if (!keys.views) {
      keys.views = new Map();
      for (const page of model.tree.pages) keys.views.set(page.url, JSON.stringify(pageView(model, page)));
    }
    return keys.views;
  }
}

/** Plans one rebuild from the model before an edit to the model after it (RebuildPlanner.plan, without its memory). */
export function planRebuild(previous: SiteModel, next: SiteModel, changed: Iterable<string>): RebuildPlan {
  return new RebuildPlanner().plan(previous, next, changed);
}

/** Virtual templates that only change with the code: rendered on a full rebuild only. */
const CODE_ASSETS = ["handbook-css.11ty.js", "handbook-js.11ty.js", "theme-js.11ty.js", "favicon-svg.11ty.js"];

/** What the dev server's rebuilds give the rest of the plugin. */
export interface ServeRebuilds {
  /** The pages a build renders: every page, or on a rebuild while serving only those whose output can differ. */
  toRender: RenderList;
  /** Writes the search index after a build that was not fed as it rendered (a dev server's builds). */
  indexSearch(results: readonly WrittenFile[], runMode: string | undefined): Promise<void>;
}

/**
 * While serving: renders on each rebuild only what the plan says. A broken edit renders nothing: the session reports
 * it and the last good site stays served. Files only ever appear in a plan once the build that renders them has
 * finished, so a failed build's changes are carried to the next one.
 */
export function registerServeRebuilds(eleventyConfig: EleventyConfig, session: BuildSession): ServeRebuilds {
  const outputDir = session.options.outputDir;
  /** The model the site on disk was rendered from. */
  let rendered: SiteModel | undefined;
  /** This rebuild's plan; undefined for the first build. */
  let plan: RebuildPlan | undefined;
  let startedAt = 0;
  const changed = new Set<string>();
  const planner = new RebuildPlanner();
  // Eleventy waits until a saved file's size has held still for 150 ms; an editor's save is done well within 50.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });

  eleventyConfig.on("eleventy.beforeWatch", (queue: string[]) => {
    startedAt = performance.now();
    for (const file of queue) changed.add(path.resolve(file));
    const names = queue.map((file) => path.relative(session.options.contentDir, path.resolve(file)) || file);
    session.log.info(`Changed: ${names.join(", ")}`);
  });

  eleventyConfig.on("eleventy.before", ({ runMode }: { runMode?: string }) => {
    if (runMode === "serve" && !rendered) startedAt = performance.now();
    // The plugin's own handler has refreshed the model and thrown if the content has errors.
    if (runMode !== "serve" || !rendered) return;
    plan = planner.plan(rendered, session.model, changed);
    const next = session.model;
    for (const page of rendered.tree.pages) if (!next.tree.byUrl.has(page.url)) removeOutput(outputDir, page.url);
  });

  eleventyConfig.addPreprocessor("handbook-serve-rebuild", "*", function (this: { inputPath: string }) {
    if (!plan || plan.all) return undefined;
    return CODE_ASSETS.includes(path.basename(this.inputPath)) ? false : undefined;
  });

  eleventyConfig.on("eleventy.after", ({ runMode, results }: { runMode?: string; results?: readonly unknown[] }) => {
    const wasServing = runMode === "serve" && rendered !== undefined;
    rendered = session.model;
    // Ready before the first edit, so that edit compares with keys already computed.
    if (runMode === "serve") setTimeout(() => planner.prepare(session.model), 0).unref();
    changed.clear();
    if (runMode !== "serve") return;
    // Pages are counted as the build command counts them (content and generated pages); files are everything written.
    const pages = session.model.tree.pages.length;
    const ms = performance.now() - startedAt;
    const files = `${results?.length ?? 0} file${results?.length === 1 ? "" : "s"} written`;
    if (!wasServing || !plan) return session.log.info(`Built ${pages} pages (${files}) in ${(ms / 1000).toFixed(2)} s`);
    const what = plan.all ? `all ${pages} pages (${plan.reason})` : `${plan.urls.size} of ${pages} pages`;
    session.log.info(`Rebuilt ${what} (${files}) in ${ms.toFixed(0)} ms`);
  });

  return {
    toRender: (model) => {
      const urls = model.tree.pages.map((p) => p.url);
      return plan && !plan.all ? urls.filter((url) => (plan as { urls: ReadonlySet<string> }).urls.has(url)) : urls;
    },
    async indexSearch(results, runMode) {
      // A rebuild while serving writes only the pages it changed: the index is made from every page on disk. The
      // browser reloads once it is written, so a search right after an edit finds the edit.
      if (runMode === "serve" && plan) return indexFromDisk(session);
      const index = await writeSearchIndex(session.model, results, outputDir);
      session.log.info(`Search: indexed ${index.pages} pages in ${(index.ms / 1000).toFixed(2)} s`);
    },
  };
}

/** Deletes the page a removed file had built, so the server stops serving it. */
function removeOutput(outputDir: string, url: string): void {
  const file = outputFileOf(outputDir, url);
  if (file?.startsWith(outputDir + path.sep)) fs.rmSync(file, { force: true });
}

/** The file a page URL is written to below the output folder; undefined for a URL that does not decode. */
function outputFileOf(outputDir: string, url: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURI(url);
  } catch {
    return undefined;
  }
  return path.join(outputDir, ...decoded.split("/"), url.endsWith("/") ? "index.html" : "");
}

/** The search index made again from every page on disk, after a rebuild while serving. */
async function indexFromDisk(session: BuildSession): Promise<void> {
  const model = session.model;
  if (model.failed || !session.search) return;
  const outputDir = session.options.outputDir;
  const files: WrittenFile[] = [];
  for (const page of model.tree.pages) {
    const outputPath = outputFileOf(outputDir, page.url);
    if (!outputPath || !fs.existsSync(outputPath)) continue;
    files.push({ url: page.url, outputPath, content: fs.readFileSync(outputPath, "utf8") });
  }
  try {
    const written = await writeSearchIndex(model, files, outputDir);
    session.log.info(`Search: indexed ${written.pages} pages in ${(written.ms / 1000).toFixed(2)} s`);
  } catch (error) {
    session.log.error(`Search: the index was not updated: ${(error as Error).message}`);
  }
}
