import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as cheerio from "cheerio";
import { createMarkdown, type MarkdownContext } from "../../../src/markdown/render.ts";
import { parseAttributeList } from "../../../src/markdown/kramdown.ts";

const md = (extra: Partial<MarkdownContext> = {}) =>
  createMarkdown(() => ({
    contentDir: "/site/content",
    base: "/",
    urlOfFile: () => undefined,
    callouts: { note: { title: "Note", color: "blue" } },
    ...extra,
  }));
const html = (text: string, extra: Partial<MarkdownContext> = {}) => cheerio.load(md(extra).render(text, {}), null, false);
const ids = ($: cheerio.CheerioAPI) => $("h1,h2,h3,h4").map((_, h) => $(h).attr("id")).get();

describe("kramdown block attribute lists", () => {
  test("a line after a heading applies to the heading ({: .no_toc })", () => {
    const $ = html("# Title\n{: .no_toc }\n\nText");
    assert.equal($("h1").attr("class"), "no_toc");
    assert.equal($("p").text(), "Text", "the attribute line is not shown");
  });

  test("an attribute line followed by --- is an attribute list and a rule, as in kramdown, not a setext heading", () => {
    const $ = html("# Title\n{: .no_toc }\n---\n\nText\n{: .lead }\n---\n\n{: .x }\n===\n");
    assert.deepEqual(ids($), ["title"]);
    assert.equal($("h1").attr("class"), "no_toc");
    assert.equal($("hr").length, 2);
    assert.deepEqual($("p").map((_, p) => [[$(p).text(), $(p).attr("class") ?? ""]]).get(), [["Text", "lead"], ["===", "x"]]);
    assert.equal($.root().text().includes("{:"), false);
  });

  test("a line directly after a paragraph applies to it; one between two paragraphs to the one before", () => {
    const lead = html("Lead paragraph.\n{: .lead #intro }")("p");
    assert.deepEqual([lead.text(), lead.attr("class"), lead.attr("id")], ["Lead paragraph.", "lead", "intro"]);
    const $ = html("First.\n{: .a }\nSecond.");
    assert.deepEqual($("p").map((_, p) => [[$(p).text(), $(p).attr("class") ?? ""]]).get(), [["First.", "a"], ["Second.", ""]]);
  });

  test("indented inside a list item, it applies to the paragraph that follows it there", () => {
    const $ = html("1. Step one\n\n   {: .note }\n   Do this first.\n2. Step two");
    const callout = $("ol > li").first().find(".callout");
    assert.equal(callout.attr("data-callout"), "note");
    assert.equal(callout.find("p:not(.callout-title)").text(), "Do this first.");
    assert.equal($("ol > li").length, 2);
  });

  test("inside a tight list item, the paragraph it applies to becomes a real paragraph", () => {
    assert.equal(html("- item\n  {: .x }\n  more").html(), '<ul>\n<li>\n<p class="x">item</p>\n<p>more</p>\n</li>\n</ul>\n');
  });

  test("only safe attributes pass: on* handlers, style and href are dropped", () => {
    const $ = html('Text\n{: .ok title="t" onclick="alert(1)" style="color:red" href="javascript:x" }');
    assert.equal($("p").attr("class"), "ok");
    assert.equal($("p").attr("title"), "t");
    assert.equal($("p").attr("onclick"), undefined);
    assert.equal($("p").attr("style"), undefined);
    assert.equal($("p").attr("href"), undefined);
  });

  test("attribute list definitions ({:name: …}) are not shown and can be referred to", () => {
    const $ = html("{:wide: .wide #w}\n\nBody\n{: wide }");
    assert.equal($.root().text().includes("{:"), false);
    assert.equal($("p").attr("class"), "wide");
    assert.equal($("p").attr("id"), "w");
  });

  test("parseAttributeList reads classes, the id, quoted pairs and references; anything else is not a list", () => {
    assert.deepEqual(parseAttributeList(` .a .b #x target="_blank" title='it\\'s' toc`), {
      classes: ["a", "b"],
      id: "x",
      pairs: [["target", "_blank"], ["title", "it's"]],
      refs: ["toc"],
    });
    assert.equal(parseAttributeList("not = an attribute list"), undefined);
  });
});

describe("kramdown span attribute lists", () => {
  test('a link with {:target="_blank"} opens in a new tab with rel="noopener"', () => {
    const a = html('[Source](https://github.com/acme){:target="_blank"} and more')("a");
    assert.equal(a.attr("target"), "_blank");
    assert.equal(a.attr("rel"), "noopener");
    assert.equal(a.parent().text(), "Source and more");
  });

  test("classes on links (Just the Docs buttons) and sizes on images", () => {
    const $ = html('[Start](#a){: .btn .btn-primary } ![Logo](logo.png){: width="120" onerror="x" }');
    assert.equal($("a").attr("class"), "btn btn-primary");
    assert.equal($("img").attr("width"), "120");
    assert.equal($("img").attr("onerror"), undefined);
  });
});

