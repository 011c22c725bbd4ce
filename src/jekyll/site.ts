// A Jekyll site as the build sees it: its `_config.yml`, which files Jekyll would build or copy (exclude, include,
// `_` and `.` names), its `_data/`, and Liquid over the pages. Reads files; the rules it applies are pure functions.
import fs from "node:fs";
import path from "node:path";
import { diagnose, type Diagnostic } from "../shared/diagnostics.ts";
import type { SourcePage } from "../content/page.ts";
import { normaliseBase } from "../content/urls.ts";
import { readYaml, NOT_DATA_KEYS } from "../content/yaml.ts";
import { walkFiles } from "../content/files.ts";
import { settingsSchema, type Settings } from "../config/settings.ts";
import { readJekyllConfig, type JekyllConfig } from "./config.ts";
import { githubMetadata, githubWarnings, originRemote, repositoryFromRemote } from "./github.ts";
import { applyLiquid, pageVariable, type LiquidResult } from "./liquid.ts";

/** A Jekyll site being built: its configuration and which of its files are pages, assets or left out. */
export interface JekyllSite {
  /** The `_config.yml` given on the command line (absolute). */
  configFile: string;
  /** The folder holding it: Jekyll's source folder. */
  sourceDir: string;
  /** The content folder (absolute). */
  contentDir: string;
  /** The configuration, mapped. */
  config: JekyllConfig;
  /** Files copied to the site as they are: absolute source path → path below the output folder. */
  staticFiles: Array<{ from: string; to: string }>;
  /** The site paths of those files (`/assets/x.png`), decoded. */
  staticUrls: ReadonlySet<string>;
  /** Folders and files below the content folder that Jekyll leaves out (relative, forward slashes; folders end in /). */
  ignored: string[];
  /** Whether Jekyll leaves a file or folder (absolute path) out. */
  isExcluded(file: string, isDir: boolean): boolean;
  /** Problems with the configuration and the files. */
  diagnostics: Diagnostic[];
}

/** Folders next to a content folder that hold its images and other files. */
const ASSET_FOLDERS = ["assets", "images"];

/**
 * Static files a browser opens as a document of the site's own address, where script in them would run with the
 * handbook's authority: not copied (a page in the site carries the handbook's Content-Security-Policy; these would not).
 */
const ACTIVE_DOCUMENT = /\.(?:html?|xhtml|xht|shtml|xml|xsl|xslt|svgz|mht|mhtml)$/i;

