import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { oldUrlOf, resolveJekyllRelative, type JekyllLinkContext } from "../../../src/jekyll/links.ts";
import { pageUrlCandidates } from "../../../src/content/urls.ts";
import { src } from "../fixtures.ts";

const pages = new Map([["/docs/guides/install/", true], ["/docs/guides/", true], ["/docs/faq/", true]]);
const files = new Set(["/docs/guides/diagram.png", "/docs/guides/install/shot.png", "/docs/screenshot.png"]);
const ctx = (permalink: "pretty" | "html"): JekyllLinkContext => ({
  contentDir: "/site/content",
  permalink,
  pageAt: (url) => pageUrlCandidates(url).find((u) => pages.has(u)),
  isFile: (url) => files.has(url),
});
const install = src("docs/guides/install.md", "title: Install");

describe("relative links on a Jekyll site", () => {
  test("the old URL of a page: its folder URL with permalink: pretty, else .html; a permalink as written", () => {
    assert.equal(oldUrlOf(install, "pretty"), "/docs/guides/install/");
    assert.equal(oldUrlOf(install, "html"), "/docs/guides/install.html");
    assert.equal(oldUrlOf(src("docs/guides/index.md", "title: Guides"), "html"), "/docs/guides/");
    assert.equal(oldUrlOf(src("docs/teams.md", "title: Teams\npermalink: /teams"), "pretty"), "/teams");
  });

  test("with pretty URLs, ../x.png was written against the page's URL and still finds the file", () => {
    assert.equal(resolveJekyllRelative("../diagram.png", install, ctx("pretty")), "/docs/guides/diagram.png");
    assert.equal(resolveJekyllRelative("shot.png", install, ctx("pretty")), "/docs/guides/install/shot.png");
  });

  test("a path written against the file (as on GitHub) is used when the URL reading names nothing", () => {
    assert.equal(resolveJekyllRelative("../screenshot.png#top", install, ctx("pretty")), "/docs/screenshot.png#top");
  });

  test("with .html URLs the page's folder is the file's, and a link to another page's .html becomes its URL", () => {
    assert.equal(resolveJekyllRelative("diagram.png", install, ctx("html")), "/docs/guides/diagram.png");
    assert.equal(resolveJekyllRelative("../faq.html#q1", install, ctx("html")), "/docs/faq/#q1");
  });

  test("what names nothing keeps the old site's reading, for the link check to report", () => {
    assert.equal(resolveJekyllRelative("missing.png", install, ctx("pretty")), "/docs/guides/install/missing.png");
    assert.equal(resolveJekyllRelative("https://x.example/a.png", install, ctx("pretty")), undefined);
    assert.equal(resolveJekyllRelative("#local", install, ctx("pretty")), undefined);
  });
});
