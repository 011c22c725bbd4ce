import { describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { parseSource, type SourcePage } from "../../../src/content/page.ts";
import { catalogOf } from "../../../src/roles/names.ts";
import { indexedHtml, SearchIndexer, UNUSED_UI_FILES, writeSearchIndex, type WrittenFile } from "../../../src/search/index.ts";
import { modelOf, type SiteModel } from "../../../src/site/model.ts";
import { settingsSchema } from "../../../src/config/settings.ts";
import { snapshotTree, tempDir } from "../../helpers/site.ts";

const CONTENT = "/site/content";

const page = (relPath: string, frontMatter: string): SourcePage => {
  const parsed = parseSource(`${CONTENT}/${relPath}`, relPath, `---\n${frontMatter}\n---\n# Page\n`);
  if (!parsed.page) throw new Error(`fixture ${relPath} does not parse`);
  return parsed.page;
};

/** A built page as the layout writes it: a sidebar and header around the indexed article, then a footer. */
const builtPage = (title: string, words: string, lang = "en") =>
  `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${title} | Handbook</title></head><body>` +
  `<nav class="sidebar"><a href="/">Home</a> sidebar words: zebra quokka</nav>` +
  `<main><article class="content" data-pagefind-body="true"><div hidden data-pagefind-ignore="index">` +
  `<span data-pagefind-meta="title">${title}</span><span data-pagefind-filter="kind">page</span></div>` +
  `<h1 id="top-heading">${title}</h1><p>${words}</p><h2 id="details">Details</h2><p>More about ${words}.</p></article>` +
  `<footer>footer words: walrus</footer></main></body></html>`;

/** A handbook of `count` pages under one section, with the files a build of it writes. */
function site(count: number): { model: SiteModel; files: WrittenFile[] } {
  const pages = [page("index.md", "title: Home"), page("guides/index.md", "title: Guides")];
  for (let i = 0; i < count; i++) pages.push(page(`guides/guide-${i}.md`, `title: Guide ${i}\nparent: Guides`));
  const model = modelOf(settingsSchema.parse({}), CONTENT, pages, catalogOf({ tools: {}, skills: [] }));
  assert.deepEqual(model.diagnostics, []);
  const files = model.tree.pages.map((p) => ({
    url: p.url,
    outputPath: path.join("/out", p.url, "index.html"),
    content: builtPage(p.source.meta.title ?? p.url, `text of ${p.url} with alpha beta gamma ${p.url.length}`),
  }));
  return { model, files };
}

describe("the part of a page given to Pagefind", () => {
  test("is the indexed article inside the page's own <html lang>, without sidebar, header or footer", () => {
    const html = builtPage("Guide", "searchable words", "de");
    const indexed = indexedHtml(html);
    assert.match(indexed, /^<!doctype html>\s*<html lang="de"><body><article class="content" data-pagefind-body="true">/);
    assert.match(indexed, /searchable words.*<\/article><\/body><\/html>$/);
    assert.doesNotMatch(indexed, /zebra|walrus/);
  });

  test("is the whole page when it has no indexed element, or an article inside the indexed one", () => {
    const plain = "<!doctype html><html><body><p>no marker</p></body></html>";
    assert.equal(indexedHtml(plain), plain);
    const nested = builtPage("Guide", "<article>quoted</article> words");
    assert.equal(indexedHtml(nested), nested);
  });

  test("gives Pagefind the same bundle as the whole pages", async () => {
    const { model, files } = site(12);
    const whole = tempDir();
    const part = tempDir();
    // Whole pages: an indexed element Pagefind has to find among the rest of the page.
    await writeSearchIndex(model, files.map((f) => ({ ...f, content: f.content.replace("<main>", "<main><p>x</p>") })), whole);
    await writeSearchIndex(model, files, part);
    assert.deepEqual(snapshotTree(path.join(whole, "pagefind")), snapshotTree(path.join(part, "pagefind")));
  });

  test("the bundle holds what the handbook's dialog loads, not Pagefind's own interfaces", async () => {
    const { model, files } = site(3);
    const out = tempDir();
    await writeSearchIndex(model, files, out);
    const bundle = [...snapshotTree(path.join(out, "pagefind")).keys()];
    for (const file of ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.en.pagefind"]) assert.ok(bundle.includes(file), file);
    for (const file of UNUSED_UI_FILES) assert.ok(!bundle.includes(file), `${file} is not written`);
  });
});

describe("indexing while the build renders", () => {
  test("pages rendered in any order give the bundle of indexing the written pages afterwards", async () => {
    const { model, files } = site(30);
    const after = tempDir();
    const fed = tempDir();
    await writeSearchIndex(model, files, after);

    const indexer = new SearchIndexer(model);
    const shuffled = [...files].reverse();
    [shuffled[3], shuffled[17]] = [shuffled[17]!, shuffled[3]!];
    for (const file of shuffled) indexer.offer(file.url, file.content);
    const report = await indexer.finish(files, fed);

    assert.equal(report.pages, files.length);
    const bundle = snapshotTree(path.join(fed, "pagefind"));
    assert.ok(bundle.size > 5, "a bundle was written");
    assert.deepEqual(bundle, snapshotTree(path.join(after, "pagefind")));
  });

  test("a page the build wrote but never offered is still indexed, in the same bundle", async () => {
    const { model, files } = site(8);
    const after = tempDir();
    const fed = tempDir();
    await writeSearchIndex(model, files, after);

    const indexer = new SearchIndexer(model);
    for (const file of files.slice(0, -1)) indexer.offer(file.url, file.content);
    const report = await indexer.finish(files, fed);

    assert.equal(report.pages, files.length);
    assert.deepEqual(snapshotTree(path.join(fed, "pagefind")), snapshotTree(path.join(after, "pagefind")));
  });
});
