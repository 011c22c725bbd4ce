import { z } from "zod";
import { DAY, dayOf, HANDLE, isCalendarDay, PERIOD } from "./review.ts";

/** An owner: a team's name (anything not starting with "@"), or a GitHub handle. */
const OWNER = new RegExp(`^(?:[^@][\\s\\S]*|${HANDLE.source.slice(1, -1)})$`);

// YAML reads `title: 2024` as a number and `title: 2024-03-15` as a date; Jekyll shows both as written.
const text = z
  .union([z.string(), z.number(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)));
const flag = z.boolean();

/**
 * Front matter a handbook page may carry: Just the Docs' keys plus the Jekyll ones it uses.
 * One schema: it validates at the boundary, yields the `FrontMatter` type and the editor JSON Schema.
 * Keys it does not know pass through untouched, since handbooks carry their own.
 */
export const frontMatterSchema = z
  .object({
    title: text.optional().describe("Page title; required for the page to be in the navigation and search."),
    parent: text.optional().describe("Title of the parent page."),
    grand_parent: text.optional().describe("Title of the parent's parent; tells apart parents that share a title."),
    ancestor: text.optional().describe("Title of any page higher up; tells apart parents that share a title."),
    nav_order: z
      .union([z.number(), z.string()])
      .optional()
      .describe("Order among siblings: numbers first (ascending), then text, then pages without one (by title)."),
    child_nav_order: z
      .enum(["reversed", "desc"])
      .optional()
      .describe("`reversed` lists this page's children in reverse order (`desc` is the old spelling)."),
    has_children: flag.optional().describe("`false` hides this page's children from the sidebar."),
    has_toc: flag.optional().describe("`false` hides the list of child pages at the bottom of this page."),
    nav_exclude: flag.optional().describe("`true` leaves the page out of the sidebar; it stays reachable."),
    search_exclude: flag.optional().describe("`true` leaves the page out of the search index."),
    nav_enabled: flag.optional().describe("`false` hides the sidebar on this page."),
    summary: text.optional().describe("One line shown after the link to this page in its parent's child list."),
    description: text.optional().describe("One sentence for search engines and link previews."),
    permalink: z
      .string()
      .optional()
      .describe("URL of the page, e.g. /teams/ (defaults to the file's path)."),
    layout: z
      .enum(["default", "page", "home", "minimal"])
      .optional()
      .describe("Layout; Just the Docs' page layouts render with the handbook layout, `minimal` without the sidebar."),
    last_modified_date: z
      // YAML reads an unquoted 2024-03-15 as a date; a quoted one stays text, and so may one with a time of day.
      .union([z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([ T].*)?$/), z.date()])
      .optional()
      .describe("The 'Last updated' date shown on the page, YYYY-MM-DD; overrides the date of the page's last commit."),
    kind: text.optional().describe("What the page is (role, team, process, policy, …); a role page may say `kind: role`."),
    owner: z
      .string()
      .trim()
      .min(1)
      .regex(OWNER)
      .optional()
      .describe("Who keeps the page right: a team's title (Dev Team) or a GitHub handle (@northwind-labs/platform); without it, the nearest ancestor's."),
    last_reviewed: z
      .union([z.string().regex(DAY).refine(isCalendarDay), z.date()])
      .transform((v) => (v instanceof Date ? dayOf(v) : v))
      .optional()
      .describe("The day the owner last checked the whole page was still right, YYYY-MM-DD."),
    review_every: z
      .string()
      .regex(PERIOD)
      .optional()
      .describe("How often the page is due for review, e.g. 6 months or 1 year; without it, the nearest ancestor's, else the site's."),
  })
  .loose();

/**
 * Keys that are Eleventy's data or the build's own, never a page's: Eleventy's special keys (its config `keys`:
 * permalinkBypassOutputDir, templateEngineOverride, eleventyComputed, eleventyDataSchema; pagination,
 * dynamicPermalink, renderData and every key starting with "eleventy"), its reserved data (page, content,
 * collections, pkg) and the handbook's global data (handbook). `layout` and `permalink` are Just the Docs keys the
 * schema checks; `tags` and `date` are ordinary Jekyll keys.
 */
const BUILD_KEYS: ReadonlySet<string> = new Set([
  "templateEngineOverride",
  "permalinkBypassOutputDir",
  "pagination",
  "dynamicPermalink",
  "renderData",
  "page",
  "content",
  "collections",
  "pkg",
  "handbook",
]);

/** Whether a front-matter key is Eleventy's or the build's own data, which no page may set. */
export function isBuildKey(key: string): boolean {
  return BUILD_KEYS.has(key) || /^eleventy/i.test(key);
}

/** Validated front matter of one page. */
export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** Every front-matter key the handbook understands. */
export const knownKeys: readonly string[] = Object.keys(frontMatterSchema.shape);

/** The JSON Schema editors use to complete keys and flag typos (generated, never hand-written). */
export function frontMatterJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(frontMatterSchema, {
    io: "input",
    unrepresentable: "any",
    // In a YAML file an unquoted 2024-03-15 is a date; to a JSON Schema validator it is a string.
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === "date") Object.assign(ctx.jsonSchema, { type: "string", format: "date" });
    },
  }) as Record<string, unknown>;
}

/** What a key takes, in words, where its type alone does not say it (a pattern, a refinement). */
const EXPECTED: Record<string, string> = {
  owner: "a team's title or a GitHub handle such as @northwind-labs/platform",
  last_reviewed: "a date (YYYY-MM-DD)",
  review_every: 'a period such as "6 months" or "1 year" (days, weeks, months or years)',
};

/** Says in words what a key's value must be, read off the schema itself. */
export function expectationFor(key: string): string {
  const field = (frontMatterSchema.shape as Record<string, z.ZodType>)[key];
  return EXPECTED[key] ?? (field ? describeType(field) : "a valid value");
}

function describeType(type: z.ZodType): string {
  if (type instanceof z.ZodOptional) return describeType(type.unwrap() as z.ZodType);
  if (type instanceof z.ZodBoolean) return "true or false";
  if (type instanceof z.ZodEnum) return `one of ${type.options.map((o) => `"${String(o)}"`).join(", ")}`;
  if (type instanceof z.ZodPipe) return "text";
  if (type instanceof z.ZodString) return "text";
  if (type instanceof z.ZodUnion) {
    const parts = (type.options as z.ZodType[]).map(describeType);
    if (parts.includes("a date")) return "a date (YYYY-MM-DD)";
    return parts.includes("a number") ? "a number or text" : "text";
  }
  if (type instanceof z.ZodNumber) return "a number";
  if (type instanceof z.ZodDate) return "a date";
  return "a valid value";
}
