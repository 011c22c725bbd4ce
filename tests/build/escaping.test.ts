// A page titled `<img src=x onerror=alert(1)>`, with HTML in its summary, description and headings, shows all of it
// as text wherever it appears. The browser half of this gate (no alert fires, search results) is in
// tests/browser/escaping.test.ts.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { buildInto, fixture, loadPage, projectDir } from "../helpers/site.ts";

const TITLE = "<img src=x onerror=alert(1)>";
const SUMMARY = "<b>Bold?</b> <script>alert('summary')</script> & <img src=x onerror=alert(2)>";
const PAGE = "/people/html-title/";

describe("a title, summary and headings made of HTML", () => {
  let outDir = "";
  before(async () => {
    const result = await buildInto(fixture("escaping"), ["--no-search"]);
    assert.equal(result.code, 0, result.stderr);
    outDir = result.outDir;
  });

  test("no built page has an <img src=x>, an element from the title, or a script that is not the site's own", () => {
    for (const file of (fs.readdirSync(outDir, { recursive: true }) as string[]).filter((f) => f.endsWith(".html"))) {
      const $ = loadPage(outDir, `/${file}`);
      assert.equal($("img").length, 0, `${file} has no image at all`);
      assert.equal($("b").length, 0, `${file} has no <b> from the summary`);
      assert.equal($("[onerror]").length, 0, file);
      for (const src of $("script").map((_, s) => $(s).attr("src") ?? "(inline)").get()) assert.match(src, /^\/assets\//, `${file}: ${src}`);
    }
  });

  test("the window title shows it as text", () => {
    const site = (JSON.parse(fs.readFileSync(path.join(projectDir, "_data/site.json"), "utf8")) as { title: string }).title;
    assert.equal(loadPage(outDir, PAGE)("title").text(), `${TITLE} – ${site}`);
  });

  test("the sidebar shows it as text, on its own page and on its neighbours'", () => {
    for (const url of [PAGE, "/people/before/", `${PAGE}child/`]) {
      const $ = loadPage(outDir, url);
      const links = $("#site-nav a").map((_, a) => $(a).text()).get();
      assert.ok(links.includes(TITLE), `${url}: ${links.join(" | ")}`);
    }
  });

  test("the breadcrumbs show it as text: the current page, and a link on its child", () => {
    const own = loadPage(outDir, PAGE);
    assert.deepEqual(own("nav.breadcrumbs li").map((_, li) => own(li).text()).get(), ["People", TITLE]);
    const child = loadPage(outDir, `${PAGE}child/`);
    assert.equal(child(`nav.breadcrumbs a[href="${PAGE}"]`).text(), TITLE);
  });

  test("its parent's list of pages shows the title and the summary as text", () => {
    const $ = loadPage(outDir, "/people/");
    const item = $(`.child-pages a[href="${PAGE}"]`).parent();
    assert.equal(item.find("a").text(), TITLE);
    assert.equal(item.find(".child-summary").text(), SUMMARY);
  });

  test("previous and next links on its neighbours show it as text", () => {
    assert.equal(loadPage(outDir, "/people/before/")("nav.prev-next a.next").text().includes(TITLE), true);
    assert.equal(loadPage(outDir, `${PAGE}child/`)("nav.prev-next a.prev").text().includes(TITLE), true);
  });

  test("the description meta holds the HTML as an attribute value", () => {
    assert.equal(loadPage(outDir, PAGE)('meta[name="description"]').attr("content"), "<img src=x onerror=alert('description')>");
  });

  test("headings show their HTML as text, and so do the page's tables of contents", () => {
    const $ = loadPage(outDir, PAGE);
    const headings = $("article h2").map((_, h) => $(h).text()).get();
    assert.ok(headings.includes("Headings with <img src=x onerror=alert(3)> in them"), headings.join(" | "));
    assert.ok(headings.includes("The <script>alert(4)</script> element"), headings.join(" | "));
    assert.equal($("article h1").text(), TITLE);
    const tocs = $("nav.toc");
    assert.ok(tocs.length > 0, "the page has an on-page table of contents");
    tocs.each((_, toc) => {
      const entries = $(toc).find("a").map((_, a) => $(a).text()).get();
      assert.ok(entries.includes("Headings with <img src=x onerror=alert(3)> in them"), entries.join(" | "));
      assert.ok(entries.includes("The <script>alert(4)</script> element"), entries.join(" | "));
    });
  });

  test("nav.json carries the title as a JSON string", () => {
    const nav = JSON.parse(fs.readFileSync(path.join(outDir, "nav.json"), "utf8")) as Array<{ title: string; children: Array<{ title: string; url: string }> }>;
    const people = nav.find((e) => e.title === "People")!;
    assert.deepEqual(people.children.map((c) => c.title), ["Before the HTML title", TITLE, "After the HTML title"]);
  });
});
