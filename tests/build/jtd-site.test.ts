// Builds tests/fixtures/jtd-site, a small Just the Docs site, with --jekyll-config, and checks it comes out as
// Just the Docs would show it. The expected navigation is written by hand from Just the Docs' documented rules
// (DESIGN.md, "Just the Docs semantics"), not produced by the handbook's code.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { buildInto, copyFixture, fixture, loadPage, runCli, tempDir } from "../helpers/site.ts";

interface Entry {
  title: string;
  url: string;
  children: Entry[];
}
const page = (title: string, url: string, children: Entry[] = []): Entry => ({ title, url, children });

// _config.yml says nav_sort: case_insensitive. Among siblings: numeric nav_orders ascending (ints and floats), then
// text nav_orders (a quoted number is text), then pages without one by title; nav_exclude pages are left out;
// child_nav_order: reversed reverses a page's children. Parents are found by title, narrowed by grand_parent.
const EXPECTED_NAV: Entry[] = [
  page("Home", "/"), // nav_order 1
  // nav_order 2; children Install (1), Configure (2), Deploy (3), reversed by child_nav_order: reversed.
  page("Guides", "/docs/guides/", [
    // Cloud 1.5 (a float), then Settings "b" (text), then Checklist (none).
    page("Deploy", "/docs/guides/deploy/", [
      // Azure 1, AWS 2, then Tips (none). Four levels down: Guides › Deploy › Cloud › AWS › Regions.
      page("Cloud", "/docs/guides/deploy/cloud/", [
        page("Azure", "/docs/guides/deploy/cloud/azure/"),
        page("AWS", "/docs/guides/deploy/cloud/aws/", [page("Regions", "/docs/guides/deploy/cloud/aws-regions/")]),
        page("Tips", "/docs/guides/deploy/cloud/tips/"),
      ]),
      // One of two pages titled Settings: Env Vars says grand_parent: Deploy, so it is this one's child.
      page("Settings", "/docs/guides/deploy/settings/", [page("Env Vars", "/docs/guides/deploy/env-vars/")]),
      page("Checklist", "/docs/guides/deploy/checklist/"),
    ]),
    page("Configure", "/docs/guides/configure/"),
    page("Install", "/docs/guides/install/"),
  ]),
  page("Getting Started", "/docs/01-getting-started/"), // nav_order 2.5; the numeric prefix stays in the URL
  // nav_order "reference" (text). A README.md with front matter is a page at its own URL, as GitHub Pages builds it
  // (jekyll-readme-index makes only a README without front matter its folder's page).
  page("Reference", "/docs/reference/README/", [
    // The other Settings: Options says grand_parent: Reference.
    page("Settings", "/docs/reference/settings/", [page("Options", "/docs/reference/options/")]),
    page("Limits", "/docs/reference/limits/"), // nav_order "10": text, and "10" < "cli"
    page("CLI", "/docs/reference/cli/"), // nav_order "cli"
    page("changelog", "/docs/reference/changelog/"), // no nav_order; case-insensitively before Glossary
    page("Glossary", "/docs/reference/glossary/"),
    // Internal: nav_exclude
  ]),
  page("About", "/about/"), // no nav_order; permalink /about (no trailing slash)
  page("FAQ", "/docs/faq/"), // no nav_order
  // Secret: nav_exclude. Notes (NOTES.md) and drafts/: excluded in _config.yml. vendor/bundle: Jekyll's default.
];

