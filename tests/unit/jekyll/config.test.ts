import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readYaml } from "../../../src/content/yaml.ts";
import { htmlToText, readJekyllConfig } from "../../../src/jekyll/config.ts";
import { formatted } from "../fixtures.ts";

const FILE = "/site/_config.yml";
const read = (yaml: string) => readJekyllConfig(FILE, yaml);

describe("a Just the Docs _config.yml mapped onto the handbook's settings", () => {
  test("title, description and lang become the site's; baseurl the path prefix", () => {
    const { settings } = read('title: Acme Docs\ndescription: "How we work"\nlang: de\nbaseurl: "/acme-docs"\n');
    assert.equal(settings.title, "Acme Docs");
    assert.equal(settings.description, "How we work");
    assert.equal(settings.lang, "de");
    assert.equal(settings.pathPrefix, "/acme-docs");
  });

  test("aux_links in Just the Docs' form ({ text: [url] }) become header links, in order", () => {
    const { settings } = read('aux_links:\n  "Source":\n    - "https://github.com/acme/docs"\n  Status: "https://status.acme.example"\n');
    assert.deepEqual(settings.auxLinks, [
      { title: "Source", url: "https://github.com/acme/docs" },
      { title: "Status", url: "https://status.acme.example" },
    ]);
  });

  test("nav_sort, heading_anchors and search_enabled map onto navSort, headingAnchors and search", () => {
    const { settings } = read("nav_sort: case_insensitive\nheading_anchors: false\nsearch_enabled: false\n");
    assert.equal(settings.navSort, "case_insensitive");
    assert.equal(settings.headingAnchors, false);
    assert.equal(settings.search, false);
    const defaults = read("title: x\n").settings;
    assert.equal(defaults.headingAnchors, undefined, "unset keys leave the handbook's defaults");
    assert.equal(defaults.search, undefined);
  });

  test("back_to_top and color_scheme map onto backToTop and colorScheme; a custom scheme is a warning", () => {
    const { settings } = read("back_to_top: false\ncolor_scheme: dark\n");
    assert.equal(settings.backToTop, false);
    assert.equal(settings.colorScheme, "dark");
    assert.deepEqual(formatted(read("title: x\ncolor_scheme: wider\n").diagnostics), [
      '_config.yml:2:15 warning color_scheme "wider" has no effect here: only light and dark exist; readers get their system\'s',
    ]);
  });

  test("callouts keep their titles, Just the Docs' grey-lt and grey-dk become grey, and replace the default kinds", () => {
    const { settings, diagnostics } = read(
      "callouts:\n  warning:\n    title: Warning\n    color: red\n  aside:\n    color: grey-dk\n",
    );
    assert.deepEqual(settings.callouts, { warning: { title: "Warning", color: "red" }, aside: { color: "grey" } });
    assert.deepEqual(diagnostics, []);
  });

  test("a callout colour of the site's own (its Sass defines it) is a warning at its line, and the callout is grey", () => {
    const { settings, diagnostics } = read("title: x\ncallouts:\n  warning:\n    title: Warning\n    color: calloutspink\n");
    assert.deepEqual(formatted(diagnostics), [
      '_config.yml:5:12 warning callout "warning" color "calloutspink" is not one of blue, green, yellow, red, purple, grey, grey-lt, grey-dk; it is shown grey',
    ]);
    assert.deepEqual(settings.callouts, { warning: { title: "Warning", color: "grey" } });
  });

  test("a callout without a colour is an error at its line", () => {
    const { diagnostics } = read("title: x\ncallouts:\n  warning:\n    title: Warning\n");
    assert.deepEqual(formatted(diagnostics), ['_config.yml:3:3 error callout "warning" needs a color: one of blue, green, yellow, red, purple, grey, grey-lt, grey-dk']);
  });

  test("without callouts in _config.yml, a site has none: {: .note } is a plain class, as in Just the Docs", () => {
    assert.deepEqual(read("title: x\n").settings.callouts, {});
  });

  test("gh_edit_* become the repository edit links point into, gh_edit_source the folder of the pages", () => {
    const { settings } = read(
      'gh_edit_link: true\ngh_edit_repository: "https://github.com/acme/docs/"\ngh_edit_branch: trunk\ngh_edit_source: docs\n',
    );
    assert.deepEqual(settings.repository, { url: "https://github.com/acme/docs", branch: "trunk", contentPath: "docs" });
    assert.equal(read('gh_edit_link: false\ngh_edit_repository: "https://github.com/acme/docs"\n').settings.repository, undefined);
  });

  test("footer_content, which is HTML, becomes the footer's text", () => {
    const { settings } = read('footer_content: "Copyright &copy; 2024 Acme. <a href=\\"/license\\">MIT</a>."\n');
    assert.equal(settings.footer, "Copyright © 2024 Acme. MIT.");
    assert.equal(htmlToText("a &amp; b&#33; <b>c</b>&nbsp;d"), "a & b! c d");
  });

  test("heading ids follow Jekyll's kramdown: the GFM parser by default, kramdown's own when the site asks", () => {
    assert.equal(read("title: x\n").settings.headingIds, "kramdown-gfm");
    assert.equal(read("kramdown:\n  input: kramdown\n").settings.headingIds, "kramdown");
  });

  test("permalink: pretty is remembered, as relative links were written against those URLs", () => {
    assert.equal(read("permalink: pretty\n").permalink, "pretty");
    assert.equal(read("title: x\n").permalink, "html");
    assert.equal(read("permalink: /:path/:basename/\n").permalink, "pretty");
  });

  test("exclude adds to Jekyll's own defaults; include is kept", () => {
    const config = read("exclude:\n  - drafts/\n  - NOTES.md\ninclude:\n  - _redirects\n");
    assert.ok(config.exclude.includes("node_modules") && config.exclude.includes("vendor/bundle/"));
    assert.deepEqual(config.exclude.slice(-2), ["drafts/", "NOTES.md"]);
    assert.deepEqual(config.include, ["_redirects"]);
  });

  test("the whole file is Liquid's site variable, nested keys included", () => {
    const { site } = read("title: Acme\nteam:\n  lead:\n    name: Ada\n");
    assert.deepEqual(site, { title: "Acme", team: { lead: { name: "Ada" } } });
  });

  test("a YAML mistake is an error at its line and column", () => {
    const { diagnostics } = read("title: Acme\naux_links:\n  Source: [unclosed\nnav_sort: case_insensitive\n");
    assert.equal(diagnostics.length, 1);
    assert.match(formatted(diagnostics)[0]!, /^_config\.yml:4:\d+ error _config\.yml is not valid YAML: /);
  });

  test("keys Just the Docs has but the handbook does not honour are warnings at their lines, saying why", () => {
    const { diagnostics } = read("title: x\nlogo: /assets/logo.png\nmermaid:\n  version: 10.9.0\nga_tracking: false\n");
    assert.deepEqual(formatted(diagnostics), [
      "_config.yml:2:7 warning logo has no effect here: the header shows the site title only",
      "_config.yml:3:1 warning mermaid has no effect here: diagrams are not rendered; mermaid code blocks show as code",
    ]);
  });

  test("a value of the wrong kind is an error at its line", () => {
    assert.deepEqual(formatted(read("title: x\nsearch_enabled: sometimes\n").diagnostics), [
      '_config.yml:2:17 error search_enabled must be true or false, not "sometimes"',
    ]);
    assert.deepEqual(formatted(read("nav_sort: alphabetical\n").diagnostics), [
      '_config.yml:1:11 error nav_sort must be case_sensitive or case_insensitive, not "alphabetical"',
    ]);
  });
});

