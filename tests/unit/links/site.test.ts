import assert from "node:assert/strict";
import { test } from "node:test";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { checkBuiltSite, scanHtml, SiteLinkChecker, type BuiltPage } from "../../../src/links/site.ts";

/** A built site from `{ path: html }`; `extra` are other files written (assets, nav.json). */
const site = (pages: Record<string, string>, extra: string[] = []) => {
  const built: BuiltPage[] = Object.entries(pages).map(([path, html]) => ({ path, html }));
  return { built, files: new Set([...Object.keys(pages), ...extra]) };
};

/** The broken URLs of a site as `page: url problem`. */
const broken = (pages: Record<string, string>, extra: string[] = [], base = "/") => {
  const { built, files } = site(pages, extra);
  return checkBuiltSite(built, files, base).broken.map((b) => `${b.page}: ${b.url} ${b.problem}`);
};

test("scanHtml finds ids, <a name>, and URLs in href, src, srcset and the handbook's data attributes", () => {
  const page = scanHtml(
    `<h2 id="skills">Skills</h2><a name="old"></a><a href="/a/?x=1&amp;y=2#b">a</a><img src="i.png" srcset="i-1x.png 1x, i-2x.png 2x">` +
      `<nav data-nav-src="/nav.json"></nav><script type="module" src="/assets/handbook.js"></script>`,
  );
  assert.deepEqual([...page.ids], ["skills", "old"]);
  assert.deepEqual(
    page.urls.map((u) => `${u.tag} ${u.attribute} ${u.url}`),
    ["a href /a/?x=1&y=2#b", "img src i.png", "img srcset i-1x.png", "img srcset i-2x.png", "nav data-nav-src /nav.json", "script src /assets/handbook.js"],
  );
});

test("scanHtml does not take text, comments or script bodies for links", () => {
  const page = scanHtml(`<p>href="/nowhere/"</p><!-- <a href="/gone/">x</a> --><script type="application/json">{"href":"/x/"}</script>`);
  assert.deepEqual(page.urls, []);
});

test("links to pages, folders with an index page, assets and nav.json resolve", () => {
  const pages = {
    "index.html": `<a href="/teams/">t</a><a href="teams/">t</a><a href="/teams">t</a><link rel="stylesheet" href="/assets/handbook.css"><nav data-nav-src="/nav.json"></nav>`,
    "teams/index.html": `<a href="../">home</a><a href="./">self</a><img src="team.png">`,
  };
  assert.deepEqual(broken(pages, ["assets/handbook.css", "nav.json", "teams/team.png"]), []);
});

test("a link to a page that was not written is broken, relative or absolute", () => {
  const pages = {
    "index.html": `<a href="/teams/gone/">x</a><a href="teams/also-gone/">y</a>`,
    "teams/index.html": `<img src="missing.png">`,
  };
  assert.deepEqual(broken(pages), [
    "index.html: /teams/gone/ matches no page or file: nothing is written at /teams/gone/",
    "index.html: teams/also-gone/ matches no page or file: nothing is written at /teams/also-gone/",
    "teams/index.html: missing.png matches no page or file: nothing is written at /teams/missing.png",
  ]);
});

test("a missing asset or nav.json is broken", () => {
  const pages = { "index.html": `<link rel="stylesheet" href="/assets/site.css"><nav data-nav-src="/nav.json"></nav>` };
  assert.equal(broken(pages).length, 2);
});

test("an #anchor must be an id on the page it points to, with the closest id suggested", () => {
  const pages = {
    "index.html": `<a href="#intro">ok</a><a href="#intr">typo</a><a href="/teams/#skills">ok</a><a href="/teams/#skils">typo</a><a href="#main-content">skip</a>`,
    "teams/index.html": `<h2 id="skills">Skills</h2><main id="main-content"></main>`,
  };
  pages["index.html"] += `<h1 id="intro">Intro</h1><main id="main-content"></main>`;
  assert.deepEqual(broken(pages), [
    'index.html: #intr points to #intr, which no element on / has (did you mean "#intro"?)',
    'index.html: /teams/#skils points to #skils, which no element on /teams/ has (did you mean "#skills"?)',
  ]);
});

