// The plugins GitHub Pages always runs, which a site published there relies on without naming them:
// jekyll-optional-front-matter (a Markdown file needs no front matter to be a page, except README, LICENSE and the
// like), jekyll-readme-index (a README without front matter is its folder's index when the folder has none; one with
// front matter is a page of its own at its own URL) and jekyll-titles-from-headings (a page without a title takes
// the heading it starts with). jekyll-relative-links and jekyll-default-layout need nothing here: links to .md files
// are rewritten for every site, and every page has the handbook's layout. Pure: it is given the pages as read.
import path from "node:path";
import MarkdownIt from "markdown-it";
import type { Asset } from "../content/load.ts";
import type { SourcePage } from "../content/page.ts";
import { pageUrl } from "../content/urls.ts";
import { inlineText } from "../markdown/text.ts";

/** Files jekyll-optional-front-matter leaves alone when they have no front matter. */
const NOT_PAGES = /^(readme|licen[cs]e|copying|code_of_conduct|contributing|issue_template|pull_request_template)\.(md|markdown)$/i;

/** A heading at the very start of the page (after blank lines), as jekyll-titles-from-headings reads it: # to ###, or setext. */
const LEADING_HEADING = /^\s*(?:#{1,3}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*|(.+)\r?\n[-=]+[ \t]*)$/m;

/** Whether the file had front matter: its body starts after it. */
function hasFrontMatter(page: SourcePage): boolean {
  return page.bodyLine > 1;
}

/** The pages GitHub Pages would build from these, and the files it copies as they are instead. */
export function applyGithubPagesPlugins(pages: readonly SourcePage[]): { pages: SourcePage[]; copied: Asset[] } {
  const kept: SourcePage[] = [];
  const copied: Asset[] = [];
  for (const page of pages) {
    const name = path.posix.basename(page.relPath);
    const isReadme = /^readme\./i.test(name);
    const asIndex = page.url !== pageUrl(page.relPath, page.meta.permalink);
    if (NOT_PAGES.test(name) && !hasFrontMatter(page) && !(isReadme && asIndex)) {
      copied.push({ from: page.file, to: page.relPath });
      continue;
    }
    // A README with front matter is an ordinary page: jekyll-readme-index only makes one without front matter the index.
    const url = isReadme && hasFrontMatter(page) ? pageUrl(page.relPath, page.meta.permalink) : page.url;
    const title = page.meta.title === undefined ? titleFromHeading(page.body) : undefined;
    kept.push(url === page.url && title === undefined ? page : { ...page, url, meta: title === undefined ? page.meta : { ...page.meta, title } });
  }
  return { pages: kept, copied };
}

let inline: MarkdownIt | undefined;

/** The text of the heading a page starts with, its Markdown dropped, as jekyll-titles-from-headings takes it. */
export function titleFromHeading(body: string): string | undefined {
  const m = LEADING_HEADING.exec(body);
  if (!m || m.index !== 0) return undefined;
  const written = (m[1] ?? m[2] ?? "").replace(/[ \t]+\{[:#][^}]*\}[ \t]*$/, "").trim();
  if (written === "") return undefined;
  inline ??= new MarkdownIt({ html: true });
  const tokens = inline.parseInline(written, {});
  const text = inlineText(tokens[0]?.children ?? null, { html: false }).replace(/\s+/g, " ").trim();
  return text || undefined;
}
