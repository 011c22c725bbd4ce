import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { JEKYLL_DEFAULT_EXCLUDES } from "../../../src/jekyll/config.ts";
import { fnmatch, jekyllFilter, readJekyllSite, siteVariable } from "../../../src/jekyll/site.ts";
import { loadContent } from "../../../src/content/load.ts";

const SOURCE = "/site";
const skip = jekyllFilter({ exclude: [...JEKYLL_DEFAULT_EXCLUDES, "drafts/", "*.gemspec", "docs/tests"], include: ["_redirects", ".well-known"] }, SOURCE);
const skipped = (rel: string, isDir = false) => skip(path.join(SOURCE, rel), isDir);

describe("which files Jekyll leaves out", () => {
  test("exclude patterns: folders, globs (where * also crosses /) and plain prefixes", () => {
    assert.equal(skipped("drafts", true), true);
    assert.equal(skipped("acme.gemspec"), true);
    assert.equal(skipped("docs/tests/a.md"), true);
    assert.equal(skipped("docs/testsuite.md"), true, "Jekyll's exclude also matches a plain prefix");
    assert.equal(skipped("docs/guide.md"), false);
  });

  test("Jekyll's defaults: node_modules, Gemfile, vendor/bundle", () => {
    assert.equal(skipped("node_modules", true), true);
    assert.equal(skipped("Gemfile"), true);
    assert.equal(skipped("vendor/bundle", true), true);
    assert.equal(skipped("vendor/notes.md"), false);
  });

  test("names starting with . _ # or ~, or ending with ~, unless included", () => {
    assert.equal(skipped("_includes", true), true);
    assert.equal(skipped("_config.yml"), true);
    assert.equal(skipped(".github", true), true);
    assert.equal(skipped("docs/page.md~"), true);
    assert.equal(skipped("_redirects"), false);
    assert.equal(skipped(".well-known", true), false);
  });

  test("fnmatch is Ruby's File.fnmatch without flags", () => {
    assert.equal(fnmatch("*.md", "docs/a.md"), true);
    assert.equal(fnmatch("docs/?.md", "docs/a.md"), true);
    assert.equal(fnmatch("[ab].md", "c.md"), false);
    assert.equal(fnmatch("a.md", "a_md"), false);
  });
});

/** Writes files below a folder, making their folders. */
const writer = (dir: string) => (rel: string, text = "") => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};