test('"#", "#top" and encoded anchors resolve as browsers resolve them', () => {
  const pages = { "index.html": `<a href="#">top</a><a href="#top">top</a><h2 id="café">Café</h2><a href="#caf%C3%A9">café</a>` };
  assert.deepEqual(broken(pages), []);
});

test("external links, mailto: and other schemes are not checked", () => {
  const pages = { "index.html": `<a href="https://example.com/x">x</a><a href="//cdn.example.com/y.js">y</a><a href="mailto:a@b.c">m</a>` };
  const { built, files } = site(pages);
  const report = checkBuiltSite(built, files);
  assert.deepEqual(report.broken, []);
  assert.equal(report.checked, 0);
});

test("a link written like a site path that a browser reads as another site's (/\\host) is broken", () => {
  const pages = { "index.html": `<a href="/\\evil.example/">Totally internal</a><a href="\\/evil.example/">x</a><a href="//cdn.example/y.js">cdn</a>` };
  const problem = 'leads to another site, as browsers read "\\" as "/"; write the full address (https://…) for another site, or remove the "\\"';
  assert.deepEqual(broken(pages), [`index.html: /\\evil.example/ ${problem}`, `index.html: \\/evil.example/ ${problem}`]);
});

test("under a path prefix, links must stay below it", () => {
  const pages = {
    "index.html": `<a href="/handbook/teams/">ok</a><a href="/teams/">outside</a><a href="teams/">relative</a>`,
    "teams/index.html": `<a href="../">up</a>`,
  };
  assert.deepEqual(broken(pages, [], "/handbook/"), ["index.html: /teams/ is outside the site, which is served from /handbook/"]);
});

test("the search bundle folder resolves for the script that reads it, but a page link to a folder without an index does not", () => {
  const pages = { "index.html": `<dialog data-bundle="/pagefind/"></dialog><a href="/pagefind/">x</a>` };
  assert.deepEqual(broken(pages, ["pagefind/pagefind.js"]), [
    "index.html: /pagefind/ matches no page or file: nothing is written at /pagefind/",
  ]);
});

test("an anchor into a file that is not a page (a PDF) is not checked", () => {
  assert.deepEqual(broken({ "index.html": `<a href="/files/plan.pdf#page=2">plan</a>` }, ["files/plan.pdf"]), []);
});

test("the report counts the pages and the internal URLs checked", () => {
  const { built, files } = site({ "index.html": `<a href="/">a</a><a href="#x">b</a><p id="x"></p>`, "b/index.html": `<a href="/">a</a>` });
  const report = checkBuiltSite(built, files);
  assert.deepEqual([report.pages, report.checked, report.broken.length], [2, 3, 0]);
});

test("the gate keeps a page's ids and links, not the page: 100 pages of 1 MB leave a few MB behind", () => {
  v8.setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const checker = new SiteLinkChecker("/");
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 100; i++) {
    // A page with a character beyond Latin-1 is held two bytes a character: 2 MB each.
    const filler = `<p>${"Ω text of the page ".repeat(52_000)}</p>`;
    const html = `<h2 id="a-heading-long-enough-${i}">x</h2>${filler}<a href="../sibling-page-${i}/#section-${i}">s</a><a href="/teams/page-${i}/#part-${i}">t</a>`;
    checker.addPage(`p${i}/index.html`, html);
  }
  gc();
  const kept = (process.memoryUsage().heapUsed - before) / 1048576;
  assert.ok(kept < 20, `${kept.toFixed(0)} MB kept for 100 pages of 2 MB`);
  assert.equal(checker.finish(new Set(["p0/index.html"])).checked, 200);
});
