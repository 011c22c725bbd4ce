// A Just the Docs site's `_config.yml`: parsed into Jekyll's `site` variable for Liquid, and mapped onto the
// handbook's settings where a key means something here. Pure: it is given the file's text and returns data and
// diagnostics; src/jekyll/site.ts reads the file.
import { Parser } from "htmlparser2";
import { diagnose, type Diagnostic } from "../shared/diagnostics.ts";
import { urlPathProblem } from "../content/urls.ts";
import { readYaml } from "../content/yaml.ts";
import type { Settings } from "../config/settings.ts";

/** How the old site's URLs were formed: Jekyll's `permalink` setting, which relative links were written against. */
export type PermalinkStyle = "pretty" | "html";

/** The parts of a Jekyll configuration the build uses. */
export interface JekyllConfig {
  /** The configuration as parsed: Jekyll's `site` variable (before the build adds pages and data). */
  site: Record<string, unknown>;
  /** Handbook settings the configuration sets; command-line options still win over them. */
  settings: Partial<Settings>;
  /** `permalink: pretty` gave the old site folder URLs (`/docs/a/`); otherwise they were `/docs/a.html`. */
  permalink: PermalinkStyle;
  /** Jekyll's `exclude` patterns, Jekyll's defaults included. */
  exclude: string[];
  /** Jekyll's `include` patterns: names to build although they start with `.` or `_`. */
  include: string[];
  /** Mistakes (errors) and keys that have no effect here (warnings), at their line in the file. */
  diagnostics: Diagnostic[];
}

/** Jekyll 4's default `exclude` list, always merged with the site's own. */
export const JEKYLL_DEFAULT_EXCLUDES = [
  ".sass-cache",
  ".jekyll-cache",
  "gemfiles",
  "Gemfile",
  "Gemfile.lock",
  "node_modules",
  "vendor/bundle/",
  "vendor/cache/",
  "vendor/gems/",
  "vendor/ruby/",
];

/** Just the Docs' callout colours (`$blue-000` …) onto the handbook's six. */
const CALLOUT_COLORS: Record<string, NonNullable<Settings["callouts"]>[string]["color"]> = {
  blue: "blue",
  green: "green",
  yellow: "yellow",
  red: "red",
  purple: "purple",
  grey: "grey",
  "grey-lt": "grey",
  "grey-dk": "grey",
};

/**
 * Just the Docs keys that change nothing here, with the reason shown to whoever migrates. Jekyll's own machinery
 * (theme, plugins, markdown, sass, …) is not listed: it has no counterpart to miss.
 */
const UNSUPPORTED: Record<string, string> = {
  logo: "the header shows the site title only",
  favicon_ico: "the handbook ships its own icon",
  last_edit_timestamp: "pages show their last commit date (or last_modified_date) already",
  last_edit_time_format: "dates are shown in one format",
  gh_edit_link_text: "the link reads “Edit this page”",
  gh_edit_view_mode: "edit links always open GitHub's editor",
  aux_links_new_tab: "header links open in the same tab",
  nav_external_links: "the sidebar lists pages only",
  callouts_level: "callouts have one style, in light and dark",
  callouts_opacity: "callouts have one style, in light and dark",
  ga_tracking: "the handbook loads no third-party scripts",
  ga_tracking_anonymize_ip: "the handbook loads no third-party scripts",
  mermaid: "diagrams are not rendered; mermaid code blocks show as code",
  enable_copy_code_button: "code blocks always have a copy button",
  search: "search is Pagefind's, over the whole page text; its options do not apply",
  search_tokenizer_separator: "search is Pagefind's; its options do not apply",
  just_the_docs: "collections are not built; only pages are",
  collections: "collections are not built; only pages are",
  defaults: "front matter defaults are not applied; put the keys in each page",
  nav_enabled: "the sidebar is on for every page unless a page says nav_enabled: false",
  nav_fold_icon: "the sidebar's look is the handbook's",
  back_to_top_text: "the link reads “Back to top”",
};

