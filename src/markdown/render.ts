import path from "node:path";
import { slug } from "github-slugger";
import MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import { withBase } from "../content/urls.ts";
import { calloutsPlugin, type CalloutKind } from "./callouts.ts";
import { codeAndTablesPlugin } from "./code.ts";
import { outlinePlugin } from "./toc.ts";

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
}

/** The environment a render is given: Eleventy passes the page's data, of which we read the source path. */
export interface RenderEnv {
  page?: { inputPath?: string };
  /** Leave links as written (the link checker reads them so). */
  keepLinks?: boolean;
}

/** The handbook's Markdown renderer: GitHub-style heading ids, links to .md files rewritten to page URLs. */
export function createMarkdown(context: () => MarkdownContext): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  md.use(anchor, {
    level: [1, 2, 3, 4, 5, 6],
    slugify: (s: string) => slug(s),
    tabIndex: false,
    permalink: anchor.permalink.linkAfterHeader({
      style: "visually-hidden",
      assistiveText: (title: string) => `Link to section “${title}”`,
      visuallyHiddenClass: "visually-hidden",
      class: "heading-anchor",
      symbol: "#",
      wrapper: ['<div class="heading">', "</div>"],
    }),
  });
  calloutsPlugin(md, () => context().callouts ?? {});
  codeAndTablesPlugin(md);
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
  outlinePlugin(md);
  return md;
}

/** Turns a link written in a page into the URL it points to on the built site. */
export function resolveLink(href: string, sourceFile: string | undefined, ctx: MarkdownContext): string {
  if (href === "" || href.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) return href;
  if (href.startsWith("/")) return withBase(ctx.base, href);
  if (!sourceFile) return href;
  const match = /^([^?#]*)([?#].*)?$/.exec(href);
  const target = decodeURI(match?.[1] ?? href);
  const suffix = match?.[2] ?? "";
  const file = path.resolve(path.dirname(sourceFile), target);
  if (/\.(md|markdown)$/i.test(target)) {
    const url = ctx.urlOfFile(file);
    return url === undefined ? href : withBase(ctx.base, url) + suffix;
  }
  const rel = path.relative(ctx.contentDir, file);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return href;
  return withBase(ctx.base, "/" + rel.split(path.sep).map(encodeURIComponent).join("/")) + suffix;
}
