import path from "node:path";
import type Token from "markdown-it/lib/token.mjs";
import type { Diagnostic } from "../content/diagnostics.ts";
import { loadContent } from "../content/load.ts";
import type { SourcePage } from "../content/page.ts";
import { withBase } from "../content/urls.ts";
import { jekyllSettings, readJekyllSite, renderJekyllLiquid, type JekyllSite } from "../jekyll/site.ts";
import type { PageLinks } from "../links/check.ts";
import { buildNavTree, type HandbookPage, type NavTree } from "../navigation/tree.ts";
import { clashesWithGenerated, indexRoles, planDirectory, type RoleIndex } from "../roles/directory.ts";
import type { RolePage, UnknownName } from "../roles/extract.ts";
import { EMPTY_CATALOG, type NameCatalog } from "../roles/names.ts";
import { sectionsOf, type Section } from "../roles/sections.ts";
import { loadNames } from "./names.ts";
import {
  checkingMarkdown,
  parsedFrom,
  parseTokens,
  readContent,
  readPage,
  rolePageProblems,
  servingReadCache,
  type PageReading,
  type ParsedPage,
  type ReadCache,
} from "./read.ts";
import { loadSettings, type Settings } from "./settings.ts";

export type { ParsedPage } from "./read.ts";

/** Where a build reads from. */
export interface SiteInputs {
  /** Folder of Markdown pages. */
  contentDir: string;
  /** The settings file, `_data/site.json`. */
  settingsFile: string;
  /** Settings given on the command line, which win over the file. */
  overrides?: Partial<Settings>;
  /** Canonical tool and skill names; defaults to `names.json` beside the settings file. */
  namesFile?: string;
  /** A Jekyll site's `_config.yml`: its settings apply, its file rules pick the pages, and pages are run through Liquid. */
  jekyllConfig?: string;
  /** Readings of an earlier read to reuse for files that did not change; the dev server's cache by default. */
  readCache?: ReadCache;
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
    /** The role pages, and the tools and skills they list. */
    readonly roles: RoleIndex = indexRoles([], tree, [], []),
    private readonly parsed: ReadonlyMap<string, ParsedPage> = new Map(),
  ) {}

  /** The Jekyll site being built, when the build was given a `_config.yml`. */
  jekyll?: JekyllSite;

  /** A page's Markdown tokens, parsed with links as written; parsed again on each call, as the model keeps none. */
  tokensOf(source: SourcePage): Token[] {
    return parseTokens(checkingMarkdown(this.settings, this.contentDir), source);
  }

  /** A page's heading ids and the links it writes. */
  linksOf(source: SourcePage): PageLinks {
    return this.parsedOf(source).links;
  }

  /** A page's `##` sections with their list items; read again on each call, as the model keeps none. */
  sectionsOf(source: SourcePage): Section[] {
    // A generated page has no Markdown of its own.
    return source.generated ? [] : sectionsOf(this.tokensOf(source), source);
  }

  /** What the role-page rule finds wrong with a page; nothing for a page that is not a role page. */
  roleProblemsOf(source: SourcePage): Diagnostic[] {
    return this.parsedOf(source).roleProblems;
  }

  /** What a page's raw HTML may not carry; nothing for a generated page. */
  htmlProblemsOf(source: SourcePage): Diagnostic[] {
    return this.parsedOf(source).htmlProblems;
  }

  private parsedOf(source: SourcePage): ParsedPage {
    const known = this.parsed.get(source.file);
    if (known) return known;
    const parsed = parsedFrom(this.tokensOf(source), source);
    (this.parsed as Map<string, ParsedPage>).set(source.file, parsed);
    return parsed;
  }

  /** True when any diagnostic is an error. */
  get failed(): boolean {
    return this.diagnostics.some((d) => d.severity === "error");
  }

  /** The page built from a file (absolute or relative to cwd). */
  page(file: string): HandbookPage | undefined {
    return this.tree.byFile.get(path.resolve(file));
  }

  /** The page an Eleventy template renders: by its file, else by its URL (a generated page has no file). */
  pageFor(inputPath: string, url: string | false | undefined): HandbookPage | undefined {
    const page = this.page(inputPath);
    if (page || !url || !this.roles.generatedAt(url)) return page;
    return this.tree.byUrl.get(url);
  }

  /** A site URL with the path prefix applied. */
  href(url: string): string {
    return withBase(this.settings.pathPrefix, url);
  }
}

