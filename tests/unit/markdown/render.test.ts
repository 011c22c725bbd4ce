import { test } from "node:test";
import assert from "node:assert/strict";
import { createMarkdown, resolveLink, type MarkdownContext } from "../../../src/markdown/render.ts";

const pageUrls = new Map([
  ["/site/content/index.md", "/"],
  ["/site/content/about.md", "/about/"],
  ["/site/content/teams/index.md", "/teams/"],
  ["/site/content/teams/dev-team/ai-engineer.md", "/teams/dev-team/ai-engineer/"],
]);

const context: MarkdownContext = {
  contentDir: "/site/content",
  base: "/handbook/",
  urlOfFile: (file) => pageUrls.get(file),
};

const md = createMarkdown(() => context);

/** Renders Markdown as written in content/<relPath>. */
const render = (markdown: string, relPath = "teams/index.md") =>
  md.render(markdown, { page: { inputPath: `/site/content/${relPath}` } });

const ids = (html: string) => [...html.matchAll(/<h[1-6][^>]* id="([^"]*)"/g)].map((m) => m[1]);
const hrefs = (html: string) => [...html.matchAll(/<a href="([^"]*)">/g)].map((m) => m[1]);
const srcs = (html: string) => [...html.matchAll(/<img src="([^"]*)"/g)].map((m) => m[1]);

test("heading ids are GitHub's slugs; a repeated heading gets -1, counted per page", () => {
  const page = "## Platform & Security\n\n## Skills\n\n### Tools (2024)\n\n## Skills\n\n## Café `kubectl` Tips\n";
  assert.deepEqual(ids(render(page)), ["platform--security", "skills", "tools-2024", "skills-1", "café-kubectl-tips"]);
  assert.deepEqual(ids(render("## Skills\n")), ["skills"]);
});

test("links to relative .md files become page URLs, with the prefix and the #anchor kept", () => {
  const html = render(
    "[AI](dev-team/ai-engineer.md#skills) [about](../about.md) [home](./../index.md) [same](./index.md?x=1)",
  );
  assert.deepEqual(hrefs(html), [
    "/handbook/teams/dev-team/ai-engineer/#skills",
    "/handbook/about/",
    "/handbook/",
    "/handbook/teams/?x=1",
  ]);
});

test("absolute site links get the path prefix", () => {
  assert.deepEqual(hrefs(render("[teams](/teams/) [home](/)")), ["/handbook/teams/", "/handbook/"]);
});

test("external links, mail links and in-page anchors are left as written", () => {
  const html = render(
    "[x](https://example.com/guide.md) [cdn](//cdn.example.com/a.md) [mail](mailto:team@example.com) [top](#skills)",
  );
  assert.deepEqual(hrefs(html), [
    "https://example.com/guide.md",
    "//cdn.example.com/a.md",
    "mailto:team@example.com",
    "#skills",
  ]);
});

test("an href a browser reads as another host is not a site path: no prefix, as written", () => {
  const from = "/site/content/teams/index.md";
  for (const href of ["//evil.example/x", "/\\evil.example", "\\\\evil.example/x", "/\t/evil.example", "/%5Cevil.example"]) {
    assert.equal(resolveLink(href, from, context), href);
  }
  // markdown-it writes the backslash percent-encoded; the link still is not made a page of the handbook.
  assert.deepEqual(hrefs(render("[b](/\\evil.example) [n](//evil.example/x)")), ["/%5Cevil.example", "//evil.example/x"]);
});

test("a link with broken percent-encoding is read as written (a file named img%C3.png), not a crash", () => {
  assert.deepEqual(srcs(render("![y](img%C3.png)")), ["/handbook/teams/img%25C3.png"]);
  assert.deepEqual(hrefs(render("[y](a%C3.md) [z](/a%C3/)")), ["a%C3.md", "/handbook/a%C3/"]);
});

test("a link to a .md file that is no page is left as written", () => {
  assert.deepEqual(hrefs(render("[gone](dev-team/missing.md#skills)")), ["dev-team/missing.md#skills"]);
});

test("relative images resolve against the source file's folder", () => {
  const html = render("![diagram](img/flow.png) ![logo](../../shared/logo.svg)", "teams/dev-team/ai-engineer.md");
  assert.deepEqual(srcs(html), ["/handbook/teams/dev-team/img/flow.png", "/handbook/shared/logo.svg"]);
});

test("footnotes and definition lists, as kramdown sites write them", () => {
  const html = render("Claim[^src].\n\nTerm\n: Definition one\n\n[^src]: The source.\n");
  assert.match(html, /<sup class="footnote-ref"><a href="#fn:src" id="fnref:src">\[1\]<\/a><\/sup>/);
  assert.match(html, /<li id="fn:src" class="footnote-item"><p>The source\. <a href="#fnref:src" class="footnote-backref">/);
  assert.match(html, /<dl>\n<dt>Term<\/dt>\n<dd>Definition one<\/dd>\n<\/dl>/);
});

test("footnote ids are kramdown's (fn:label, fnref:label), so old links to a note keep working", () => {
  const html = render("One[^1] and two^[inline] and one again[^1].\n\n[^1]: First.\n");
  assert.deepEqual([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]), ["fnref:1", "fnref:2", "fnref:1:1", "fn:1", "fn:2"]);
});

test("kramdown typography on a Jekyll site: smart quotes, dashes, ellipsis and guillemets; none otherwise", () => {
  const text = `"Don't" -- wait --- now... << a >> and \`code -- "as is"\` and <https://x.example/a--b>`;
  const kramdown = createMarkdown(() => ({ ...context, typography: "kramdown" })).render(text, {});
  assert.equal(
    kramdown,
    "<p>\u201cDon\u2019t\u201d \u2013 wait \u2014 now\u2026 \u00ab\u00a0a\u00a0\u00bb and <code>code -- &quot;as is&quot;</code> and <a href=\"https://x.example/a--b\">https://x.example/a--b</a></p>\n",
  );
  assert.equal(render('"(c)" -- ...'), "<p>&quot;(c)&quot; -- ...</p>\n");
  assert.equal(createMarkdown(() => ({ ...context, typography: "kramdown" })).render("(c) (tm) +-", {}), "<p>(c) (tm) +-</p>\n");
});
