import { test } from "node:test";
import assert from "node:assert/strict";
import { normaliseBase, pageUrl, pageUrlCandidates, readmeIndexPath, withBase } from "../../../src/content/urls.ts";
import { src } from "../fixtures.ts";

test("pages get pretty URLs from their paths", () => {
  assert.equal(pageUrl("index.md"), "/");
  assert.equal(pageUrl("teams/index.md"), "/teams/");
  assert.equal(pageUrl("teams/dev-team/ai-engineer.md"), "/teams/dev-team/ai-engineer/");
  assert.equal(src("teams/dev-team/ai-engineer.md", "title: AI Engineer").url, "/teams/dev-team/ai-engineer/");
});

test("a permalink with a trailing slash is the page's URL", () => {
  assert.equal(src("people/contact.md", "title: Contact\npermalink: /contact/").url, "/contact/");
});

test("a permalink without a trailing slash is served as a folder, one with an extension as a file", () => {
  assert.equal(src("people/contact.md", "title: Contact\npermalink: /contact").url, "/contact/");
  assert.equal(src("people/contact.md", "title: Contact\npermalink: team/contact").url, "/team/contact/");
  assert.equal(src("feed.md", "permalink: /feed.xml").url, "/feed.xml");
});

test("withBase prefixes site URLs and leaves other URLs alone", () => {
  assert.equal(withBase("/handbook/", "/teams/"), "/handbook/teams/");
  assert.equal(withBase("/handbook/", "/"), "/handbook/");
  assert.equal(withBase("/", "/teams/"), "/teams/");
  assert.equal(withBase("/handbook/", "https://example.com/teams/"), "https://example.com/teams/");
  assert.equal(withBase("/handbook/", "//cdn.example.com/x.js"), "//cdn.example.com/x.js");
  assert.equal(withBase("/handbook/", "img/logo.png"), "img/logo.png");
});

test("normaliseBase turns any spelling of a path prefix into /x/y/", () => {
  assert.equal(normaliseBase("handbook"), "/handbook/");
  assert.equal(normaliseBase("/handbook"), "/handbook/");
  assert.equal(normaliseBase("handbook/"), "/handbook/");
  assert.equal(normaliseBase(" /docs/handbook/ "), "/docs/handbook/");
  assert.equal(normaliseBase("/"), "/");
  assert.equal(normaliseBase(""), "/");
  assert.equal(normaliseBase(undefined), "/");
});

test("a README.md is its folder's index page unless the folder has an index.md", () => {
  const files = ["docs/README.md", "guides/README.md", "guides/index.md", "README.md"];
  assert.equal(readmeIndexPath("docs/README.md", files), "docs/index.md");
  assert.equal(readmeIndexPath("guides/README.md", files), undefined);
  assert.equal(readmeIndexPath("README.md", files), "index.md");
  assert.equal(readmeIndexPath("docs/readme-notes.md", files), undefined);
});

test("a site path names a page with or without its slash, or as Jekyll's .html URL", () => {
  assert.deepEqual(pageUrlCandidates("/docs/teams"), ["/docs/teams", "/docs/teams/"]);
  assert.deepEqual(pageUrlCandidates("/docs/teams.html"), ["/docs/teams.html", "/docs/teams/"]);
  assert.deepEqual(pageUrlCandidates("/docs/index.html"), ["/docs/index.html", "/docs/"]);
  assert.deepEqual(pageUrlCandidates("/docs/"), ["/docs/"]);
  assert.deepEqual(pageUrlCandidates("/assets/diagram.png"), ["/assets/diagram.png"]);
});
