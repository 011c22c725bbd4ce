// What a rebuild while serving renders. Eleventy's own incremental mode re-renders only the file that changed, which
// would leave every other page's sidebar, breadcrumbs, child list and previous/next showing an old title. Here each
// rebuild re-derives the whole model, compares it with the one the site on disk was last rendered from, and renders
// the pages whose output can differ: the changed files, and every page whose navigation (or role data) changed.
import fs from "node:fs";
import path from "node:path";
import { breadcrumbsFor, childrenOf, neighboursOf, sidebarFor } from "../navigation/queries.ts";
import type { HandbookPage } from "../navigation/tree.ts";
import { describeForSearch } from "../search/facets.ts";
import { writeSearchIndex, type WrittenFile } from "../search/index.ts";
import type { SiteModel } from "../site/model.ts";
import type { RenderList } from "./pages.ts";
import type { EleventyConfig } from "./plugin.ts";
import type { BuildSession } from "./session.ts";

/** What one rebuild renders: everything, or the pages at the URLs listed. */
export type RebuildPlan = { all: true; reason: string } | { all: false; urls: ReadonlySet<string> };

/** Everything a page's output shows besides its own Markdown: the model's part of the layout's input. */
function frameOf(model: SiteModel, page: HandbookPage): string {
  const { previous, next } = neighboursOf(model.tree, page);
  return JSON.stringify([
    page.kind === "nav" ? page.title : "",
    page.kind === "nav" ? page.visible : false,
    sidebarFor(model.tree, page),
    breadcrumbsFor(page),
    page.source.meta.has_toc === false ? [] : childrenOf(page),
    previous ?? null,
    next ?? null,
    describeForSearch(page, model.roles) ?? null,
    model.roles.teamAt(page.url) ?? null,
  ]);
}

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
  return before.source.body !== after.source.body || JSON.stringify(before.source.meta) !== JSON.stringify(after.source.meta);
}

/**
 * What other pages' frames read of a page: its place in the tree, title, visibility and summary (and, for its own
 * frame, the front matter that shapes it). When no page's node differs, nor the sidebar order or the roles, no
 * page's frame differs either (frameOf reads nothing else), so only pages whose own source changed are stale.
 */
function nodeOf(page: HandbookPage): string {
  const meta = page.source.meta;
  const nav = page.kind === "nav" ? [page.title, page.visible, page.parent?.url ?? null, page.children.map((c) => c.url), page.navChildren.map((c) => c.url)] : null;
  return JSON.stringify([page.kind, nav, meta.summary ?? null, meta.has_toc ?? null, meta.search_exclude ?? null, meta.kind ?? null]);
}

/** Where the sidebar starts, and its order (previous/next). */
function orderKeyOf(model: SiteModel): string {
  return JSON.stringify([model.tree.navRoots.map((p) => p.url), model.tree.sidebarOrder.map((p) => p.url)]);
}

/**
 * A model's keys, computed once per model: the new model of one rebuild is the previous model of the next, so each
 * rebuild computes them for one model only. Each page's node is cheap; its whole frame (a sidebar per page) is
 * computed only when some node differs (a title edit, say).
 */
const keysOfModel = new WeakMap<SiteModel, { nodes: Map<string, string>; order: string; roles: string; site: string }>();
function keysOf(model: SiteModel) {
  let keys = keysOfModel.get(model);
  if (!keys) {
    const nodes = new Map<string, string>();
    for (const page of model.tree.pages) nodes.set(page.url, nodeOf(page));
    keys = { nodes, order: orderKeyOf(model), roles: rolesKeyOf(model), site: siteKeyOf(model) };
    keysOfModel.set(model, keys);
  }
  return keys;
}

const framesOfModel = new WeakMap<SiteModel, Map<string, string>>();
function framesOf(model: SiteModel): Map<string, string> {
  let frames = framesOfModel.get(model);
  if (!frames) {
    frames = new Map();
    for (const page of model.tree.pages) frames.set(page.url, frameOf(model, page));
    framesOfModel.set(model, frames);
  }
  return frames;
}

/**
 * Compares the model the site on disk was rendered from with the new one. `changed` lists the files the watcher
 * reported (absolute); any of them outside the content folder (a layout, a component, the settings, the code)
 * renders everything.
 */
