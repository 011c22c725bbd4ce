// Reading one page: its Markdown parsed once, and what the link check, the role-page rule, the raw-HTML rule and the
// roles keep of it. Pure: the same page always gives the same reading.
import path from "node:path";
import type Token from "markdown-it/lib/token.mjs";
import type { Diagnostic } from "../shared/diagnostics.ts";
import type { SourcePage } from "../content/page.ts";
import { scanPage, type PageLinks } from "../links/check.ts";
import { rawHtmlProblems } from "../markdown/raw-html.ts";
import { createMarkdown, type MarkdownContext, type RenderEnv } from "../markdown/render.ts";
import { firstParagraph } from "../markdown/summary.ts";
import { OUTLINE_RULE } from "../markdown/toc.ts";
import { readRole, type RolePage, type UnknownName } from "../roles/extract.ts";
import { readLadder, type LadderPage } from "../roles/ladders.ts";
import type { NameCatalog } from "../roles/names.ts";
import { checkRolePage, isRolePage, sectionsOf, type Section } from "../roles/sections.ts";
import type { Settings } from "../config/settings.ts";

/**
 * What the checks keep of a page's Markdown, read once per build (links as written). Not its tokens, nor its
 * sections: holding every page's tokens, then its sections, until the end made garbage collection, the largest costs of checking a big handbook.
 */
export interface ParsedPage {
  /** Its heading ids and the links it writes. */
  links: PageLinks;
  /** What the role-page rule finds wrong with it; nothing for a page that is not a role page. */
  roleProblems: Diagnostic[];
  /** What its raw HTML may not carry (script, frames, event handlers, data-pagefind-* …): src/markdown/raw-html.ts. */
  htmlProblems: Diagnostic[];
  /** Its first paragraph as plain text (src/markdown/summary.ts), for its meta description. */
  firstParagraph?: string | undefined;
}

/** What reading one page gives: its parse, and what it says when it is a role page or a career ladder. */
export interface PageReading {
  parsed: ParsedPage;
  role?: { role: RolePage; unknown: UnknownName[] };
  ladder?: LadderPage;
}

/** The settings reading a page depends on. */
export type ReadingSettings = Pick<Settings, "pathPrefix" | "callouts" | "headingIds" | "typography">;

/**
 * The renderer's parser, for reading pages: the same configuration (createMarkdown), links left as written, so no
 * page URLs are needed yet, and no "#" links after headings (markup, linking each heading to itself).
 */
export function checkingMarkdown(settings: ReadingSettings, contentDir: string) {
  // One context for every page (the renderer asks for it several times a page).
  const context: MarkdownContext = {
    headingAnchors: false,
    contentDir: path.resolve(contentDir),
    base: settings.pathPrefix,
    urlOfFile: () => undefined,
    callouts: settings.callouts,
    headingIds: settings.headingIds,
    typography: settings.typography,
  };
  const md = createMarkdown(() => context);
  // The page outline (contents, word count) is for the layout: it only writes to the render environment, never to
  // the tokens, so leaving it out cannot make the checker read a page otherwise than the renderer.
  md.core.ruler.disable(OUTLINE_RULE, true);
  return md;
}

/** A page's Markdown tokens, parsed with links as written. */
export function parseTokens(md: ReturnType<typeof createMarkdown>, source: SourcePage): Token[] {
  const env: RenderEnv = { page: { inputPath: source.file }, keepLinks: true };
  return md.parse(source.body, env);
}

/** The role-page rule's findings on a page with these sections; nothing for a page that is not a role page. */
export function rolePageProblems(source: SourcePage, sections: Section[]): Diagnostic[] {
  return isRolePage(source, sections) ? checkRolePage(source, sections) : [];
}

/** Parses a page once and reads what it offers: links and anchors, the role-page rule's findings, its role or ladder. */
export function readPage(md: ReturnType<typeof createMarkdown>, source: SourcePage, catalog: NameCatalog): PageReading {
  const tokens = parseTokens(md, source);
  const sections = sectionsOf(tokens, source);
  const parsed: ParsedPage = { links: scanPage(tokens, source), roleProblems: rolePageProblems(source, sections), htmlProblems: rawHtmlProblems(tokens, source), firstParagraph: firstParagraph(tokens) };
  const role = readRole(source, tokens, sections, catalog);
  const ladder = readLadder(source, tokens);
  return { parsed, ...(role && { role }), ...(ladder && { ladder }) };
}