describe("a Jekyll site's files", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jekyll-files-"));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = writer(dir);
  write("_config.yml", "title: Acme\nexclude:\n  - drafts/\n");
  write("docs/index.md", "---\ntitle: Docs\n---\n");
  write("docs/guide.md", "---\ntitle: Guide\n---\n");
  write("docs/diagram.png", "png");
  write("drafts/wip.md", "---\ntitle: [broken\n---\n");
  write("docs/_partials/x.md", "---\ntitle: [broken\n---\n");
  write("assets/images/logo.svg", "<svg/>");
  write("assets/css/custom.scss", "---\n---\n@import 'x';\n");
  write("images/photo.jpg", "jpg");
  write("about.html", "---\nlayout: default\n---\n<p>About</p>\n");
  write("CNAME", "docs.acme.example\n");

  test("pages are the Markdown files Jekyll builds; what it leaves out is never read", () => {
    const site = readJekyllSite(path.join(dir, "_config.yml"), dir);
    const content = loadContent(dir, site.isExcluded);
    assert.deepEqual(content.pages.map((p) => p.relPath), ["docs/guide.md", "docs/index.md"]);
    assert.deepEqual(content.diagnostics, []);
    assert.ok(site.ignored.includes("drafts/") && site.ignored.includes("docs/_partials/"));
  });

  test("other files are copied as they are, except files with front matter; an HTML page is a warning", () => {
    const site = readJekyllSite(path.join(dir, "_config.yml"), dir);
    assert.deepEqual(site.staticFiles.map((f) => f.to), ["CNAME", "assets/images/logo.svg", "docs/diagram.png", "images/photo.jpg"]);
    assert.deepEqual(
      site.diagnostics.map((d) => [path.relative(dir, d.file), d.severity]),
      [["about.html", "warning"]],
    );
  });

  test("a file a browser would open as a page of the site (HTML, XML, XSLT) is not copied, with a warning", () => {
    const site = readJekyllSite(path.join(dir, "_config.yml"), dir);
    write("verify.html", "<script>fetch('/secret/').then((r) => r.text()).then(leak)</script>");
    write("feed.xsl", "<xsl:stylesheet/>");
    const again = readJekyllSite(path.join(dir, "_config.yml"), dir);
    fs.rmSync(path.join(dir, "verify.html"));
    fs.rmSync(path.join(dir, "feed.xsl"));
    assert.deepEqual(again.staticFiles.map((f) => f.to), site.staticFiles.map((f) => f.to));
    const warned = again.diagnostics.filter((d) => /not copied: a browser opens this file as a page/.test(d.message));
    assert.deepEqual(warned.map((d) => [path.relative(dir, d.file), d.severity]), [["feed.xsl", "warning"], ["verify.html", "warning"]]);
  });

  test("the build's output folder inside the site, and its staging folders, are not the site's files", () => {
    write("site/logo.png", "png");
    write("site.partial-123/logo.png", "png");
    const site = readJekyllSite(path.join(dir, "_config.yml"), dir, path.join(dir, "site"));
    const without = readJekyllSite(path.join(dir, "_config.yml"), dir);
    fs.rmSync(path.join(dir, "site"), { recursive: true });
    fs.rmSync(path.join(dir, "site.partial-123"), { recursive: true });
    assert.ok(site.staticFiles.every((f) => !f.to.startsWith("site")), site.staticFiles.map((f) => f.to).join(", "));
    assert.ok(without.staticFiles.some((f) => f.to === "site/logo.png"), "another folder of that name is the site's own");
  });

  test("with the docs folder as the content, the asset folders next to it are copied too", () => {
    const site = readJekyllSite(path.join(dir, "_config.yml"), path.join(dir, "docs"));
    assert.deepEqual(site.staticFiles.map((f) => f.to), ["diagram.png", "assets/images/logo.svg", "images/photo.jpg"]);
    assert.ok(site.staticUrls.has("/assets/images/logo.svg"));
  });
});

describe("a Jekyll site's files follow the content folder's rules", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jekyll-links-"));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = writer(dir);
  write("_config.yml", "title: Acme\n");
  write("docs/index.md", "---\ntitle: Docs\n---\n");
  write("assets/logo.svg", "<svg/>");
  fs.symlinkSync("/etc/hostname", path.join(dir, "assets/leak.txt"));
  fs.symlinkSync("/etc/hostname", path.join(dir, "docs/leak.txt"));
  write("_data/team.yml", "lead: Ada\n");
  write("_data/__proto__.yml", "polluted: true\n");
  fs.symlinkSync("/etc/hostname", path.join(dir, "_data/secret.yml"));
  const config = path.join(dir, "_config.yml");
  const shown = (list: readonly { file: string; line: number; message: string }[]) => list.map((d) => `${path.relative(dir, d.file)}:${d.line} ${d.message}`);

  test("a link out of the site is an error at its path and is never copied, in the content folder or beside it", () => {
    const site = readJekyllSite(config, path.join(dir, "docs"));
    assert.deepEqual(site.staticFiles.map((f) => f.to), ["assets/logo.svg"]);
    assert.deepEqual(shown(site.diagnostics), [
      "assets/leak.txt:1 is a symbolic link to a place outside the assets folder, which the build never reads; put the file itself here instead",
    ]);
    // The content folder's own problems come from reading its pages, once.
    assert.deepEqual(shown(loadContent(path.join(dir, "docs"), site.isExcluded).diagnostics), [
      "docs/leak.txt:1 is a symbolic link to a place outside the content folder, which the build never reads; put the file itself here instead",
    ]);
  });

  test("_data: a link out of the folder is never read into site.data, nor is a file named __proto__", () => {
    const site = readJekyllSite(config, path.join(dir, "docs"));
    const { site: variable, diagnostics } = siteVariable(site, []);
    assert.deepEqual(variable.data, { team: { lead: "Ada" } });
    assert.deepEqual(shown(diagnostics).sort(), [
      '_data/__proto__.yml:1 "__proto__" cannot name data: it is not data to JavaScript; rename it',
      "_data/secret.yml:1 is a symbolic link to a place outside the _data folder, which the build never reads; put the file itself here instead",
    ]);
  });
});