/** Reads a `_config.yml`; `file` is only used to place diagnostics. Never throws for a content mistake. */
export function readJekyllConfig(file: string, text: string): JekyllConfig {
  const diagnostics: Diagnostic[] = [];
  const config: JekyllConfig = {
    site: {},
    settings: {},
    permalink: "html",
    exclude: [...JEKYLL_DEFAULT_EXCLUDES],
    include: [],
    diagnostics,
  };
  const read = readYaml(text, {
    file,
    line: 1,
    name: "_config.yml",
    fix: "fix the YAML in _config.yml",
  });
  diagnostics.push(...read.diagnostics);
  const data = read.data;
  if (data === undefined || data === null) return config;
  if (typeof data !== "object" || Array.isArray(data)) {
    diagnostics.push(
      diagnose("error", file, 1, "_config.yml must be a list of `key: value` lines"),
    );
    return config;
  }
  const site = data as Record<string, unknown>;
  config.site = site;
  const at = (...keyPath: string[]) => read.at(keyPath) ?? { line: 1, column: 1 };
  const problem = (severity: Diagnostic["severity"], keyPath: string[], message: string) => {
    const where = at(...keyPath);
    diagnostics.push(diagnose(severity, file, where.line, message, where.column));
  };
  const settings = config.settings;

  readSiteText(site, settings, problem);
  readAuxLinks(site, settings, problem);
  readSwitches(site, settings, problem);
  readCallouts(site, settings, problem);
  readEditLink(site, settings, problem);

  const permalink = site.permalink;
  config.permalink =
    permalink === "pretty" || (typeof permalink === "string" && permalink.endsWith("/"))
      ? "pretty"
      : "html";

  const kramdown = site.kramdown as { input?: unknown } | undefined;
  const input = kramdown && typeof kramdown === "object" ? String(kramdown.input ?? "GFM") : "GFM";
  settings.headingIds = input.toLowerCase() === "kramdown" ? "kramdown" : "kramdown-gfm";
  // kramdown renders quotes, dashes and ellipses typographically (its `smart_quotes` and typographic symbols).
  settings.typography = "kramdown";

  for (const key of ["exclude", "include"] as const) {
    const value = site[key];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
      problem("error", [key], `${key} must be a list of file and folder names`);
      continue;
    }
    config[key].push(...(value as string[]));
  }

  for (const [key, reason] of Object.entries(UNSUPPORTED)) {
    if (site[key] === undefined || site[key] === null || site[key] === false) continue;
    problem("warning", [key], `${key} has no effect here: ${reason}`);
  }
  return config;
}

/** Places a problem at a key of `_config.yml`. */
type Problem = (severity: Diagnostic["severity"], keyPath: string[], message: string) => void;
type Site = Record<string, unknown>;
type SiteSettings = JekyllConfig["settings"];

