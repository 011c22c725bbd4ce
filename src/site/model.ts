import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../shared/diagnostics.ts";
import { loadContent, skipDotAndBuildFolders, type Asset, type SkipRule } from "../content/load.ts";
import type { SourcePage } from "../content/page.ts";
import { withBase } from "../content/urls.ts";
import { applyGithubPagesPlugins } from "../jekyll/github-pages.ts";
import { jekyllSettings, readJekyllSite, renderJekyllLiquid, type JekyllSite } from "../jekyll/site.ts";
import type { PageLinks } from "../links/check.ts";
import { buildNavTree, type HandbookPage, type NavTree } from "../navigation/tree.ts";
import { clashesWithGenerated, planDirectory } from "../roles/directory.ts";
import { familyProblems, indexLadders, type LadderPage } from "../roles/ladders.ts";
import { indexRoles, type RoleIndex } from "../roles/role-index.ts";
import type { RolePage, UnknownName } from "../roles/extract.ts";
import { EMPTY_CATALOG, type NameCatalog } from "../roles/names.ts";
import { svgProblems } from "../security/svg.ts";
import { loadNames } from "./names.ts";
import { loadSynonyms, type SynonymTable } from "./synonyms.ts";
import { checkingMarkdown, readPage, rolePageProblems, type PageReading, type ParsedPage } from "./page-reading.ts";
import { readContent, type ReadCache } from "./read.ts";
import { loadSettings, type Settings } from "../config/settings.ts";
import { dayOf } from "../content/review.ts";
import { ownershipProblems, resolveOwnership, type Ownership } from "../navigation/owners.ts";
import { ownerAnchor, planReviewPage } from "./review-page.ts";

export type { ParsedPage } from "./page-reading.ts";

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
  /**
   * Search synonyms; defaults to `synonyms.json` beside the settings file when the content folder is the handbook's own
   * (`content/` beside `_data/`): the file names the handbook's words, which another folder's pages need not use.
   */
  synonymsFile?: string;
  /** A Jekyll site's `_config.yml`: its settings apply, its file rules pick the pages, and pages are run through Liquid. */
  jekyllConfig?: string;
  /** Readings of an earlier read to reuse for files that did not change (the dev server's). */
  readCache?: ReadCache;
  /** The folder the site is written to: when it is inside the content folder, it is not content (nor its staging folders). */
  outputDir?: string;
  /** The day reviews are due against, `YYYY-MM-DD` (UTC); today when not given. */
  today?: string;
  /** What a navigation problem is (`--nav`): an error, or a warning with the page left out of the navigation. */
  navProblems?: "error" | "warning";
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
    readonly roles: RoleIndex = indexRoles([], tree, { generated: [], unknown: [] }),
    /** What the checks keep of each page's Markdown, by file: every page of the tree has one. */
    private readonly parsed: ReadonlyMap<string, ParsedPage> = new Map(),
    /** The Jekyll site being built, when the build was given a `_config.yml`. */
    readonly jekyll?: JekyllSite,
    /** The files the build copies into the site as they are (images, PDFs; a Jekyll site's static files). */
    readonly assets: readonly Asset[] = [],
    /** Each page's owner and review period, own or inherited (src/navigation/owners.ts). */
    readonly ownership: Ownership = resolveOwnership(tree, settings.owners),
    /** The day reviews are due against, `YYYY-MM-DD` (UTC): the day the model was read, unless told. */
    readonly today: string = dayOf(new Date()),
    /** The names file's names: what role pages link when they are rendered. */
    readonly names: NameCatalog = EMPTY_CATALOG,
    /** The search synonyms and the file they were read from; undefined when the build has none. */
    readonly synonyms: { table: SynonymTable; file: string } | undefined = undefined,
  ) {}

  /** A page's heading ids and the links it writes. */
  linksOf(source: SourcePage): PageLinks {
    return this.parsedOf(source).links;
  }

  /** What the role-page rule finds wrong with a page; nothing for a page that is not a role page. */
  roleProblemsOf(source: SourcePage): Diagnostic[] {
    return this.parsedOf(source).roleProblems;
  }

  /** What a page's raw HTML may not carry; nothing for a generated page. */
  htmlProblemsOf(source: SourcePage): Diagnostic[] {
    return this.parsedOf(source).htmlProblems;
  }

  /** A page's first paragraph as plain text; undefined for a page without one, or a generated page. */
  firstParagraphOf(source: SourcePage): string | undefined {
    return this.parsedOf(source).firstParagraph;
  }

  private parsedOf(source: SourcePage): ParsedPage {
    const parsed = this.parsed.get(source.file);
    if (!parsed) throw new Error(`${source.file} is not a page of this model`);
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
  const jekyll = inputs.jekyllConfig ? readJekyllSite(inputs.jekyllConfig, inputs.contentDir, inputs.outputDir) : undefined;
  const { settings, diagnostics: settingsProblems } = jekyll
    ? jekyllSettings(jekyll, inputs.overrides)
    : loadSettings(inputs.settingsFile, inputs.overrides);
  const namesFile = inputs.namesFile ?? path.join(path.dirname(inputs.settingsFile), "names.json");
  const names = loadNames(namesFile);
  // A Jekyll site's Markdown is read after Liquid, which runs once per build, before anything reads the Markdown: the
  // checker, the roles and the renderer. The handbook's own pages are read as they are loaded, on two threads when many.
  const skip = skipRuleOf(inputs.outputDir, jekyll?.isExcluded);
  const read = jekyll ? undefined : readContent(inputs.contentDir, settings, names.catalog, namesFile, skip, inputs.readCache);
  const content = read ? read.content : loadContent(inputs.contentDir, skip);
  // GitHub Pages' own plugins (README as index, titles from headings, …) run before Liquid, as Jekyll runs them.
  const published = jekyll ? applyGithubPagesPlugins(content.pages) : { pages: content.pages, copied: [] };
  const liquid = jekyll ? renderJekyllLiquid(jekyll, published.pages) : { pages: content.pages, diagnostics: [] };
  const assets = jekyll ? [...jekyll.staticFiles, ...published.copied] : content.assets;
  const synonymsFile = jekyll ? undefined : (inputs.synonymsFile ?? ownSynonymsFile(inputs.settingsFile, inputs.contentDir));
  const synonyms = synonymsFile ? loadSynonyms(synonymsFile) : undefined;
  return modelOf(
    settings,
    inputs.contentDir,
    liquid.pages,
    names.catalog,
    [
      ...settingsProblems,
      ...(jekyll?.diagnostics ?? []),
      ...content.diagnostics,
      ...liquid.diagnostics,
      ...names.diagnostics,
      ...(synonyms?.diagnostics ?? []),
      ...assetProblems(assets),
    ],
    read?.readings,
    jekyll,
    assets,
    inputs.today,
    synonymsFile && synonyms ? { table: synonyms.table, file: synonymsFile } : undefined,
    inputs.navProblems,
  );
}

