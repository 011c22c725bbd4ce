// What a rebuild while serving renders. Eleventy's own incremental mode re-renders only the file that changed, which
// would leave every other page's sidebar, breadcrumbs, child list and previous/next showing an old title. Here each
// rebuild re-derives the whole model, compares it with the one the site on disk was last rendered from, and renders
// the pages whose output can differ: the changed files, and every page whose navigation (or role data) changed.
import fs from "node:fs";
import path from "node:path";
import { breadcrumbsFor, childListFor, neighboursOf, sidebarFor } from "../navigation/queries.ts";
import type { HandbookPage } from "../navigation/tree.ts";
import { describeForSearch } from "../search/facets.ts";
import { writeSearchIndex, type WrittenFile } from "../search/index.ts";
import type { SiteModel } from "../site/model.ts";
import type { BuildOptions } from "./options.ts";
import type { EleventyConfig, HandbookState } from "./plugin.ts";

/** What one rebuild renders: everything, or the content pages listed (absolute files) and maybe the generated pages. */
export type RebuildPlan =
  | { all: true; reason: string }
  | { all: false; files: ReadonlySet<string>; generated: boolean };

/** Everything a page's output shows besides its own Markdown: the model's part of the layout's input. */
function frameOf(model: SiteModel, page: HandbookPage): string {
  const { previous, next } = neighboursOf(model.tree, page);
  return JSON.stringify([
    page.kind === "nav" ? page.title : "",
    page.kind === "nav" ? page.visible : false,
    sidebarFor(model.tree, page),
    breadcrumbsFor(page),
    childListFor(model.tree, page),
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

  const files = new Set<string>();
  let generated = was.roles !== now.roles;
  const sameFrames = !generated && was.order === now.order && next.tree.pages.every((p) => was.nodes.get(p.url) === now.nodes.get(p.url));
  const [framesBefore, framesNow] = sameFrames ? [undefined, undefined] : [framesOf(previous), framesOf(next)];
  for (const page of next.tree.pages) {
    const before = previous.tree.byUrl.get(page.url);
    const stale = !before || sourceChanged(before, page) || framesBefore?.get(page.url) !== framesNow?.get(page.url);
    if (!stale) continue;
    if (page.source.generated) generated = true;
    else files.add(page.source.file);
  }
  return { all: false, files, generated };
}

/** Virtual templates that only change with the code (rendered on a full rebuild only), and the generated pages. */
const CODE_ASSETS = ["handbook-css.11ty.js", "handbook-js.11ty.js", "theme-js.11ty.js", "favicon-svg.11ty.js"];
const GENERATED_PAGES = "skills-and-tools.11ty.js";

/**
 * While serving: renders on each rebuild only what the plan says, through an Eleventy preprocessor (a template it
 * returns `false` for is neither rendered nor written, so its page on disk stays as it is). A broken edit renders
 * nothing: the plugin reports it and the last good site stays served. Files only ever appear in a plan once the
 * build that renders them has finished, so a failed build's changes are carried to the next one.
 */
export function registerServeRebuilds(eleventyConfig: EleventyConfig, state: HandbookState, options: BuildOptions): void {
  /** The model the site on disk was rendered from. */
  let rendered: SiteModel | undefined;
  /** This rebuild's plan; undefined for the first build. */
  let plan: RebuildPlan | undefined;
  let startedAt = 0;
  const changed = new Set<string>();
  // Eleventy waits until a saved file's size has held still for 150 ms; an editor's save is done well within 50.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });

  eleventyConfig.on("eleventy.beforeWatch", (queue: string[]) => {
    startedAt = performance.now();
    for (const file of queue) changed.add(path.resolve(file));
  });

  eleventyConfig.on("eleventy.before", ({ runMode }: { runMode?: string }) => {
    // The plugin's own handler has refreshed the model and thrown if the content has errors.
    if (runMode !== "serve" || !rendered) return;
    plan = planRebuild(rendered, state.model, changed);
    const next = state.model;
    for (const page of rendered.tree.pages) if (!next.tree.byUrl.has(page.url)) removeOutput(options.outputDir, page.url);
  });

  eleventyConfig.addPreprocessor("handbook-serve-rebuild", "*", function (this: { inputPath: string }) {
    if (!plan || plan.all) return undefined;
    const name = path.basename(this.inputPath);
    if (CODE_ASSETS.includes(name)) return false;
    if (name === GENERATED_PAGES) return plan.generated ? undefined : false;
    const page = state.model.page(this.inputPath);
    // Files that are not pages (nav.json, the 404 page, roles.json, sitemap.xml) are small: always rendered.
    if (!page) return undefined;
    return plan.files.has(page.source.file) ? undefined : false;
  });

  eleventyConfig.on("eleventy.after", ({ runMode }: { runMode?: string }) => {
    const wasServing = runMode === "serve" && rendered !== undefined;
    rendered = state.model;
    // Ready before the first edit, so that edit compares with keys already computed.
    if (runMode === "serve") setTimeout(() => keysOf(state.model), 0).unref();
    changed.clear();
    if (!wasServing || !plan) return;
    const ms = (performance.now() - startedAt).toFixed(0);
    const what = plan.all
      ? `every page (${plan.reason})`
      : `${plan.files.size} page(s)${plan.generated ? " and the Skills & Tools pages" : ""}`;
    console.log(`Rebuilt ${what} in ${ms} ms`);
  });
}

/** Deletes the page a removed file had built, so the server stops serving it. */
function removeOutput(outputDir: string, url: string): void {
  const file = path.join(outputDir, ...decodeURI(url).split("/"), url.endsWith("/") ? "index.html" : "");
  if (file.startsWith(outputDir + path.sep)) fs.rmSync(file, { force: true });
}

/** How long the search index waits after the last rebuild before it is rebuilt in the background. */
const SEARCH_DELAY_MS = 2000;

/**
 * While serving, the search index after a rebuild: a rebuild writes only some pages, and indexing all of them
 * takes seconds, so the index is rebuilt in the background from every page on disk once the edits pause, and a
 * reload never waits for it.
 */
export function scheduleSearchIndex(state: HandbookState, outputDir: string): void {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => {
    searching = searching.then(async () => {
      const model = state.model;
      if (model.failed || !state.search) return;
      const files: WrittenFile[] = [];
      for (const page of model.tree.pages) {
        const outputPath = path.join(outputDir, ...decodeURI(page.url).split("/"), page.url.endsWith("/") ? "index.html" : "");
        if (!fs.existsSync(outputPath)) continue;
        files.push({ inputPath: page.source.file, url: page.url, outputPath, content: fs.readFileSync(outputPath, "utf8") });
      }
      const index = await writeSearchIndex(model, files, outputDir);
      console.log(`Search: indexed ${index.pages} pages in ${(index.ms / 1000).toFixed(2)} s`);
    }).catch((error: unknown) => {
      console.error(`Search: the index was not updated: ${(error as Error).message}`);
    });
  }, SEARCH_DELAY_MS);
  searchTimer.unref();
}
let searchTimer: NodeJS.Timeout | undefined;
let searching: Promise<void> = Promise.resolve();
