// Just the Docs and GitHub Pages rules a real site relies on, each on a page of a tiny Jekyll site built once.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { buildInto, loadPage, tempDir } from "../helpers/site.ts";

const FILES: Record<string, string> = {
  "_config.yml": "title: Rules\nrepository: acme/rules-docs\n",
  "index.md": "---\ntitle: Home\nnav_order: 1\n---\n# Home\n\n[Source]({{ site.github.repository_url }})\n\n{: .note }\nA plain note.\n",
  "minimal.md": "---\ntitle: Minimal\nlayout: minimal\n---\n# Minimal\n",
  "minimal-nav.md": "---\ntitle: Minimal with nav\nlayout: minimal\nnav_enabled: true\n---\n# Minimal with nav\n",
  "cdc.md": "---\ntitle: <i>inactive</i> CDC\nnav_order: 2\ndescription: Old data\n---\n# CDC\n",
  "cdc-child.md": "---\ntitle: Signals\nparent: <i>inactive</i> CDC\n---\n# Signals\n",
};

describe("Just the Docs and GitHub Pages rules on a Jekyll site", () => {
  let outDir = "";
  let stderr = "";
  before(async () => {
    const site = tempDir();
    for (const [file, text] of Object.entries(FILES)) fs.writeFileSync(path.join(site, file), text);
    const result = await buildInto(site, ["--jekyll-config", path.join(site, "_config.yml"), "--no-search"]);
    assert.equal(result.code, 0, result.stderr);
    ({ outDir, stderr } = result);
  });

  test("layout: minimal is a page without the sidebar, unless it says nav_enabled: true", () => {
    assert.equal(loadPage(outDir, "/minimal/")("#site-nav").length, 0);
    assert.equal(loadPage(outDir, "/minimal-nav/")("#site-nav").length, 1);
    assert.equal(loadPage(outDir, "/")("#site-nav").length, 1);
  });

  test("site.github has the values that follow from the repository, without an error", () => {
    assert.equal(loadPage(outDir, "/")('a:contains("Source")').attr("href"), "https://github.com/acme/rules-docs");
    assert.doesNotMatch(stderr, /site\.github/);
  });

  test("inline HTML in a title: formatted in the sidebar, breadcrumbs and links, plain text in <title>, nav.json and search", () => {
    const $ = loadPage(outDir, "/cdc-child/");
    assert.equal($('#site-nav a[href="/cdc/"]').html(), "<i>inactive</i> CDC");
    assert.equal($("nav.breadcrumbs a").html(), "<i>inactive</i> CDC");
    assert.equal($('a[rel="prev"] .prev-next-title').html(), "<i>inactive</i> CDC");
    const cdc = loadPage(outDir, "/cdc/");
    assert.equal(cdc("title").text(), "inactive CDC – Rules");
    assert.equal(cdc('[data-pagefind-meta="title"]').text(), "inactive CDC");
    assert.equal(cdc(".child-pages a").text(), "Signals");
    const nav = JSON.parse(fs.readFileSync(path.join(outDir, "nav.json"), "utf8")) as Array<{ title: string }>;
    assert.ok(nav.some((e) => e.title === "inactive CDC"), JSON.stringify(nav));
    assert.doesNotMatch(JSON.stringify(nav), /<i>/);
  });

  test("without callouts in _config.yml, {: .note } is a plain class with no title", () => {
    const $ = loadPage(outDir, "/");
    assert.equal($("p.note").text(), "A plain note.");
    assert.equal($(".callout-title").length, 0);
  });
});

describe("a Jekyll site whose pages write its baseurl out by hand", () => {
  test("links and images under the baseurl lead where they led, and are not reported", async () => {
    const site = tempDir();
    fs.mkdirSync(path.join(site, "assets"));
    fs.writeFileSync(path.join(site, "assets", "logo.png"), "png");
    fs.writeFileSync(path.join(site, "_config.yml"), "title: Hub\nbaseurl: /docs/hub\n");
    fs.writeFileSync(path.join(site, "index.md"), "---\ntitle: Home\n---\n![Logo](/docs/hub/assets/logo.png) [Intro](/docs/hub/intro/#setup)\n");
    fs.writeFileSync(path.join(site, "intro.md"), "---\ntitle: Intro\n---\n## Setup\n\n[Home](/docs/hub/) [Nowhere](/docs/hub/nowhere/)\n");
    const result = await buildInto(site, ["--jekyll-config", path.join(site, "_config.yml"), "--no-search", "--links", "warn"]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.stderr.trim().split("\n"), [
      `${path.join(site, "intro.md")}:6:30 warning link "/docs/hub/nowhere/" matches no page URL; link to the page's Markdown file instead, e.g. "../page.md"`,
    ]);
    const $ = loadPage(result.outDir, "/"); // written at the output folder's root, served under /docs/hub/
    assert.equal($("article img").attr("src"), "/docs/hub/assets/logo.png");
    assert.equal($('article a:contains("Intro")').attr("href"), "/docs/hub/intro/#setup");
    assert.equal(loadPage(result.outDir, "/intro/")('article a:contains("Home")').attr("href"), "/docs/hub/");
  });
});
