// Four small Jekyll sites, one per kind of real Just the Docs site the migration was tried on (a theme's own docs, a
// course's lab manual, an API's docs, a vendor's product docs), each written to hold the patterns seen on such sites.
// Each builds, and its nav.json is the navigation written out by hand from Just the Docs 0.12's templates
// (_includes/components/nav/pages.html, children.html, sorted.html), never produced by the handbook's code:
// - pages without a title are left out; a parent is found by title, narrowed by grand_parent and ancestor; a child
//   without either whose parent's title a top-level page holds belongs to that top-level page;
// - siblings: numeric nav_orders ascending, then text ones, then pages without one by title (case-insensitively with
//   nav_sort: case_insensitive); equal nav_orders keep the order of their paths, as Jekyll lists pages;
// - child_nav_order: reversed reverses; has_children: false hides the children; nav_exclude leaves the page out.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import type { NavJsonEntry } from "../../src/shared/nav-json.ts";
import { buildInto, fixture, loadPage, type RunResult } from "../helpers/site.ts";

const page = (title: string, url: string, children: NavJsonEntry[] = []): NavJsonEntry => ({ title, url, children });

/** Builds a fixture site with --jekyll-config (and any other flags). */
async function buildSite(name: string, ...flags: string[]): Promise<RunResult & { outDir: string }> {
  return buildInto(fixture(name), ["--jekyll-config", path.join(fixture(name), "_config.yml"), "--no-search", ...flags]);
}

const navOf = (outDir: string) => JSON.parse(fs.readFileSync(path.join(outDir, "nav.json"), "utf8")) as NavJsonEntry[];

describe("a theme's own documentation (seven levels, layout: minimal, site.github, footnotes)", () => {
  let built: RunResult & { outDir: string };
  before(async () => {
    built = await buildSite("jtd-theme-docs");
  });

  test("builds, and nav.json is Just the Docs' navigation, seven levels deep", () => {
    assert.equal(built.code, 0, built.stderr);
    assert.deepEqual(navOf(built.outDir), [
      page("Home", "/"),
      page("Configuration", "/docs/configuration/"),
      page("Navigation Structure", "/docs/navigation/", [
        page("Main Navigation", "/docs/navigation/main/", [
          // grand_parent: Navigation Structure
          page("Level 3", "/docs/navigation/deep/level-3/", [
            // ancestor: Navigation Structure
            page("Level 4", "/docs/navigation/deep/level-4/", [
              page("Level 5", "/docs/navigation/deep/level-5/", [
                page("Level 6", "/docs/navigation/deep/level-6/", [page("Level 7", "/docs/navigation/deep/level-7/")]),
              ]),
            ]),
          ]),
        ]),
      ]),
      page("Minimal layout", "/docs/minimal/"), // layout: minimal hides its own sidebar, not its place in others
      page("CHANGELOG", "/CHANGELOG/"), // nav_order 99
    ]);
  });

  test("the changelog's links to a footnote of another page resolve, and the note has kramdown's id", () => {
    const $ = loadPage(built.outDir, "/docs/configuration/");
    assert.equal($('[id="fn:js-disabled"]').length, 1);
    assert.equal($('[id="fnref:js-disabled"]').length, 1);
    assert.doesNotMatch(built.stderr, /anchor/);
  });

  test("{: .no_toc } above --- is an attribute list and a rule, and a four-space block is code", () => {
    const $ = loadPage(built.outDir, "/docs/configuration/");
    assert.deepEqual($("article h1, article h2").map((_, h) => $(h).text()).get(), ["Configuration", "Site logo", "Collapsible navigation"]);
    assert.equal($("article h1").attr("class"), "no_toc");
    assert.equal($("article pre code").first().text(), 'logo: "/assets/images/just-the-docs.png"\n');
  });

  test("the home page reads site.github, and the site's own callout has its title", () => {
    const $ = loadPage(built.outDir, "/");
    assert.equal($('a.btn:contains("View it on GitHub")').attr("href"), "https://github.com/acme/theme");
    assert.equal($('[data-callout="warning"] .callout-title').text(), "Warning");
    assert.equal(loadPage(built.outDir, "/docs/minimal/")("#site-nav").length, 0);
  });
});

