import path from "node:path";
import type { Diagnostic } from "../content/diagnostics.ts";
import { loadContent } from "../content/load.ts";
import { withBase } from "../content/urls.ts";
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
  const { settings, diagnostics: settingsProblems } = loadSettings(inputs.settingsFile, inputs.overrides);
  const content = loadContent(inputs.contentDir);
  const { tree, diagnostics: treeProblems } = buildNavTree(content.pages, { navSort: settings.navSort });
  return new SiteModel(settings, path.resolve(inputs.contentDir), tree, [
    ...settingsProblems,
    ...content.diagnostics,
    ...treeProblems,
  ]);
}
