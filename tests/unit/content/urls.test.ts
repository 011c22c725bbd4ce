import { test } from "node:test";
import assert from "node:assert/strict";
import { parseSource } from "../../../src/content/page.ts";
import { normaliseBase, pageUrl, pageUrlCandidates, readmeIndexPath, RESERVED_PATHS, urlPathProblem, withBase } from "../../../src/content/urls.ts";
import { formatted, src } from "../fixtures.ts";

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

const check = (relPath: string, frontMatter: string) => {
  const { page, diagnostics } = parseSource(`/site/content/${relPath}`, relPath, `---\n${frontMatter}\n---\n`);
  return { url: page?.url, errors: formatted(diagnostics) };
};

test("a permalink that leaves the site or cannot be written is an error at its line; the page keeps its file's URL", () => {
  const cases: Array<[string, string]> = [
    ["/a\\\\b/", 'has "\\", which is not a URL path separator; use /'],
    ["//evil.example/x", 'has "//", which a browser reads as the address of another site; use single slashes'],
    ["/a//b/", 'has "//", which a browser reads as the address of another site; use single slashes'],
    ["/../../etc/", 'has a ".." segment, which leads out of its folder; remove it'],
    ["/a/%2e%2e/b/", 'has a "%2e%2e" segment, which leads out of its folder; remove it'],
    ["/a/./b/", 'has a "." segment, which leads out of its folder; remove it'],
    ["/a\\u0007b/", "has a control character (such as a line break); remove it"],
    ["/100%zz/", 'has "%zz", which is not a percent escape (% and two hex digits); write a % sign as %25'],
    ["/a?b=1", 'has "?", which ends a URL\'s path; remove it'],
    [`/${"x".repeat(256)}/`, "has a segment of 256 bytes, longer than a file name can be (255); shorten it"],
  ];
  for (const [permalink, problem] of cases) {
    const { url, errors } = check("people/contact.md", `title: Contact\npermalink: "${permalink}"`);
    assert.deepEqual(errors, [`content/people/contact.md:3:12 error permalink ${JSON.stringify(JSON.parse(`"${permalink}"`))} ${problem}`], permalink);
    assert.equal(url, "/people/contact/", permalink);
  }
  assert.deepEqual(check("a.md", `title: A\npermalink: /${"é".repeat(127)}/`).errors, [], "254 bytes is a file name");
});

test("a permalink that takes a file the build writes itself is an error at its line", () => {
  const reserved = ["/404.html", "/nav.json", "/roles.json", "/robots.txt", "/sitemap.xml", "/assets/handbook.css", "/assets/", "/pagefind/", "/pagefind", "/Nav.json", "/nav.json/"];
  for (const permalink of reserved) {
    const { errors } = check("x.md", `title: X\npermalink: ${permalink}`);
    assert.equal(errors.length, 1, permalink);
    assert.match(errors[0]!, /^content\/x\.md:3:12 error URL "[^"]+" is (under )?\/[a-z0-9./]+, which the build writes itself; choose another permalink$/, permalink);
  }
  assert.deepEqual(check("assets/x.md", "title: X").errors, [
    'content/assets/x.md:1:1 error URL "/assets/x/" is under /assets/, which the build writes itself; move or rename the file, or give it a permalink',
  ]);
  assert.deepEqual(RESERVED_PATHS.filter((p) => !reserved.includes(p)), []);
});

test("/index.html is the home page's URL, and /a/index.html the folder's, so a clash is a duplicate URL", () => {
  assert.equal(check("about.md", "title: About\npermalink: /index.html").url, "/");
  assert.equal(check("about.md", "title: About\npermalink: /teams/index.html").url, "/teams/");
});

test("a path prefix, from the command line or a Jekyll baseurl, follows the same rule", () => {
  assert.equal(urlPathProblem("/handbook/"), undefined);
  assert.equal(urlPathProblem("/a/../b/"), 'has a ".." segment, which leads out of its folder; remove it');
});
