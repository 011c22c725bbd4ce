import fs from "node:fs";
import { z } from "zod";
import { diagnose, type Diagnostic } from "../shared/diagnostics.ts";
import { normaliseBase, urlPathProblem } from "../content/urls.ts";
import { HANDLE, PERIOD } from "../content/review.ts";
import { readYaml } from "../content/yaml.ts";

const link = z.object({ title: z.string(), url: z.string() });

/** Site settings from `_data/site.json`. */
export const settingsSchema = z.object({
  /** Shown in the header and in every page's <title>. */
  title: z.string().default("Handbook"),
  /** Default description for pages without their own. */
  description: z.string().default(""),
  /** Language of the pages (the html lang attribute). */
  lang: z.string().default("en"),
  /** Folder the site is served from, e.g. "/handbook/" for a GitHub Pages project site. */
  pathPrefix: z
    .string()
    .default("/")
    .superRefine((value, ctx) => {
      const problem = urlPathProblem(value.trim());
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  /** Just the Docs' nav_sort. */
  navSort: z.enum(["case_sensitive", "case_insensitive"]).default("case_sensitive"),
  /** Offer search; false writes no search index and shows no search button (Just the Docs' `search_enabled`). */
  search: z.boolean().default(true),
  /** A "#" link after each heading (Just the Docs' `heading_anchors`). */
  headingAnchors: z.boolean().default(true),
  /**
   * How heading ids are made: GitHub's slugs, or kramdown's as Jekyll makes them (`kramdown-gfm`, Jekyll's default
   * input; `kramdown` for `kramdown: { input: kramdown }`), so a migrated site's #anchor links keep working.
   */
  headingIds: z.enum(["github", "kramdown-gfm", "kramdown"]).default("github"),
  /** kramdown's typography (smart quotes, dashes, ellipses), as Jekyll renders a site's pages; set for a Jekyll site. */
  typography: z.enum(["plain", "kramdown"]).default("plain"),
  /** A "Back to top" link at the end of long pages (Just the Docs' `back_to_top`). */
  backToTop: z.boolean().default(true),
  /** The theme for readers who have not picked one: `auto` follows the operating system (Just the Docs' `color_scheme`). */
  colorScheme: z.enum(["auto", "light", "dark"]).default("auto"),
  /** Where the pages live in the repository, for each page's "Edit this page" link; no link without it. */
  repository: z
    .object({
      /** The repository's web address, e.g. https://github.com/northwind-labs/handbook. */
      url: z.url({ protocol: /^https?$/, error: "must be the repository's https:// address" }),
      /** The branch pull requests go to. */
      branch: z.string().min(1).default("main"),
      /** The folder of the Markdown pages inside the repository. */
      contentPath: z.string().default("content"),
    })
    .optional(),
  /** Links shown at the right of the header. */
  auxLinks: z.array(link).default([]),
  /** Text of the footer. */
  footer: z.string().default(""),
  /**
   * Keep search engines out: robots.txt disallows everything and every page carries `<meta name="robots"
   * content="noindex">`. On by default, as a handbook is usually internal.
   */
  noindex: z.boolean().default(true),
  /**
   * The handbook is meant to be read by anyone on the internet. Off by default: the deploy workflow's Pages guard
   * (`npm run pages-guard`) refuses to publish to a public GitHub Pages site unless this is true.
   */
  public: z.boolean().default(false),
  /** The site's origin (`https://handbook.example.com`), for sitemap.xml, which needs full URLs; none is written without it. */
  url: z
    .string()
    .regex(/^(https?:\/\/[^/?#]+)?$/, "must be an origin such as https://handbook.example.com, without a path")
    .default(""),
  /** How often a page is due for review when neither it nor a page above it says (`review_every`). */
  reviewEvery: z.string().regex(PERIOD, 'must be a period such as "6 months" or "1 year"').default("6 months"),
  /**
   * The GitHub handle of each team pages name as `owner` (`"Dev Team": "@northwind-labs/dev-team"`), for CODEOWNERS and
   * the review issues. A team page may instead give its own handle as its `owner`.
   */
  owners: z
    .record(z.string().min(1), z.string().regex(HANDLE, "must be a GitHub handle such as @northwind-labs/dev-team"))
    .default({}),
  /**
   * Callout kinds, as in Just the Docs' `callouts`: `{: .note }` above a paragraph or block quote. None unless the
   * settings define them, as in Just the Docs: `{: .note }` is then a plain class.
   */
  callouts: z
    .record(
      z.string(),
      z.object({
        title: z.string().optional(),
        color: z.enum(["blue", "green", "yellow", "red", "purple", "grey"]),
      }),
    )
    .default({}),
});

/** Validated site settings. */
export type Settings = z.infer<typeof settingsSchema>;

/** Reads `_data/site.json` (defaults when absent); problems come back as diagnostics. */
export function loadSettings(file: string, overrides: Partial<Settings> = {}): { settings: Settings; diagnostics: Diagnostic[] } {
  let raw: unknown = {};
  let text = "";
  const diagnostics: Diagnostic[] = [];
  if (fs.existsSync(file)) {
    text = fs.readFileSync(file, "utf8");
    try {
      raw = JSON.parse(text);
    } catch (e) {
      const at = jsonErrorPosition(text, (e as Error).message);
      diagnostics.push(diagnose("error", file, at.line, `settings are not valid JSON: ${(e as Error).message}; check the commas and quotes near here`, at.column));
    }
  }
  const result = settingsSchema.safeParse({ ...(raw as object), ...definedOnly(overrides) });
  if (!result.success) {
    // JSON is YAML: the YAML reader tells where each key is, for an error at the key's own line.
    const where = readYaml(text, { file, line: 1, name: "settings", fix: "" });
    for (const issue of result.error.issues) {
      const at = where.at(issue.path.map(String)) ?? { line: 1, column: 1 };
      diagnostics.push(diagnose("error", file, at.line, `setting ${issue.path.join(".")}: ${issue.message}`, at.column));
    }
    return { settings: { ...settingsSchema.parse({}), pathPrefix: "/" }, diagnostics };
  }
  return { settings: { ...result.data, pathPrefix: normaliseBase(result.data.pathPrefix) }, diagnostics };
}

/** Where JSON.parse stopped, from its message's "position N" (Node 20); line 1 when it does not say. */
function jsonErrorPosition(text: string, message: string): { line: number; column: number } {
  const offset = Number(/position (\d+)/.exec(message)?.[1] ?? NaN);
  if (!Number.isInteger(offset)) return { line: 1, column: 1 };
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The <html> attributes that give a page the site's own theme before the reader picks one (none for `auto`). */
export function themeAttributes(settings: Pick<Settings, "colorScheme">): Record<string, string> {
  return settings.colorScheme === "auto" ? {} : { "data-theme": settings.colorScheme, "data-default-theme": settings.colorScheme };
}