/** Reads settings, names and content and builds the navigation tree: the one core every front door calls. */
export function buildSiteModel(inputs: SiteInputs): SiteModel {
  const jekyll = inputs.jekyllConfig ? readJekyllSite(inputs.jekyllConfig, inputs.contentDir) : undefined;
  const { settings, diagnostics: settingsProblems } = jekyll
    ? jekyllSettings(jekyll, inputs.overrides)
    : loadSettings(inputs.settingsFile, inputs.overrides);
  const namesFile = inputs.namesFile ?? path.join(path.dirname(inputs.settingsFile), "names.json");
  const names = loadNames(namesFile);
  // A Jekyll site's Markdown is read after Liquid, which runs once per build, before anything reads the Markdown: the
  // checker, the roles and the renderer. The handbook's own pages are read as they are loaded, on two threads when many.
  const read = jekyll ? undefined : readContent(inputs.contentDir, settings, names.catalog, namesFile, undefined, inputs.readCache ?? servingReadCache());
  const content = read ? read.content : loadContent(inputs.contentDir, jekyll?.isExcluded);
  const liquid = jekyll ? renderJekyllLiquid(jekyll, content.pages) : { pages: content.pages, diagnostics: [] };
  const model = modelOf(
    settings,
    inputs.contentDir,
    liquid.pages,
    names.catalog,
    [...settingsProblems, ...(jekyll?.diagnostics ?? []), ...content.diagnostics, ...liquid.diagnostics, ...names.diagnostics],
    read?.readings,
  );
  model.jekyll = jekyll;
  return model;
}

/**
 * The model of pages already read: each page's Markdown is parsed once, role pages are read from it, the pages
 * generated from the roles join the content pages in the navigation tree, and the roles take their place in it.
 */
export function modelOf(
  settings: Settings,
  contentDir: string,
  sources: readonly SourcePage[],
  catalog: NameCatalog = EMPTY_CATALOG,
  diagnostics: readonly Diagnostic[] = [],
  /** Pages already read (with this catalog), by file. */
  readings?: ReadonlyMap<string, PageReading>,
): SiteModel {
  let md: ReturnType<typeof checkingMarkdown> | undefined;
  const parsed = new Map<string, ParsedPage>();
  const rolePages: RolePage[] = [];
  const unknown: UnknownName[] = [];
  for (const source of sources) {
    const reading = readings?.get(source.file) ?? readPage((md ??= checkingMarkdown(settings, contentDir)), source, catalog);
    parsed.set(source.file, reading.parsed);
    const read = reading.role;
    if (read) {
      rolePages.push(read.role);
      unknown.push(...read.unknown);
    }
  }
  const planned = planDirectory(rolePages, path.resolve(contentDir));
  const { diagnostics: clashes, generated } = clashesWithGenerated(sources, planned);
  // A generated page has no Markdown; only its heading ids, so links to them are checked.
  for (const g of generated) parsed.set(g.source.file, { links: { anchors: new Set(g.anchors), links: [] }, roleProblems: rolePageProblems(g.source, []), htmlProblems: [] });
  const { tree, diagnostics: treeProblems } = buildNavTree([...sources, ...generated.map((g) => g.source)], {
    navSort: settings.navSort,
  });
  const roles = indexRoles(rolePages, tree, generated, unknown);
  return new SiteModel(settings, path.resolve(contentDir), tree, [...diagnostics, ...clashes, ...treeProblems], roles, parsed);
}
