import assert from "node:assert/strict";
import { test } from "node:test";
import { parseSource } from "../../../src/content/page.ts";
import { formatted } from "../fixtures.ts";

const check = (text: string) => formatted(parseSource("/site/content/travel.md", "travel.md", text).diagnostics);

test("a quote that never closes is reported where it opens, not at the end of the front matter", () => {
  assert.deepEqual(check('---\nnav_order: 2\ntitle: "Travel\nparent: Policies\n---\n\nBody\n'), [
    `content/travel.md:3:8 error front matter is not valid YAML: the " that opens title's value is never closed; end the value with "`,
  ]);
  assert.deepEqual(check("---\ntitle: 'It''s travel\n---\n"), [
    `content/travel.md:2:8 error front matter is not valid YAML: the ' that opens title's value is never closed; end the value with '`,
  ]);
});

test('an unquoted value with ": " in it says to add quotes, at the colon', () => {
  assert.deepEqual(check("---\ntitle: Travel: booking and expenses\nparent: Policies\n---\n"), [
    'content/travel.md:2:14 error front matter is not valid YAML: a value with ": " in it needs quotes: title: "Travel: booking and expenses"',
  ]);
});

test("a line indented under a key that has a value says to remove the indent, on that line", () => {
  assert.deepEqual(check("---\ntitle: Travel\n  parent: Policies\n---\n"), [
    "content/travel.md:3:3 error front matter is not valid YAML: this line is indented under title, which already has a value; remove the spaces before it",
  ]);
});

test("a tab as indentation is an error at the tab, as _config.yml's is (the build reads both alike)", () => {
  assert.deepEqual(check("---\ntitle: Travel\ntags:\n\t- a\n---\n"), [
    "content/travel.md:4:1 error front matter is not valid YAML: a tab indents this line; indent with spaces",
  ]);
});

test("other YAML mistakes keep the parser's own message and position", () => {
  assert.deepEqual(check("---\ntitle: Travel\ntags: [a, b\n---\n"), [
    "content/travel.md:4:1 error front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]; fix the YAML between the --- lines",
  ]);
});

test("last_modified_date must be a date", () => {
  assert.deepEqual(check('---\ntitle: Travel\nlast_modified_date: "last week"\n---\n'), [
    'content/travel.md:3:21 error last_modified_date must be a date (YYYY-MM-DD), not the text "last week"',
  ]);
});