/** title, description, lang, footer_content, baseurl and url. */
function readSiteText(site: Site, settings: SiteSettings, problem: Problem): void {
  for (const key of ["title", "description", "lang"] as const) {
    const value = site[key];
    if (value === undefined || value === null) continue;
    if (typeof value === "object") problem("error", [key], `${key} must be text`);
    else settings[key] = String(value);
  }

  // Just the Docs' footer_content is HTML; the handbook's footer is text, so the markup is dropped.
  if (typeof site.footer_content === "string") settings.footer = htmlToText(site.footer_content);

  const baseurl = site.baseurl;
  if (typeof baseurl === "string" && baseurl.trim() !== "") {
    const unsafe = urlPathProblem(baseurl.trim());
    if (unsafe) problem("error", ["baseurl"], `baseurl ${JSON.stringify(baseurl)} ${unsafe}`);
    else settings.pathPrefix = baseurl.trim();
  }

  if (typeof site.url === "string" && site.url.trim() !== "") {
    const origin = site.url.trim().replace(/\/+$/, "");
    if (/^https?:\/\/[^/?#]+$/.test(origin)) settings.url = origin;
    else
      problem(
        "warning",
        ["url"],
        `url "${site.url}" is not an origin such as https://docs.example.com; sitemap.xml is not written`,
      );
  }
}

/** aux_links: the header's links. */
function readAuxLinks(site: Site, settings: SiteSettings, problem: Problem): void {
  const auxLinks = site.aux_links;
  if (auxLinks !== undefined && auxLinks !== null) {
    if (typeof auxLinks !== "object" || Array.isArray(auxLinks)) {
      problem(
        "error",
        ["aux_links"],
        'aux_links must map each link\'s text to its address, e.g. "Source": ["https://github.com/org/repo"]',
      );
    } else {
      settings.auxLinks = [];
      for (const [title, value] of Object.entries(auxLinks as Record<string, unknown>)) {
        const url = Array.isArray(value) ? value[0] : value;
        if (typeof url !== "string" || url.trim() === "") {
          problem(
            "error",
            ["aux_links", title],
            `aux_links "${title}" must have an address, e.g. ["https://example.com"]`,
          );
          continue;
        }
        settings.auxLinks.push({ title, url: url.trim() });
      }
    }
  }
}

/** nav_sort, heading_anchors, search_enabled, back_to_top and color_scheme. */
function readSwitches(site: Site, settings: SiteSettings, problem: Problem): void {
  const navSort = site.nav_sort;
  if (navSort !== undefined && navSort !== null) {
    if (navSort === "case_sensitive" || navSort === "case_insensitive") settings.navSort = navSort;
    else
      problem(
        "error",
        ["nav_sort"],
        `nav_sort must be case_sensitive or case_insensitive, not "${String(navSort)}"`,
      );
  }

  for (const [key, setting] of [
    ["heading_anchors", "headingAnchors"],
    ["search_enabled", "search"],
    ["back_to_top", "backToTop"],
  ] as const) {
    const value = site[key];
    if (value === undefined || value === null) continue;
    if (typeof value === "boolean") settings[setting] = value;
    else problem("error", [key], `${key} must be true or false, not ${JSON.stringify(value)}`);
  }

  const scheme = site.color_scheme;
  if (scheme === "light" || scheme === "dark") settings.colorScheme = scheme;
  else if (scheme !== undefined && scheme !== null && scheme !== "nil") {
    problem(
      "warning",
      ["color_scheme"],
      `color_scheme "${String(scheme)}" has no effect here: only light and dark exist; readers get their system's`,
    );
  }
}

/** callouts: the site's own callout kinds (Just the Docs has none without them). */
function readCallouts(site: Site, settings: SiteSettings, problem: Problem): void {
  const callouts = site.callouts;
  // Just the Docs has no callout kinds of its own: without `callouts`, `{: .note }` is a plain class.
  if (callouts === undefined || callouts === null) settings.callouts = {};
  else {
    if (typeof callouts !== "object" || Array.isArray(callouts)) {
      problem(
        "error",
        ["callouts"],
        "callouts must map each callout's class to its title and color, e.g. note: { title: Note, color: blue }",
      );
    } else {
      const kinds: NonNullable<Settings["callouts"]> = {};
      for (const [name, value] of Object.entries(callouts as Record<string, unknown>)) {
        const kind = (value ?? {}) as { title?: unknown; color?: unknown };
        let color = CALLOUT_COLORS[String(kind.color ?? "")];
        if (!color) {
          const where = kind.color === undefined ? [name] : [name, "color"];
          const choose = `one of ${Object.keys(CALLOUT_COLORS).join(", ")}`;
          if (kind.color === undefined) {
            problem("error", ["callouts", ...where], `callout "${name}" needs a color: ${choose}`);
            continue;
          }
          // A colour the site's own Sass defines (`$calloutsgreen`): the handbook has no such colour, so grey.
          problem(
            "warning",
            ["callouts", ...where],
            `callout "${name}" color "${String(kind.color)}" is not one of ${Object.keys(CALLOUT_COLORS).join(", ")}; it is shown grey`,
          );
          color = "grey";
        }
        kinds[name] =
          kind.title === undefined || kind.title === null
            ? { color }
            : { title: String(kind.title), color };
      }
      settings.callouts = kinds;
    }
  }
}

/** gh_edit_link and its repository, branch and source folder: each page's "Edit this page" link. */
function readEditLink(site: Site, settings: SiteSettings, problem: Problem): void {
  if (site.gh_edit_link === true) {
    const repository = site.gh_edit_repository;
    if (typeof repository !== "string" || !/^https?:\/\//.test(repository)) {
      problem(
        "warning",
        ["gh_edit_link"],
        "gh_edit_link needs gh_edit_repository, the repository's https:// address; pages have no edit link",
      );
    } else {
      const branch =
        typeof site.gh_edit_branch === "string" && site.gh_edit_branch !== ""
          ? site.gh_edit_branch
          : "main";
      const source =
        typeof site.gh_edit_source === "string"
          ? site.gh_edit_source.replace(/^\/+|\/+$/g, "")
          : "";
      settings.repository = { url: repository.replace(/\/+$/, ""), branch, contentPath: source };
    }
  }
}

/** The text of a snippet of HTML, as htmlparser2 reads it: tags dropped, entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  let text = "";
  const parser = new Parser({ ontext: (part) => void (text += part) }, { decodeEntities: true });
  parser.end(html);
  return text.replace(/\s+/g, " ").trim();
}
