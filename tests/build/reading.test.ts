import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { buildInto, fixture, loadPage } from "../helpers/site.ts";

const ORIGIN = "https://handbook.example.com";

describe("reading: the fixture handbook built under /handbook/ with a known origin", () => {
  let outDir = "";
  const read = (file: string) => fs.readFileSync(path.join(outDir, file), "utf8");

  before(async () => {
    const result = await buildInto(fixture("reading"), ["--path-prefix", "/handbook/", "--url", ORIGIN]);
    assert.equal(result.code, 0, result.stderr);
    outDir = result.outDir;
  });

  test("a page's contents list its h2s in order with their h3s beneath, linking to the heading ids", () => {
    const $ = loadPage(outDir, "/guide/");
    const toc = $("nav.toc-aside");
    assert.equal(toc.length, 1);
    const entries = toc
      .find("> ol > li")
      .map((_, li) => [[$(li).children("a").text(), $(li).find("> ol > li > a").map((_, a) => $(a).text()).get()]])
      .get();
    assert.deepEqual(entries, [
      ["Getting Started", ["Install", "Configure <b>carefully</b>"]],
      ["Platform & Security", []],
      ["Wrapping Up", []],
    ]);
    const hrefs = toc.find("a").map((_, a) => $(a).attr("href")).get();
    assert.deepEqual(hrefs, ["#getting-started", "#install", "#configure-carefully", "#platform--security", "#wrapping-up"]);
    for (const href of hrefs) assert.equal($(`article [id="${href.slice(1)}"]`).length, 1, `${href} points at a heading`);
  });

  test("HTML written in a heading shows as text in the contents, never as markup", () => {
    const $ = loadPage(outDir, "/guide/");
    assert.equal($("nav.toc b").length, 0);
    assert.equal($('nav.toc a[href="#configure-carefully"]').first().text(), "Configure <b>carefully</b>");
  });

  test("the contents come twice: beside the content, and folded in a closed <details> above it", () => {
    const $ = loadPage(outDir, "/guide/");
    const inline = $("main nav.toc-inline");
    assert.equal(inline.length, 1);
    assert.ok(inline.index() < $("main article").index(), "the folded contents come before the article");
    assert.equal(inline.find("details").attr("open"), undefined);
    assert.equal(inline.find("summary").text(), "On this page");
    assert.equal(inline.find("a").length, $("nav.toc-aside a").length);
  });

  test("each page has its own meta description: its summary, else its first paragraph, never the site's", () => {
    const description = (url: string) => loadPage(outDir, url)('meta[name="description"]').attr("content");
    assert.equal(description("/short/"), "One section only.");
    assert.equal(description("/unlisted/"), "Out of the sidebar, still reachable, so still in the sitemap.");
    assert.equal(description("/hidden/"), "Kept out of search and of the sitemap.");
  });

  test("pages with fewer than two h2/h3 headings have no contents", () => {
    assert.equal(loadPage(outDir, "/short/")("nav.toc").length, 0);
    assert.equal(loadPage(outDir, "/")("nav.toc").length, 0);
  });

  test("a long page ends with a link back to the top; a short one does not", () => {
    const $ = loadPage(outDir, "/guide/");
    assert.equal($("main .back-to-top a").attr("href"), "#top");
    assert.equal($("main .back-to-top a").text(), "Back to top");
    assert.equal(loadPage(outDir, "/short/")(".back-to-top").length, 0);
  });

  test("code blocks are highlighted at build time with classes, never style attributes", () => {
    const $ = loadPage(outDir, "/guide/");
    const bash = $("pre code.language-bash").first();
    assert.equal(bash.text(), 'npm ci\necho "ready" # done\n');
    assert.equal(bash.find(".hljs-built_in").first().text(), "echo");
    assert.equal(bash.find(".hljs-string").text(), '"ready"');
    assert.equal(bash.find(".hljs-comment").text(), "# done");
    assert.equal($("[style]").length, 0, "no style attributes anywhere");
    const unknown = $("pre code.language-unknownlang");
    assert.equal(unknown.children().length, 0, "an unknown language is left plain");
    assert.equal(unknown.text(), "<not-a-tag> & kept as text\n");
  });

  test("every code block carries a copy button, hidden until the script can copy, left out of search", () => {
    const $ = loadPage(outDir, "/guide/");
    const blocks = $(".code-block");
    assert.equal(blocks.length, 3);
    blocks.each((_, block) => {
      const button = $(block).children("button.copy-code");
      assert.equal(button.length, 1);
      assert.equal(button.attr("type"), "button");
      assert.notEqual(button.attr("hidden"), undefined);
      assert.notEqual(button.attr("data-pagefind-ignore"), undefined);
      assert.equal(button.text(), "Copy code");
    });
  });

  test("tables sit in a wrapper that scrolls sideways on its own", () => {
    const $ = loadPage(outDir, "/guide/");
    assert.equal($(".table-wrapper > table").length, 1);
    assert.deepEqual($(".table-wrapper th").map((_, th) => $(th).text()).get(), ["Setting", "Default", "Meaning"]);
  });

  test("every page asks search engines not to index it, links the favicon and loads the theme script first", () => {
    for (const url of ["/", "/guide/", "/short/", "/404.html"]) {
      const $ = loadPage(outDir, url);
      assert.equal($('head meta[name="robots"]').attr("content"), "noindex", url);
      assert.equal($('head link[rel="icon"]').attr("href"), "/handbook/assets/favicon.svg", url);
      assert.equal($('head link[rel="icon"]').attr("type"), "image/svg+xml", url);
      const theme = $('head script[src="/handbook/assets/theme.js"]');
      assert.equal(theme.length, 1, url);
      assert.equal(theme.attr("type"), undefined, `${url}: a classic script, run before the body`);
      assert.equal(theme.attr("defer") ?? theme.attr("async"), undefined, `${url}: not deferred`);
      assert.equal($("header button.theme-toggle[hidden]").length, 1, `${url}: the toggle waits for the script`);
    }
    assert.match(read("assets/favicon.svg"), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const themeJs = read("assets/theme.js");
    assert.match(themeJs, /handbook-theme/);
    assert.doesNotMatch(themeJs, /^\s*(import|export)\b/m, "theme.js is a classic script");
  });

  test("robots.txt keeps every crawler out (noindex is on in _data/site.json)", () => {
    assert.equal(read("robots.txt"), "User-agent: *\nDisallow: /\n");
  });

  test("sitemap.xml lists full URLs of every page but search_exclude ones, nav_exclude ones included", () => {
    const xml = read("sitemap.xml");
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    assert.deepEqual(locs, [
      `${ORIGIN}/handbook/`,
      `${ORIGIN}/handbook/guide/`,
      `${ORIGIN}/handbook/short/`,
      `${ORIGIN}/handbook/unlisted/`,
    ]);
  });

  test("the 404 page offers search and the top-level sections, with absolute links under the prefix", () => {
    const $ = loadPage(outDir, "/404.html");
    assert.equal($("h1").text(), "Page not found");
    assert.equal($("title").text(), "Page not found – Northwind Handbook");
    assert.equal($("header button.search-button").length, 1);
    assert.deepEqual(
      $(".not-found-sections a").map((_, a) => [[$(a).text(), $(a).attr("href")]]).get(),
      [
        ["Home", "/handbook/"],
        ["Guide", "/handbook/guide/"],
        ["Short", "/handbook/short/"],
        ["Hidden", "/handbook/hidden/"],
      ],
    );
    const relative = $("a[href], link[href], script[src]")
      .map((_, el) => $(el).attr("href") ?? $(el).attr("src"))
      .get()
      .filter((url) => !url.startsWith("/handbook/") && !url.startsWith("#"));
    assert.deepEqual(relative, [], "every link works from any depth");
    assert.equal($("[data-pagefind-body]").length, 0, "not indexed for search");
    assert.equal($("dialog#search-dialog").attr("data-bundle"), "/handbook/pagefind/");
  });
});

describe("reading: a build without a known origin", () => {
  test("writes no sitemap.xml, as a sitemap needs full URLs", async () => {
    const result = await buildInto(fixture("reading"), ["--no-search"]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(fs.existsSync(path.join(result.outDir, "sitemap.xml")), false);
    assert.equal(fs.existsSync(path.join(result.outDir, "robots.txt")), true);
  });
});
