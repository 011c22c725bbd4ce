import { test } from "node:test";
import assert from "node:assert/strict";
import { parseSource } from "../../../src/content/page.ts";
import { formatted } from "../fixtures.ts";

/** Parses content/<relPath> whose front matter (starting on line 2) is `frontMatter`. */
const parse = (relPath: string, frontMatter: string) =>
  parseSource(`/site/content/${relPath}`, relPath, `---\n${frontMatter}\n---\n# body\n`);

test("a flag given as text is an error at the key's line and value column", () => {
  const { page, diagnostics } = parse("teams/index.md", 'title: Teams\nhas_children: "yes"');
  assert.deepEqual(formatted(diagnostics), [
    'content/teams/index.md:3:15 error has_children must be true or false, not the text "yes"',
  ]);
  assert.equal(page, undefined);
});

test("a list as nav_order is an error at the key's line and value column", () => {
  const { page, diagnostics } = parse("teams/index.md", "title: Teams\nlayout: default\nnav_order: [1]");
  assert.deepEqual(formatted(diagnostics), [
    "content/teams/index.md:4:12 error nav_order must be a number or text, not a list",
  ]);
  assert.equal(page, undefined);
});

test("a YAML syntax error reports its line and column", () => {
  const { page, diagnostics } = parse("teams/index.md", "title: Teams\nsummary: Who: we are\nnav_order: 2");
  assert.equal(diagnostics.length, 1);
  assert.match(
    formatted(diagnostics)[0]!,
    /^content\/teams\/index\.md:3:13 error front matter is not valid YAML: a value with ": " in it needs quotes: summary: "Who: we are"$/,
  );
  assert.equal(page, undefined);
});

test("a misspelt known key is a warning naming the key it resembles", () => {
  const { page, diagnostics } = parse("ops.md", "title: Ops\nnav_oder: 2\ngrandparent: Teams");
  assert.deepEqual(formatted(diagnostics), [
    'content/ops.md:3:1 warning unknown key "nav_oder" (did you mean "nav_order"?)',
    'content/ops.md:4:1 warning unknown key "grandparent" (did you mean "grand_parent"?)',
  ]);
  assert.equal(page?.meta.title, "Ops");
});

test("other unknown keys pass silently and are kept", () => {
  const { page, diagnostics } = parse("ops.md", "title: Ops\nowner: platform-team\ntags: [oncall, sre]");
  assert.deepEqual(diagnostics, []);
  assert.equal(page?.meta["owner"], "platform-team");
  assert.deepEqual(page?.meta["tags"], ["oncall", "sre"]);
});

test("numbers as titles and parents become text", () => {
  const { page, diagnostics } = parse("2024/q1.md", "title: 2025\nparent: 2024\nsummary: 42");
  assert.deepEqual(diagnostics, []);
  assert.equal(page?.meta.title, "2025");
  assert.equal(page?.meta.parent, "2024");
  assert.equal(page?.meta.summary, "42");
});

test("Eleventy's data keys and the build's own are errors at their lines, and never reach the page", () => {
  const keys = [
    "templateEngineOverride: njk",
    "eleventyComputed:\n  title: x",
    "permalinkBypassOutputDir: true",
    "pagination:\n  data: collections.all",
    "eleventyExcludeFromCollections: true",
    "eleventyImport:\n  collections: [all]",
    "eleventyNavigation:\n  key: x",
    "dynamicPermalink: false",
    "renderData:\n  x: 1",
    "EleventyAnything: 1",
    "page:\n  url: /x/",
    "content: replaced",
    "collections: []",
    "handbook: 1",
  ];
  const { page, diagnostics } = parse("ops.md", ["title: Ops", ...keys, "tags: [oncall]", "date: 2024-01-02"].join("\n"));
  const names = keys.map((k) => k.slice(0, k.indexOf(":")));
  let line = 3;
  assert.deepEqual(
    formatted(diagnostics),
    keys.map((k, i) => {
      const at = line;
      line += k.split("\n").length;
      return `content/ops.md:${at}:1 error key "${names[i]}" is the build's own data, not a page's; remove it: the handbook sets this itself`;
    }),
  );
  for (const name of names) assert.equal(Object.hasOwn(page?.meta ?? {}, name), false, name);
  assert.deepEqual(page?.meta["tags"], ["oncall"], "tags and date are ordinary Jekyll keys");
});

test("__proto__, constructor and prototype keys are errors at their line, at any depth, and pollute nothing", () => {
  const { page, diagnostics } = parse("ops.md", "title: Ops\n__proto__:\n  polluted: yes\nowner:\n  constructor: x\n  list:\n    - prototype: 1");
  assert.equal(page, undefined);
  assert.deepEqual(formatted(diagnostics), [
    'content/ops.md:3:1 error key "__proto__" is not allowed: it is not data to JavaScript; remove it or rename it',
    'content/ops.md:6:3 error key "constructor" is not allowed: it is not data to JavaScript; remove it or rename it',
    'content/ops.md:8:7 error key "prototype" is not allowed: it is not data to JavaScript; remove it or rename it',
  ]);
  assert.equal(({} as Record<string, unknown>)["polluted"], undefined);
});