describe("building a Just the Docs site with --jekyll-config", () => {
  let outDir = "";
  let stderr = "";
  before(async () => {
    const result = await buildInto(fixture("jtd-site"), ["--jekyll-config", path.join(fixture("jtd-site"), "_config.yml")]);
    assert.equal(result.code, 0, result.stderr);
    outDir = result.outDir;
    stderr = result.stderr;
  });

  test("nav.json is the navigation Just the Docs' rules give, entry by entry, in order", () => {
    const nav = JSON.parse(fs.readFileSync(path.join(outDir, "nav.json"), "utf8")) as Entry[];
    assert.deepEqual(nav, EXPECTED_NAV);
  });

  test("the sidebar of a page five levels down opens its whole trail", () => {
    const $ = loadPage(outDir, "/docs/guides/deploy/cloud/aws-regions/");
    const trail = $('#site-nav a[aria-current="page"]').parents("li.is-open").map((_, li) => $(li).children("a").text()).get().reverse();
    assert.deepEqual(trail, ["Guides", "Deploy", "Cloud", "AWS"]);
    assert.deepEqual($("nav.breadcrumbs li").map((_, li) => $(li).text()).get(), ["Guides", "Deploy", "Cloud", "AWS", "Regions"]);
  });

  test("excluded and nav_exclude pages: built or not as Jekyll would, never in the sidebar", () => {
    assert.ok(fs.existsSync(path.join(outDir, "docs/secret/index.html")), "nav_exclude pages are still built");
    assert.ok(fs.existsSync(path.join(outDir, "docs/reference/internal/index.html")));
    for (const gone of ["NOTES/index.html", "drafts", "vendor", "_includes", "_data", "_config.yml"]) {
      assert.equal(fs.existsSync(path.join(outDir, gone)), false, `${gone} is not in the site`);
    }
    const children = loadPage(outDir, "/docs/reference/README/")(".child-pages a").map((_, a) => a.attribs.href).get();
    assert.ok(children.includes("/docs/reference/internal/"), "an excluded page is still in its parent's list of pages");
  });

  test("has_toc: false hides the list of child pages", () => {
    assert.equal(loadPage(outDir, "/docs/guides/")(".child-pages").length, 0);
    assert.equal(loadPage(outDir, "/docs/guides/deploy/")(".child-pages li").length, 3);
  });

  test("Liquid: site variables (nested, and _data/), page variables, includes, {% link %}, relative_url and {% raw %}", () => {
    const $ = loadPage(outDir, "/");
    const text = $("article").text();
    assert.match(text, /The Platform team is led by Ada Lovelace \(@ada\)\./);
    assert.match(text, /Write to support@acme\.example or ask in #platform-oncall\./);
    assert.equal($("article p.owner").text(), "Owned by Platform (Ada Lovelace).");
    assert.equal($("article h1").text(), "Acme Docs");
    assert.equal($('article a:contains("Get started")').attr("href"), "/docs/01-getting-started/");
    assert.equal($('article img[alt="Acme logo"]').attr("src"), "/assets/images/logo.svg");
    assert.match(text, /Templates in this site use \{\{ site\.title \}\} literally here\./);
    assert.match(loadPage(outDir, "/docs/reference/cli/")("article").text(), /print \{\{ site\.title \}\} as it is written/);
  });

  test("IAL callouts with the kinds and colours _config.yml defines", () => {
    const $ = loadPage(outDir, "/docs/01-getting-started/");
    assert.equal($(".callout-red .callout-title").text(), "Warning");
    assert.match($(".callout-red").text(), /Never deploy on a Friday\./);
    assert.equal($("blockquote.callout-grey .callout-title").text(), "Pro tip");
    assert.match($("blockquote.callout-grey").text(), /Ask Ada Lovelace for access first\./);
  });

  test("kramdown habits: TOC in <details>, heading ids and {#id}, headerless tables, span attributes", () => {
    const $ = loadPage(outDir, "/docs/01-getting-started/");
    assert.deepEqual($("details #markdown-toc a").map((_, a) => $(a).attr("href")).get(), ["#step-1--prepare", "#check"]);
    assert.equal($("nav.toc").length, 0, "the page's own table of contents replaces the layout's");
    assert.equal($("h1").attr("class"), "no_toc");
    assert.ok($("#step-1--prepare").is("h2"), "kramdown's id, so old #anchor links keep working");
    assert.equal($("#step-1----prepare").length, 1, "GitHub's slug answers too");
    assert.equal($('a:contains("step 1")').attr("href"), "#step-1--prepare");
    assert.equal($("h2#check").text(), "Check it works");
    assert.equal($("table thead").length, 0);
    assert.deepEqual($("table td").map((_, td) => $(td).text()).get(), ["Tests", "2 min", "Linters", "30 s"]);
    const home = loadPage(outDir, "/");
    assert.equal(home('a:contains("Source on GitHub")').attr("rel"), "noopener");
    assert.equal(home('a:contains("Get started")').attr("class"), "btn btn-primary");
  });

  test("URLs: a permalink without a slash is served as a folder, and links to it, or to Jekyll's .html URLs, work", () => {
    assert.ok(fs.existsSync(path.join(outDir, "about/index.html")));
    assert.equal(loadPage(outDir, "/docs/secret/")('article a:contains("About")').attr("href"), "/about/");
    const $ = loadPage(outDir, "/docs/01-getting-started/");
    assert.equal($('a:contains("checklist")').attr("href"), "/docs/guides/deploy/checklist/");
    assert.equal($('a:contains("FAQ")').last().attr("href"), "/docs/faq/");
  });

  test("images written against Jekyll's pretty URLs, or against the file, resolve; asset folders are copied", () => {
    assert.equal(loadPage(outDir, "/docs/guides/install/")("article img").attr("src"), "/docs/guides/diagram.png");
    assert.equal(loadPage(outDir, "/docs/guides/configure/")("article img").attr("src"), "/docs/guides/screenshot.png");
    for (const file of ["docs/guides/diagram.png", "docs/guides/screenshot.png", "assets/images/logo.svg", "CNAME"]) {
      assert.ok(fs.existsSync(path.join(outDir, file)), `${file} is copied`);
    }
  });

  test("_config.yml settings: title, aux links, edit links, no search when search_enabled is false", () => {
    const $ = loadPage(outDir, "/docs/guides/install/");
    assert.equal($(".site-title").text(), "Acme Docs");
    assert.equal($("title").text(), "Install – Acme Docs");
    assert.deepEqual($(".aux-nav a").map((_, a) => [[$(a).text(), $(a).attr("href")]]).get(), [["Acme on GitHub", "https://github.com/acme/docs"]]);
    assert.equal($('a:contains("Edit this page")').attr("href"), "https://github.com/acme/docs/edit/trunk/site/docs/guides/install.md");
    assert.equal($(".search-button").length, 0);
    assert.equal(fs.existsSync(path.join(outDir, "pagefind")), false);
  });

  test("color_scheme: dark gives every page, the 404 page too, the dark theme until the reader picks another", () => {
    for (const file of ["index.html", "docs/faq/index.html", "404.html"]) {
      const html = fs.readFileSync(path.join(outDir, file), "utf8");
      assert.match(html, /<html lang="en" data-theme="dark" data-default-theme="dark">/, file);
    }
  });

  test("back_to_top: a long page ends with Back to top; a short one does not need it", () => {
    assert.equal(loadPage(outDir, "/docs/reference/glossary/")('.back-to-top a[href="#top"]').length, 1);
    assert.equal(loadPage(outDir, "/docs/faq/")(".back-to-top").length, 0);
  });

  test("what is not carried over is said, at its line", () => {
    assert.match(stderr, /jtd-site\/_config\.yml:20:20 warning gh_edit_link_text has no effect here/);
    assert.match(stderr, /jtd-site\/404\.html:1:1 warning not built: a page written in HTML needs Jekyll's layouts/);
  });
});

describe("a migrated site's mistakes", () => {
  const BROKEN = "---\ntitle: Broken\n---\n\n# Broken\n\nSee [the old page](old-page.md) and [the FAQ]({% link docs/faq.md %}#no-such-question).\nAlso ![a picture](nothing.png).\n";

  test("broken links stop the build by default, with file:line:col", async () => {
    const site = copyFixture("jtd-site");
    fs.writeFileSync(path.join(site, "docs/broken.md"), BROKEN);
    const result = await buildInto(site, ["--jekyll-config", path.join(site, "_config.yml")]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /docs\/broken\.md:7:20 error link "old-page\.md" points to a page that does not exist/);
    assert.equal(fs.existsSync(result.outDir), false);
  });

  test("with --links warn every broken link and anchor is listed with file:line, and the site is written", async () => {
    const site = copyFixture("jtd-site");
    fs.writeFileSync(path.join(site, "docs/broken.md"), BROKEN);
    const result = await buildInto(site, ["--jekyll-config", path.join(site, "_config.yml"), "--links", "warn"]);
    assert.equal(result.code, 0, result.stderr);
    const warnings = result.stderr.split("\n").filter((l) => l.includes("docs/broken.md:"));
    assert.deepEqual(
      warnings.map((l) => /docs\/broken\.md:(\d+:\d+) (\w+)/.exec(l)!.slice(1).join(" ")),
      ["7:20 warning", "7:47 warning", "8:19 warning"],
      result.stderr,
    );
    assert.match(warnings[1]!, /anchor "#no-such-question" matches no heading on \/docs\/faq\//);
    assert.match(warnings[2]!, /nothing\.png/);
    assert.ok(fs.existsSync(path.join(result.outDir, "docs/broken/index.html")));
  });

  test("an undefined Liquid variable fails the build at its file and line", async () => {
    const site = copyFixture("jtd-site");
    const faq = path.join(site, "docs/faq.md");
    fs.writeFileSync(faq, fs.readFileSync(faq, "utf8").replace("Ask in {{ site.data.contacts.oncall.primary }}.", "Ask {{ site.team.manager }}."));
    const result = await buildInto(site, ["--jekyll-config", path.join(site, "_config.yml")]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /docs\/faq\.md:7:8 error Liquid: "site\.team\.manager" is not defined/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
  });

  test("a YAML mistake in _config.yml fails the build at its line and column", async () => {
    const site = copyFixture("jtd-site");
    const config = path.join(site, "_config.yml");
    fs.writeFileSync(config, fs.readFileSync(config, "utf8").replace('title: Acme Docs', 'title: "Acme Docs'));
    const result = await buildInto(site, ["--jekyll-config", config]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /_config\.yml:\d+:\d+ error _config\.yml is not valid YAML: /);
    assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
  });

  test("back_to_top: false leaves Back to top out, even on a long page", async () => {
    const site = copyFixture("jtd-site");
    const config = path.join(site, "_config.yml");
    fs.writeFileSync(config, fs.readFileSync(config, "utf8").replace("back_to_top: true", "back_to_top: false"));
    const result = await buildInto(site, ["--jekyll-config", config]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(loadPage(result.outDir, "/docs/reference/glossary/")(".back-to-top").length, 0);
  });

  test("--content defaults to the folder of --jekyll-config; an unknown --links value is a usage error", async () => {
    const out = path.join(tempDir(), "site");
    const result = await runCli(["check", "--jekyll-config", path.join(fixture("jtd-site"), "_config.yml"), "--output", out]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /25 pages checked/);
    const usage = await runCli(["build", "--links", "sometimes"]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--links must be error or warn, not "sometimes"/);
  });
});