/** Reads a Jekyll site's configuration and lists its files, for a content folder at or below the config's folder. */
export function readJekyllSite(configFile: string, contentDir: string, outputDir?: string): JekyllSite {
  const file = path.resolve(configFile);
  const sourceDir = path.dirname(file);
  const content = path.resolve(contentDir);
  const diagnostics: Diagnostic[] = [];
  let text = "";
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    diagnostics.push(diagnose("error", file, 1, "the Jekyll configuration file cannot be read; check the path given to --jekyll-config"));
  }
  const config = readJekyllConfig(file, text);
  diagnostics.push(...config.diagnostics);
  const jekyllExcluded = jekyllFilter(config, sourceDir);
  // The build's own output folder (and its staging folders), when it sits inside the site, is not part of it.
  const out = outputDir === undefined ? undefined : path.resolve(outputDir);
  const excluded = (full: string, isDir: boolean) =>
    jekyllExcluded(full, isDir) || (out !== undefined && (full === out || full.startsWith(out + path.sep) || full.startsWith(`${out}.partial-`)));

  const staticFiles: JekyllSite["staticFiles"] = [];
  const ignored: string[] = [];
  // One walker for every folder a pull request can change (src/content/files.ts). The content folder's problems are
  // reported by loadContent, which walks it by the same rule; the asset folders beside it are reported here.
  const list = (dir: string, into: string, collect: boolean) => {
    const skip = (full: string, isDir: boolean) => {
      if (!excluded(full, isDir)) return false;
      if (collect) ignored.push(`${path.relative(dir, full).split(path.sep).join("/")}${isDir ? "/" : ""}`);
      return true;
    };
    const listing = walkFiles(dir, skip, collect ? "the content folder" : `the ${into} folder`);
    if (collect) ignored.push(...listing.diagnostics.map((d) => path.relative(dir, d.file).split(path.sep).join("/")));
    else diagnostics.push(...listing.diagnostics);
    for (const rel of listing.files) {
      if (/\.(md|markdown)$/i.test(rel)) continue;
      const full = path.join(dir, rel);
      if (hasFrontMatter(full)) {
        if (/\.html?$/i.test(rel)) {
          diagnostics.push(diagnose("warning", full, 1, "not built: a page written in HTML needs Jekyll's layouts; rewrite it in Markdown to keep it"));
        }
        continue;
      }
      if (ACTIVE_DOCUMENT.test(rel)) {
        diagnostics.push(
          diagnose("warning", full, 1, "not copied: a browser opens this file as a page of the site, where script in it would run unchecked; rewrite it in Markdown, or host it elsewhere"),
        );
        continue;
      }
      staticFiles.push({ from: full, to: into ? `${into}/${rel}` : rel });
    }
  };
  list(content, "", true);
  // Asset folders beside a content folder inside the Jekyll site (e.g. docs/ with assets/ next to it).
  if (content !== sourceDir && isInside(content, sourceDir)) {
    for (const folder of ASSET_FOLDERS) {
      const dir = path.join(sourceDir, folder);
      if (!isInside(dir, content) && fs.existsSync(dir) && !excluded(dir, true)) list(dir, folder, false);
    }
  }
  const staticUrls = new Set(staticFiles.map((f) => `/${f.to}`));
  return { configFile: file, sourceDir, contentDir: content, config, staticFiles, staticUrls, ignored, isExcluded: excluded, diagnostics };
}