describe("a course's lab manual (--nav warn, GitHub Pages' README and titles, no callouts)", () => {
  let strict: RunResult & { outDir: string };
  let warned: RunResult & { outDir: string };
  before(async () => {
    strict = await buildSite("jtd-lab-manual");
    warned = await buildSite("jtd-lab-manual", "--nav", "warn");
  });

  test("by default the navigation problems stop the build, each at its line; nothing is written", () => {
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /labs\/old-lab\.md:3:9 error parent "Exercises" matches no page title/);
    assert.match(strict.stderr, /labs\/routing\.md:4:15 error grand_parent "Lab" does not match/);
    assert.match(strict.stderr, /labs\/notes\.md:2:9 error page has a parent but no title/);
    assert.equal(fs.existsSync(strict.outDir), false);
  });

  test("with --nav warn it builds, and nav.json is Just the Docs' navigation without the three pages", () => {
    assert.equal(warned.code, 0, warned.stderr);
    assert.match(warned.stderr, /labs\/old-lab\.md:3:9 warning parent "Exercises" matches no page title/);
    assert.match(warned.stdout, /Navigation: 3 pages are not in the navigation \(--nav warn\)/);
    assert.deepEqual(navOf(warned.outDir), [
      page("Home", "/"),
      page("Resources", "/resources/README/"), // nav_order 2; a README with front matter stays at its own URL
      // labs/README.md has no front matter: the folder's page (jekyll-readme-index), titled by its heading
      page("Labs", "/labs/", [
        page("Lab 1: Setup", "/labs/lab-01/"),
        page("Networking", "/labs/networking/"), // nav_order 2, as Databases: path order, not title order
        page("Databases", "/labs/sql/"),
        // Old lab (parent renamed), Routing (grand_parent typo), notes (no title): left out
      ]),
    ]);
  });

  test("pages left out of the navigation are still published; LICENSE is copied, not built", () => {
    for (const url of ["/labs/old-lab/", "/labs/routing/", "/labs/notes/"]) assert.ok(loadPage(warned.outDir, url)("article").length, url);
    assert.ok(fs.existsSync(path.join(warned.outDir, "LICENSE.md")));
    assert.equal(fs.existsSync(path.join(warned.outDir, "LICENSE")), false);
  });

  test("kramdown typography, a plain {: .note } and a definition list on the home page", () => {
    const $ = loadPage(warned.outDir, "/");
    assert.equal($("article h1").text(), "\u201cWelcome\u201d \u2013 start here\u2026");
    assert.equal($("p.note").text(), "Bring your laptop.");
    assert.equal($(".callout-title").length, 0);
    assert.equal($("dl dt").text(), "Lab");
  });
});

describe("an API's documentation (inline HTML titles, shared parent titles, raw HTML anchors)", () => {
  let built: RunResult & { outDir: string };
  before(async () => {
    built = await buildSite("jtd-api-docs");
  });

  test("builds without a warning, and nav.json is Just the Docs' navigation", () => {
    assert.equal(built.code, 0, built.stderr);
    assert.equal(built.stderr, "");
    assert.deepEqual(navOf(built.outDir), [
      page("Home", "/"),
      // Two pages hold this title; children without grand_parent belong to the top-level one (Just the Docs 0.10+).
      page("Data Sources and Signals", "/api/sources/", [
        // Three with nav_order 2, in the order of their paths (cdc, fluview-twitter, quidel), not their titles.
        page("inactive CDC", "/api/cdc/"),
        page("inactive Twitter Stream", "/api/fluview-twitter/"),
        page("inactive Quidel", "/api/quidel/"),
        page("inactive Digital Surveillance Sensors", "/api/sensors.html"), // no nav_order; permalink: api/sensors.html
      ]),
      page("Main Endpoint (COVIDcast)", "/api/covidcast/", [
        page("Data Sources and Signals", "/api/covidcast/sources/", [page("JHU Cases and Deaths", "/api/covidcast/jhu/")]),
      ]),
      page("Glossary", "/api/glossary/"),
    ]);
  });

  test("a title's <i> is formatting in the sidebar, never raw HTML, and plain text in <title>", () => {
    const $ = loadPage(built.outDir, "/api/cdc/");
    assert.equal($('#site-nav a[href="/api/quidel/"]').html(), "<i>inactive</i> Quidel");
    assert.equal($("title").text(), "inactive CDC – Epidata API");
  });

  test("a table whose first row is the alignment row has no header", () => {
    const $ = loadPage(built.outDir, "/api/cdc/");
    assert.equal($("article table").first().find("thead").length, 0);
    assert.equal($("article table").first().find("tbody tr").length, 2);
  });
});

describe("a vendor's product documentation (optional front matter, titles from headings, minimal landing page)", () => {
  let built: RunResult & { outDir: string };
  before(async () => {
    built = await buildSite("jtd-product-docs");
  });

  test("builds, and nav.json is Just the Docs' navigation", () => {
    assert.equal(built.code, 0, built.stderr);
    assert.deepEqual(navOf(built.outDir), [
      page("Home", "/"),
      // no title: in its front matter: titled by its heading (jekyll-titles-from-headings)
      page("User guide", "/user-guide/", [
        page("Install", "/user-guide/install/"),
        page("Upgrade", "/user-guide/upgrade/"),
        page("antennas", "/user-guide/antennas/"), // no nav_order: by title, ignoring case (nav_sort)
        page("VPN", "/user-guide/vpn/"),
      ]),
      // child_nav_order: reversed
      page("Release notes", "/releases/", [page("1.3", "/releases/1-3/"), page("1.2", "/releases/1-2/"), page("1.1", "/releases/1-1/")]),
      page("Administration", "/admin/"), // has_children: false hides Factory reset
      // no front matter at all: a page (jekyll-optional-front-matter) titled by its heading, without nav_order
      page("Getting started", "/getting-started/"),
      // Internal notes: nav_exclude
    ]);
  });

  test("pages out of the sidebar are still published; the landing page has no sidebar; the site's callout", () => {
    for (const url of ["/admin/factory-reset/", "/internal/"]) assert.ok(loadPage(built.outDir, url)("article").length, url);
    assert.equal(loadPage(built.outDir, "/")("#site-nav").length, 0);
    assert.equal(loadPage(built.outDir, "/getting-started/")('[data-callout="tip"] .callout-title').text(), "Tip");
  });
});