export function planRebuild(previous: SiteModel, next: SiteModel, changed: Iterable<string>): RebuildPlan {
  if (next.jekyll) return { all: true, reason: "a Jekyll site runs Liquid over every page" };
  const contentDir = next.contentDir + path.sep;
  for (const file of changed) {
    if (!file.startsWith(contentDir)) return { all: true, reason: `${path.basename(file)} is not a content page` };
  }
  const [was, now] = [keysOf(previous), keysOf(next)];
  if (was.site !== now.site) return { all: true, reason: "a page was added, moved or removed, or the settings changed" };

  const urls = new Set<string>();
  const rolesChanged = was.roles !== now.roles;
  const sameFrames = !rolesChanged && was.order === now.order && next.tree.pages.every((p) => was.nodes.get(p.url) === now.nodes.get(p.url));
  const [framesBefore, framesNow] = sameFrames ? [undefined, undefined] : [framesOf(previous), framesOf(next)];
  for (const page of next.tree.pages) {
    const before = previous.tree.byUrl.get(page.url);
    // The generated pages are made from the roles: all of them are rendered again when the roles change.
    const stale = !before || (rolesChanged && page.source.generated) || sourceChanged(before, page) ||
      framesBefore?.get(page.url) !== framesNow?.get(page.url);
    if (stale) urls.add(page.url);
  }
  return { all: false, urls };
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
  const search = backgroundSearchIndex(session);
  // Eleventy waits until a saved file's size has held still for 150 ms; an editor's save is done well within 50.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });

  eleventyConfig.on("eleventy.beforeWatch", (queue: string[]) => {
    startedAt = performance.now();
    for (const file of queue) changed.add(path.resolve(file));
  });

  eleventyConfig.on("eleventy.before", ({ runMode }: { runMode?: string }) => {
    // The plugin's own handler has refreshed the model and thrown if the content has errors.
    if (runMode !== "serve" || !rendered) return;
    plan = planRebuild(rendered, session.model, changed);
    const next = session.model;
    for (const page of rendered.tree.pages) if (!next.tree.byUrl.has(page.url)) removeOutput(outputDir, page.url);
  });

  eleventyConfig.addPreprocessor("handbook-serve-rebuild", "*", function (this: { inputPath: string }) {
    if (!plan || plan.all) return undefined;
    return CODE_ASSETS.includes(path.basename(this.inputPath)) ? false : undefined;
  });

  eleventyConfig.on("eleventy.after", ({ runMode }: { runMode?: string }) => {
    const wasServing = runMode === "serve" && rendered !== undefined;
    rendered = session.model;
    // Ready before the first edit, so that edit compares with keys already computed.
    if (runMode === "serve") setTimeout(() => keysOf(session.model), 0).unref();
    changed.clear();
    if (!wasServing || !plan) return;
    const ms = (performance.now() - startedAt).toFixed(0);
    const what = plan.all ? `every page (${plan.reason})` : `${plan.urls.size} page(s)`;
    session.log.info(`Rebuilt ${what} in ${ms} ms`);
  });

  return {
    toRender: (model) => {
      const urls = model.tree.pages.map((p) => p.url);
      return plan && !plan.all ? urls.filter((url) => (plan as { urls: ReadonlySet<string> }).urls.has(url)) : urls;
    },
    async indexSearch(results, runMode) {
      // A rebuild while serving writes only the pages it changed; the index follows in the background.
      if (runMode === "serve" && plan) return search.schedule();
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

/** How long the search index waits after the last rebuild before it is rebuilt in the background. */
const SEARCH_DELAY_MS = 2000;

/**
 * While serving, the search index after a rebuild: a rebuild writes only some pages, and indexing all of them
 * takes seconds, so the index is rebuilt in the background from every page on disk once the edits pause, and a
 * reload never waits for it.
 */
function backgroundSearchIndex(session: BuildSession): { schedule(): void } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const outputDir = session.options.outputDir;
  const index = async () => {
    const model = session.model;
    if (model.failed || !session.search) return;
    const files: WrittenFile[] = [];
    for (const page of model.tree.pages) {
      const outputPath = outputFileOf(outputDir, page.url);
      if (!outputPath || !fs.existsSync(outputPath)) continue;
      files.push({ url: page.url, outputPath, content: fs.readFileSync(outputPath, "utf8") });
    }
    const written = await writeSearchIndex(model, files, outputDir);
    session.log.info(`Search: indexed ${written.pages} pages in ${(written.ms / 1000).toFixed(2)} s`);
  };
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        running = running.then(index).catch((error: unknown) => {
          session.log.error(`Search: the index was not updated: ${(error as Error).message}`);
        });
      }, SEARCH_DELAY_MS);
      timer.unref();
    },
  };
}
