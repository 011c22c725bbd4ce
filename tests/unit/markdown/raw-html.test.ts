import assert from "node:assert/strict";
import { test } from "node:test";
import * as cheerio from "cheerio";
import { parseSource, type SourcePage } from "../../../src/content/page.ts";
import { createMarkdown } from "../../../src/markdown/render.ts";
import { modelOf } from "../../../src/site/model.ts";
import { settingsSchema } from "../../../src/config/settings.ts";
import { validateContent } from "../../../src/site/validate.ts";
import { formatted } from "../fixtures.ts";

/** content/page.md with its title on line 2; the body starts on line 4. */
const page = (body: string): SourcePage => parseSource("/site/content/page.md", "page.md", `---\ntitle: Page\n---\n${body}`).page!;

/** What `npm run check` says about a handbook of that one page. */
const check = (body: string) => formatted(validateContent(modelOf(settingsSchema.parse({}), "/site/content", [page(body)])));

const md = createMarkdown(() => ({ contentDir: "/site/content", base: "/", urlOfFile: () => undefined }));
const render = (body: string) => md.render(body, { page: { inputPath: "/site/content/page.md" } });

test("raw HTML that runs script, embeds, redirects or steers search is an error at its line and column", () => {
  const body = [
    "# Page", // 4
    "",
    '<script src="/files/guide.pdf"></script>', // 6
    "",
    'Text <img src=x onerror=alert(1)> and <span data-pagefind-filter="team:Evil">x</span>.', // 8
    "",
    '> <meta http-equiv="refresh" content="0;url=https://evil.example">', // 10
    "",
    '- item <a href="javascript:alert(1)">x</a>', // 12
    "",
    "| a | b |",
    "|---|---|",
    '| x | <iframe src="drawing.svg"></iframe> |', // 16
    "",
    '<p style="color:red">styled</p>', // 18
  ].join("\n");
  assert.deepEqual(check(body), [
    "content/page.md:6:1 error <script> runs code, which pages may not; remove it (to show code, put it in a code block)",
    'content/page.md:8:17 error onerror="alert(1)" on <img> runs code, which pages may not; remove the attribute',
    "content/page.md:8:45 error data-pagefind-filter on <span> changes what search shows, which only the site's layout decides; remove the attribute",
    "content/page.md:10:3 error <meta> can send readers to another address or change how the page loads; remove it",
    'content/page.md:12:11 error href="javascript:alert(1)" on <a> is a javascript: URL, which pages may not use; link to a page, a file of the site or an https:// address',
    "content/page.md:16:7 error <iframe> embeds another document in the page, which pages may not; link to it instead",
    'content/page.md:18:4 warning style="color:red" on <p> has no effect: the site\'s Content-Security-Policy blocks inline styles; remove it',
  ]);
});

test("a tag left open at a blank line is an error: the Markdown after it would become its attributes", () => {
  // Each block alone looks harmless; the browser reads `'onmouseover=…` as an attribute of the first <div>.
  for (const later of ["<div>'onmouseover=alert(1)//", "'onmouseover='alert(1)' x='"]) {
    const body = `# Page\n\n<div title='\n\n${later}\n`;
    assert.deepEqual(check(body), [
      'content/page.md:6:1 error the <div> tag is not finished with ">" where its HTML ends, so the browser would read the Markdown after it as part of it; finish it before the blank line that ends the HTML',
    ]);
    assert.doesNotMatch(render(body), /<div title='/, "the unfinished tag is rendered as text");
  }
});

test("an element whose content is Markdown (markdown=\"1\") is held to the same rules", () => {
  assert.deepEqual(check('# Page\n\n<div markdown="1" onclick="steal()">\n\n**bold**\n\n</div>\n'), [
    'content/page.md:6:19 error onclick="steal()" on <div> runs code, which pages may not; remove the attribute',
  ]);
});

test("ordinary raw HTML, and HTML shown in code, is no problem", () => {
  const body = '# Page\n\n<details>\n<summary>More</summary>\n\nText with <kbd>Ctrl</kbd>, `<script>` in code.\n\n</details>\n\n```html\n<script>alert(1)</script>\n```\n';
  assert.deepEqual(check(body), []);
});

test("raw HTML with an error is rendered as text, so even an unchecked preview never carries it", () => {
  const $ = cheerio.load(render('<script>alert(1)</script>\n\nA <span data-pagefind-meta="title:Evil">word</span> and <b>bold</b>.\n'));
  assert.equal($("script, [data-pagefind-meta]").length, 0);
  assert.deepEqual($("code").map((_, e) => $(e).text()).get(), ["<script>alert(1)</script>\n", '<span data-pagefind-meta="title:Evil">']);
  assert.equal($("b").text(), "bold", "harmless HTML passes as it is");
});

test("attribute lists cannot set event handlers, styles or data-pagefind-* attributes either", () => {
  const $ = cheerio.load(render('Text\n{: onclick="x" style="color:red" data-pagefind-body="" data-pagefind-filter="team:x" }\n\n[a](b.md){:onmouseover="x" data-pagefind-meta="title:x"}\n'));
  assert.equal($("p").length, 2);
  assert.equal($("[onclick], [onmouseover], [style], [data-pagefind-body], [data-pagefind-filter], [data-pagefind-meta]").length, 0);
});
