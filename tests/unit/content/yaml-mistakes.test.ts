import assert from "node:assert/strict";
import { test } from "node:test";
import { parseSource } from "../../../src/content/page.ts";
import { formatted } from "../fixtures.ts";

const check = (text: string) => formatted(parseSource("/site/content/travel.md", "travel.md", text).diagnostics);

test("a quote that never closes is reported where it opens, not at the end of the front matter", () => {
  assert.deepEqual(check('---\nnav_order: 2\ntitle: "Travel\nparent: Policies\n---\n\nBody\n'), [
    `content/travel.md:3:8 error front matter is not valid YAML: unexpected end of the stream within a double quoted scalar; the " that opens title's value is never closed; end the value with "`,
  ]);
});

test('an unquoted value with ": " in it says to add quotes, at the colon', () => {
  assert.deepEqual(check("---\ntitle: Travel: booking and expenses\nparent: Policies\n---\n"), [
    'content/travel.md:2:14 error front matter is not valid YAML: incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line; a value with ": " in it needs quotes: title: "Travel: booking and expenses"',
  ]);
});

test("other YAML mistakes keep the parser's own position", () => {
  assert.deepEqual(check("---\ntitle: Travel\n  parent: Policies\n---\n"), [
    "content/travel.md:3:9 error front matter is not valid YAML: bad indentation of a mapping entry; fix the YAML between the --- lines",
  ]);
});

test("last_modified_date must be a date", () => {
  assert.deepEqual(check('---\ntitle: Travel\nlast_modified_date: "last week"\n---\n'), [
    'content/travel.md:3:21 error last_modified_date must be a date (YYYY-MM-DD), not the text "last week"',
  ]);
});