describe("headings", () => {
  test("## Heading {#id} sets the id and is not shown", () => {
    const $ = html("## Check it works {#check}\n\n[back](#check)");
    assert.equal($("h2").attr("id"), "check");
    assert.equal($("h2").text(), "Check it works");
  });

  test("GitHub's slugs by default", () => {
    assert.deepEqual(ids(html("## 1. Intro\n## Step 1 -- Prepare\n## Café\n## Café")), ["1-intro", "step-1----prepare", "café", "café-1"]);
  });

  test("kramdown-gfm (Jekyll's default) ids: typographic -- dropped, digits kept; GitHub's slug still answers", () => {
    const $ = html("## 1. Intro\n## Step 1 -- Prepare\n## Step 1 -- Prepare", { headingIds: "kramdown-gfm" });
    assert.deepEqual(ids($), ["1-intro", "step-1--prepare", "step-1--prepare-1"]);
    assert.deepEqual($(".heading-alias").map((_, s) => $(s).attr("id")).get(), ["step-1----prepare", "step-1----prepare-1"]);
  });

  test("kramdown's own parser's ids: leading digits and non-ASCII dropped, 'section' when nothing is left", () => {
    const $ = html("## 1. Intro & Stuff\n## Café\n## 2024\n## Café", { headingIds: "kramdown" });
    assert.deepEqual(ids($), ["intro--stuff", "caf", "section", "caf-1"]);
  });

  test("heading anchors can be turned off (Just the Docs' heading_anchors: false); the ids stay", () => {
    const $ = html("## Setup", { headingAnchors: false });
    assert.equal($(".heading-anchor").length, 0);
    assert.equal($("h2").attr("id"), "setup");
  });
});

describe("1. TOC and {:toc}", () => {
  test("the list is replaced by the page's headings, nested, without .no_toc ones", () => {
    const env: Record<string, unknown> = {};
    const out = md().render("# Guide\n{: .no_toc }\n\n1. TOC\n{:toc}\n\n## One\n### One A\n## Two", env);
    const $ = cheerio.load(out, null, false);
    assert.deepEqual($("#markdown-toc > li > a").map((_, a) => $(a).attr("href")).get(), ["#one", "#two"]);
    assert.deepEqual($("#markdown-toc > li > ol > li > a").map((_, a) => $(a).text()).get(), ["One A"]);
    assert.equal($("#markdown-toc").prop("tagName"), "OL");
    assert.equal(out.includes("TOC"), false);
    assert.equal(env.kramdownToc, true, "the layout learns that the page has its own contents");
  });

  test("inside Just the Docs' <details markdown=\"block\"> pattern", () => {
    const $ = html(
      '<details open markdown="block">\n  <summary>\n    Table of contents\n  </summary>\n  {: .text-delta }\n- TOC\n{:toc}\n</details>\n\n## Alpha\n\n## Beta',
    );
    assert.equal($("details summary").attr("class"), "text-delta");
    assert.equal($("details").attr("markdown"), undefined);
    assert.deepEqual($("details > ul#markdown-toc > li").map((_, li) => $(li).text()).get(), ["Alpha", "Beta"]);
  });
});

describe("HTML with markdown=\"1\"", () => {
  test("its content is read as Markdown", () => {
    assert.equal(html('<div class="x" markdown="1">\n*em* and [a](#b)\n</div>').html(), '<div class="x">\n<p><em>em</em> and <a href="#b">a</a></p>\n</div>\n');
  });
});

describe("tables kramdown allows", () => {
  test("a table whose first line is the alignment row has no header, and keeps the alignment", () => {
    const $ = html("|:---|---:|\n| a | b |\n| c | d |");
    assert.equal($("thead").length, 0);
    assert.deepEqual($("tbody tr").map((_, tr) => [$(tr).find("td").map((__, td) => $(td).text()).get()]).get(), [["a", "b"], ["c", "d"]]);
    assert.equal($("td").last().attr("class"), "align-right", "a class, not a style attribute the CSP would block");
    assert.equal($("td").last().attr("style"), undefined);
  });

  test("pipe rows without an alignment row are a table too; a GFM table keeps its header", () => {
    assert.equal(html("| a | b |\n| c | d |")("tbody tr").length, 2);
    const gfm = html("| h | i |\n|---|--:|\n| a | b |");
    assert.deepEqual(gfm("th").map((_, th) => gfm(th).text()).get(), ["h", "i"]);
    assert.deepEqual(gfm("[style]").length, 0, "GFM tables' alignment is a class too");
    assert.equal(gfm("td").last().attr("class"), "align-right");
  });

  test("cells are Markdown, and an escaped pipe stays in its cell", () => {
    const $ = html("|---|---|\n| *a* | b \\| c |");
    assert.equal($("td em").text(), "a");
    assert.equal($("td").last().text(), "b | c");
  });
});