test("a key is found by its path, not by its name elsewhere; a value on a later line gives the key's column", () => {
  const text = "color: top\ncallouts:\n  note:\n    title: Note\n    color: blue\n  warn:\n    color: red\n";
  const { at } = readYaml(text, { file: FILE, line: 1, name: "_config.yml", fix: "" });
  assert.deepEqual(at(["color"]), { line: 1, column: 8 });
  assert.deepEqual(at(["callouts", "warn", "color"]), { line: 7, column: 12 });
  assert.deepEqual(at(["callouts", "note"]), { line: 3, column: 3 });
  assert.deepEqual(at(["callouts", "aside", "color"]), { line: 2, column: 1 }, "the deepest key found");
});

test("_config.yml follows the same YAML rules as front matter: keys that are not data, tabs, tags", () => {
  assert.deepEqual(formatted(read("title: x\ncallouts:\n  __proto__:\n    color: red\n  constructor:\n    color: blue\n").diagnostics), [
    '_config.yml:3:3 error key "__proto__" is not allowed: it is not data to JavaScript; remove it or rename it',
    '_config.yml:5:3 error key "constructor" is not allowed: it is not data to JavaScript; remove it or rename it',
  ]);
  assert.deepEqual(formatted(read("title: x\nexclude:\n\t- drafts/\n").diagnostics), [
    "_config.yml:3:1 error _config.yml is not valid YAML: a tab indents this line; indent with spaces",
  ]);
  assert.deepEqual(formatted(read("title: !!js/function x\n").diagnostics), [
    "_config.yml:1:8 error YAML tags such as !!js/function are not allowed; remove the tag and write the value plainly",
  ]);
});

test("a baseurl that leaves the site is an error at its line, and sets no path prefix", () => {
  const { settings, diagnostics } = read('title: x\nbaseurl: "/docs/../.."\n');
  assert.equal(settings.pathPrefix, undefined);
  assert.deepEqual(formatted(diagnostics), ['_config.yml:2:10 error baseurl "/docs/../.." has a ".." segment, which leads out of its folder; remove it']);
});