/** Whether Jekyll leaves a path out: Jekyll's `exclude` (with its defaults) unless `include`d, then names starting with `.`, `_`, `#` or `~`, or ending with `~`. */
export function jekyllFilter(config: Pick<JekyllConfig, "exclude" | "include">, sourceDir: string): (file: string, isDir: boolean) => boolean {
  const include = [".htaccess", ...config.include];
  const exclude = config.exclude.filter((p) => !include.includes(p));
  return (file, isDir) => {
    const rel = path.relative(sourceDir, file).split(path.sep).join("/");
    const name = path.basename(file);
    const included = matchesAny(include, rel, isDir) || include.includes(name);
    if (!included && matchesAny(exclude, rel, isDir)) return true;
    if (included) return false;
    return /^[._#~]/.test(name) || name.endsWith("~");
  };
}

/** Jekyll's glob_include?: File.fnmatch without flags (`*` crosses `/`), or a plain prefix of the path. */
function matchesAny(patterns: readonly string[], rel: string, isDir: boolean): boolean {
  return patterns.some((pattern) => {
    const p = pattern.replace(/^\.?\/+/, "");
    return fnmatch(p, rel) || rel.startsWith(p) || (isDir && p === `${rel}/`);
  });
}

/** Ruby's File.fnmatch without flags: `*` and `?` match any character (also `/`), `[…]` a class. */
export function fnmatch(pattern: string, text: string): boolean {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") source += ".*";
    else if (c === "?") source += ".";
    else if (c === "\\" && i + 1 < pattern.length) source += `\\${pattern[++i]}`;
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) source += "\\[";
      else {
        source += `[${pattern.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else source += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "s").test(text);
}

function hasFrontMatter(file: string): boolean {
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(5);
    const read = fs.readSync(fd, buffer, 0, 5, 0);
    return /^---\r?\n/.test(buffer.subarray(0, read).toString("latin1"));
  } finally {
    fs.closeSync(fd);
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/**
 * Jekyll's `site` for Liquid: the configuration, `baseurl` empty (the build prefixes URLs), pages, `_data/`, and
 * `site.github` as GitHub Pages gives it (src/jekyll/github.ts).
 */
export function siteVariable(jekyll: JekyllSite, pages: readonly SourcePage[]): { site: Record<string, unknown>; diagnostics: Diagnostic[] } {
  const { data, diagnostics } = readDataFolder(path.join(jekyll.sourceDir, "_data"));
  const list = pages.map((p) => pageVariable(p, jekyll.sourceDir));
  const configured = jekyll.config.site.repository;
  const remote = originRemote(jekyll.sourceDir);
  const github = githubMetadata(typeof configured === "string" && configured.includes("/") ? configured.trim() : remote && repositoryFromRemote(remote));
  diagnostics.push(...githubWarnings(pages, github));
  const site = {
    github,
    ...jekyll.config.site,
    baseurl: "",
    pages: list,
    html_pages: list,
    posts: [],
    data: { ...((jekyll.config.site.data as object | undefined) ?? {}), ...data },
  };
  return { site, diagnostics };
}

/** Renders the pages' Liquid with the site's variables. */
export function renderJekyllLiquid(jekyll: JekyllSite, pages: readonly SourcePage[]): LiquidResult {
  const { site, diagnostics } = siteVariable(jekyll, pages);
  const urls = new Map(pages.map((p) => [p.file, p.url]));
  const result = applyLiquid(pages, { site, sourceDir: jekyll.sourceDir, urlOfFile: (f) => urls.get(f) });
  return { pages: result.pages, diagnostics: [...diagnostics, ...result.diagnostics] };
}

/** Jekyll's `site.data`: every .yml, .yaml and .json file below `_data/`, by file name, folders nesting. */
function readDataFolder(dir: string): { data: Record<string, unknown>; diagnostics: Diagnostic[] } {
  const data: Record<string, unknown> = {};
  if (!fs.existsSync(dir)) return { data, diagnostics: [] };
  const listing = walkFiles(dir, (file) => path.basename(file).startsWith("."), "the _data folder");
  const diagnostics = [...listing.diagnostics];
  for (const rel of listing.files) {
    const ext = path.extname(rel).toLowerCase();
    if (![".yml", ".yaml", ".json"].includes(ext)) continue;
    const full = path.join(dir, rel);
    const keys = [...rel.split("/").slice(0, -1), path.basename(rel, path.extname(rel))];
    const bad = keys.find((k) => NOT_DATA_KEYS.has(k));
    if (bad) {
      diagnostics.push(diagnose("error", full, 1, `"${bad}" cannot name data: it is not data to JavaScript; rename it`));
      continue;
    }
    const value = readDataFile(full, ext);
    diagnostics.push(...value.diagnostics);
    if (value.diagnostics.length > 0) continue;
    let target = data;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[keys.at(-1)!] = value.data;
  }
  return { data, diagnostics };
}

function readDataFile(full: string, ext: string): { data?: unknown; diagnostics: Diagnostic[] } {
  const text = fs.readFileSync(full, "utf8");
  if (ext !== ".json") return readYaml(text, { file: full, line: 1, name: "data file", fix: "fix the YAML in the data file" });
  try {
    return { data: JSON.parse(text), diagnostics: [] };
  } catch (error) {
    return { diagnostics: [diagnose("error", full, 1, `data file is not valid JSON: ${(error as Error).message}`)] };
  }
}

/**
 * The settings of a Jekyll site's build: the handbook's defaults, then what `_config.yml` sets, then the command
 * line. The handbook's own `_data/site.json` describes the handbook, not the site being migrated, so it is not read.
 */
export function jekyllSettings(jekyll: JekyllSite, overrides: Partial<Settings> = {}): { settings: Settings; diagnostics: Diagnostic[] } {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const result = settingsSchema.safeParse({ ...jekyll.config.settings, ...given });
  if (!result.success) {
    const diagnostics = result.error.issues.map((issue) =>
      diagnose("error", jekyll.configFile, 1, `setting ${issue.path.join(".")}: ${issue.message}`),
    );
    return { settings: settingsSchema.parse({}), diagnostics };
  }
  return { settings: { ...result.data, pathPrefix: normaliseBase(result.data.pathPrefix) }, diagnostics: [] };
}
