import path from "node:path";
import { slug } from "github-slugger";
import MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import deflist from "markdown-it-deflist";
import { withBase, withoutBase } from "../content/urls.ts";
import { hasScheme, isSchemeRelative, safeDecodeURI } from "../shared/hrefs.ts";
import { calloutsPlugin, type CalloutKind } from "./callouts.ts";
import { codeAndTablesPlugin } from "./code.ts";
import { footnotesPlugin } from "./footnotes.ts";
import { kramdownPlugin, type HeadingIdStyle } from "./kramdown.ts";
import { nameLinksPlugin } from "./name-links.ts";
import { rawHtmlPlugin } from "./raw-html.ts";
import { outlinePlugin } from "./toc.ts";
import { typographyPlugin } from "./typography.ts";

/** What rendering needs to know about the site it renders into. */
export interface MarkdownContext {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Path prefix applied to site URLs. */
  base: string;
  /** The URL of the page built from a Markdown file (absolute path), if there is one. */
  urlOfFile(file: string): string | undefined;
  /** Callout kinds by class name (`{: .note }`), from the site settings. */
  callouts?: Record<string, CalloutKind>;
  /** How heading ids are made; GitHub's slugs unless the site says otherwise (a Jekyll site: kramdown's). */
  headingIds?: HeadingIdStyle;
  /** A "#" link after each heading (default true). */
  headingAnchors?: boolean;
  /** kramdown's typography (smart quotes, dashes, ellipses), as Jekyll rendered the site's pages; none by default. */
  typography?: "plain" | "kramdown";
  /** The URL of the page a site path names, also written without its slash or as .html (`/a`, `/a.html` → `/a/`). */
  pageAt?(url: string): string | undefined;
  /** The path prefix the pages' own site paths were written with (a Jekyll site's `baseurl`), taken off before `base` is added. */
  writtenBase?: string;
  /** Where a relative link to something other than a Markdown file points, when the site has its own rule (Jekyll's). */
  resolveRelative?(href: string, sourceFile: string): string | undefined;
}

/** The environment a render is given: Eleventy passes the page's data, of which we read the source path. */
export interface RenderEnv {
  page?: { inputPath?: string };
  /** Leave links as written (the link checker reads them so). */
  keepLinks?: boolean;
}

const linkAfterHeader = anchor.permalink.linkAfterHeader({
  style: "visually-hidden",
  assistiveText: (title: string) => `Link to section “${title}”`,
  visuallyHiddenClass: "visually-hidden",
  class: "heading-anchor",
  symbol: "#",
  wrapper: ['<div class="heading">', "</div>"],
});

/**
 * The handbook's Markdown configuration, the one the checker and the renderer both build (src/site/page-reading.ts,
 * src/site/markdown.ts): CommonMark with tables, indented code, footnotes and definition lists, the kramdown habits
 * of Just the Docs sites, GitHub-style heading ids, links to .md files rewritten to page URLs.
 */
export function createMarkdown(context: () => MarkdownContext): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  footnotesPlugin(md);
  md.use(deflist);
  md.use(anchor, {
    level: [1, 2, 3, 4, 5, 6],
    slugify: (s: string) => slug(s),
    tabIndex: false,
    permalink: (slug, opts, state, index) => {
      if (context().headingAnchors !== false) linkAfterHeader(slug, opts, state, index);
    },
  });
  calloutsPlugin(md, () => context().callouts ?? {});
  kramdownPlugin(md, () => ({ callouts: context().callouts ?? {}, headingIds: context().headingIds ?? "github" }));
  codeAndTablesPlugin(md);
  typographyPlugin(md, "kramdown_heading_ids", () => context().typography === "kramdown");
  rawHtmlPlugin(md);
  md.core.ruler.push("handbook_links", (state) => {
    const env = state.env as RenderEnv;
    if (env.keepLinks) return;
    const source = env.page?.inputPath ? path.resolve(env.page.inputPath) : undefined;
    const ctx = context();
    const rewrite = (token: { attrGet(n: string): string | null; attrSet(n: string, v: string): void }, attr: string) => {
      const value = token.attrGet(attr);
      if (value !== null) token.attrSet(attr, resolveLink(value, source, ctx));
    };
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      for (const token of block.children) {
        if (token.type === "link_open") rewrite(token, "href");
        else if (token.type === "image") rewrite(token, "src");
      }
    }
  });
  nameLinksPlugin(md);
  outlinePlugin(md);
  return md;
}

/**
 * Turns a link written in a page into the URL it points to on the built site. An href a browser reads as another
 * host's (`//host`, `/\host`, also once markdown-it has encoded the backslash) is not a site path: left as written.
 */
export function resolveLink(href: string, sourceFile: string | undefined, ctx: MarkdownContext): string {
  if (href === "" || href.startsWith("#") || hasScheme(href) || isSchemeRelative(safeDecodeURI(href))) return href;
  const match = /^([^?#]*)([?#].*)?$/.exec(href);
  if (href.startsWith("/")) {
    const sitePath = withoutBase(ctx.writtenBase, href);
    const page = ctx.pageAt?.(safeDecodeURI(/^[^?#]*/.exec(sitePath)![0]));
    return page === undefined ? withBase(ctx.base, sitePath) : withBase(ctx.base, page) + (match?.[2] ?? "");
  }
  if (!sourceFile) return href;
  const target = safeDecodeURI(match?.[1] ?? href);
  const suffix = match?.[2] ?? "";
  const file = path.resolve(path.dirname(sourceFile), target);
  if (/\.(md|markdown)$/i.test(target)) {
    const url = ctx.urlOfFile(file);
    return url === undefined ? href : withBase(ctx.base, url) + suffix;
  }
  const own = ctx.resolveRelative?.(href, sourceFile);
  if (own !== undefined) return withBase(ctx.base, own);
  const rel = path.relative(ctx.contentDir, file);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return href;
  return withBase(ctx.base, "/" + rel.split(path.sep).map(encodeURIComponent).join("/")) + suffix;
}