/** `_data/synonyms.json`, when the content folder is the handbook's own `content/` beside `_data/`. */
function ownSynonymsFile(settingsFile: string, contentDir: string): string | undefined {
  const data = path.dirname(path.resolve(settingsFile));
  return path.resolve(contentDir) === path.join(path.dirname(data), "content") ? path.join(data, "synonyms.json") : undefined;
}

/** What the files the build copies may not carry: script in an SVG (src/security/svg.ts). */
function assetProblems(assets: readonly Asset[]): Diagnostic[] {
  return assets.filter((a) => /\.svg$/i.test(a.from)).flatMap((a) => svgProblems(a.from, fs.readFileSync(a.from, "utf8")));
}

/** What reading the content folder leaves out: its own rule (Jekyll's, or dot and build folders), and the output folder. */
function skipRuleOf(outputDir: string | undefined, own: SkipRule = skipDotAndBuildFolders): SkipRule {
  if (!outputDir) return own;
  const out = path.resolve(outputDir);
  return (file, isDir) => own(file, isDir) || file === out || file.startsWith(out + path.sep) || file.startsWith(`${out}.partial-`);
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
  jekyll?: JekyllSite,
  assets: readonly Asset[] = [],
  today: string = dayOf(new Date()),
  synonyms?: { table: SynonymTable; file: string },
  navProblems: "error" | "warning" = "error",
): SiteModel {
  let md: ReturnType<typeof checkingMarkdown> | undefined;
  const parsed = new Map<string, ParsedPage>();
  const rolePages: RolePage[] = [];
  const ladderPages: LadderPage[] = [];
  const unknown: UnknownName[] = [];
  for (const source of sources) {
    const reading = readings?.get(source.file) ?? readPage((md ??= checkingMarkdown(settings, contentDir)), source, catalog);
    parsed.set(source.file, reading.parsed);
    const read = reading.role;
    if (read) {
      rolePages.push(read.role);
      unknown.push(...read.unknown);
    }
    if (reading.ladder) ladderPages.push(reading.ladder);
  }
  const planned = planDirectory(rolePages, path.resolve(contentDir));
  const { diagnostics: clashes, generated, redirects } = clashesWithGenerated(sources, planned);
  // A generated page has no Markdown; only its heading ids, so links to them are checked.
  for (const g of generated) parsed.set(g.source.file, { links: { anchors: new Set(g.anchors), links: [] }, roleProblems: rolePageProblems(g.source, []), htmlProblems: [] });
  const review = planReviewPage(sources, path.resolve(contentDir));
  const { tree, diagnostics: treeProblems } = buildNavTree([...sources, ...generated.map((g) => g.source), ...(review.page ? [review.page] : [])], {
    navSort: settings.navSort,
    problems: navProblems,
  });
  const { ladders, familyOf, diagnostics: ladderProblems } = indexLadders(ladderPages, tree);
  const roles = indexRoles(rolePages, tree, { generated, unknown, redirects, ladders, familyOf, aliasesOf: catalog.aliasesOf });
  const titleAt = (file: string) => tree.byFile.get(file)?.source.positions.get("title") ?? { line: 1, column: 1 };
  const ownership = resolveOwnership(tree, settings.owners);
  if (review.page) {
    // The Review status page has a section per owner; links to them are checked.
    const anchors = new Set(tree.pages.map((p) => ownerAnchor(ownership.ownerOf(p))));
    parsed.set(review.page.file, { links: { anchors, links: [] }, roleProblems: [], htmlProblems: [] });
  }
  const problems = [
    ...diagnostics,
    ...clashes,
    ...review.diagnostics,
    ...treeProblems,
    ...ladderProblems,
    ...familyProblems(roles.roles, ladders, titleAt),
    ...ownershipProblems(tree, ownership, today),
  ];
  return new SiteModel(settings, path.resolve(contentDir), tree, problems, roles, parsed, jekyll, assets, ownership, today, catalog, synonyms);
}
