import path from "node:path";
import type { Diagnostic } from "../content/diagnostics.ts";
import { loadContent } from "../content/load.ts";
import { withBase } from "../content/urls.ts";
import { jekyllSettings, readJekyllSite, renderJekyllLiquid, type JekyllSite } from "../jekyll/site.ts";
import { buildNavTree, type HandbookPage, type NavTree } from "../navigation/tree.ts";
import { loadSettings, type Settings } from "./settings.ts";

/** Where a build reads from. */
export interface SiteInputs {
  /** Folder of Markdown pages. */
  contentDir: string;
  /** The settings file, `_data/site.json`. */
  settingsFile: string;
  /** Settings given on the command line, which win over the file. */
  overrides?: Partial<Settings>;
  /** A Jekyll site's `_config.yml`: its settings apply, its file rules pick the pages, and pages are run through Liquid. */
  jekyllConfig?: string;
}

/**
 * Everything a build knows about the handbook, computed once per build.
 * A class, so Eleventy's data cascade passes it by reference instead of copying it into every page.
 */
export class SiteModel {
  constructor(
    /** Validated site settings. */
    readonly settings: Settings,
    /** Absolute path of the content folder. */
    readonly contentDir: string,
    /** The navigation tree. */
    readonly tree: NavTree,
    /** Every problem found, errors and warnings. */
    readonly diagnostics: readonly Diagnostic[],
  ) {}

  /** The Jekyll site being built, when the build was given a `_config.yml`. */
  jekyll?: JekyllSite;

  /** True when any diagnostic is an error. */
  get failed(): boolean {
    return this.diagnostics.some((d) => d.severity === "error");
  }

  /** The page built from a file (absolute or relative to cwd). */
  page(file: string): HandbookPage | undefined {
    return this.tree.byFile.get(path.resolve(file));
  }

  /** A site URL with the path prefix applied. */
  href(url: string): string {
    return withBase(this.settings.pathPrefix, url);
  }
}

/** Reads settings and content and builds the navigation tree: the one core every front door calls. */
export function buildSiteModel(inputs: SiteInputs): SiteModel {
  const jekyll = inputs.jekyllConfig ? readJekyllSite(inputs.jekyllConfig, inputs.contentDir) : undefined;
  const { settings, diagnostics: settingsProblems } = jekyll
    ? jekyllSettings(jekyll, inputs.overrides)
    : loadSettings(inputs.settingsFile, inputs.overrides);
  const content = loadContent(inputs.contentDir, jekyll?.isExcluded);
  // Liquid runs once per build, before anything reads the Markdown: the checker and the renderer.
  const liquid = jekyll ? renderJekyllLiquid(jekyll, content.pages) : { pages: content.pages, diagnostics: [] };
  const { tree, diagnostics: treeProblems } = buildNavTree(liquid.pages, { navSort: settings.navSort });
  const model = new SiteModel(settings, path.resolve(inputs.contentDir), tree, [
    ...settingsProblems,
    ...(jekyll?.diagnostics ?? []),
    ...content.diagnostics,
    ...liquid.diagnostics,
    ...treeProblems,
  ]);
  model.jekyll = jekyll;
  return model;
}
