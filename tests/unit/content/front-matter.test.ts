import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { simpleFrontMatter, splitFrontMatter } from "../../../src/content/front-matter.ts";
import { parseSource } from "../../../src/content/page.ts";
import { readYaml } from "../../../src/content/yaml.ts";
import { formatted } from "../fixtures.ts";

const parse = (text: string) => parseSource("/site/content/travel.md", "travel.md", text);
const check = (text: string) => formatted(parse(text).diagnostics);

describe("front matter is YAML and nothing else", () => {
  const marker = "__handbookFrontMatterRan";
  const g = globalThis as Record<string, unknown>;
  for (const language of ["js", "javascript", "coffee", "json", "yaml"]) {
    test(`---${language} front matter is an error at line 1, and nothing in it runs`, () => {
      delete g[marker];
      const body = `{ title: (globalThis.${marker} = "${language}", "Travel") }`;
      assert.deepEqual(check(`---${language}\n${body}\n---\n# Travel\n`), [
        `content/travel.md:1:4 error front matter must be YAML between two plain --- lines; remove "${language}" after the opening ---`,
      ]);
      assert.equal(g[marker], undefined, "the front matter was evaluated");
    });
  }

  test("any word after the opening --- is refused, also after a space", () => {
    assert.deepEqual(check("--- js\ntitle: Travel\n---\n"), [
      'content/travel.md:1:5 error front matter must be YAML between two plain --- lines; remove "js" after the opening ---',
    ]);
  });

  test("an empty file is a page without front matter", () => {
    const { page, diagnostics } = parse("");
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(page?.meta, {});
    assert.equal(page?.body, "");
  });

  test("a file without front matter is all Markdown; a first line of four dashes is a rule, not front matter", () => {
    assert.equal(parse("# Travel\n").page?.body, "# Travel\n");
    assert.equal(parse("----\ntitle: x\n---\n").page?.body, "----\ntitle: x\n---\n");
  });

  test("front matter that is never closed is an error at line 1", () => {
    assert.deepEqual(check("---\ntitle: Travel\n\n# Travel\n"), [
      "content/travel.md:1:1 error front matter opened with --- is never closed; end it with a line of ---",
    ]);
  });

  test("front matter may end with ... as Jekyll allows; a BOM and CRLF line ends are read too", () => {
    const dots = parse("---\ntitle: Travel\n...\n# Travel\n").page;
    assert.equal(dots?.meta.title, "Travel");
    assert.equal(dots?.body, "# Travel\n");
    assert.equal(dots?.bodyLine, 4);
    const windows = parse("\uFEFF---\r\ntitle: Travel\r\nnav_order: 2\r\n---\r\n# Travel\r\n").page;
    assert.deepEqual([windows?.meta.title, windows?.meta.nav_order, windows?.body], ["Travel", 2, "# Travel\r\n"]);
  });
});

describe("one set of YAML rules", () => {
  test("nav_order: 2 is a number, last_modified_date a date, yes and on are text (YAML 1.2)", () => {
    const page = parse("---\ntitle: Travel\nnav_order: 2\nlast_modified_date: 2024-03-15\nsummary: yes\nowner: on\n---\n").page;
    assert.equal(page?.meta.nav_order, 2);
    assert.ok(page?.meta.last_modified_date instanceof Date);
    assert.equal((page?.meta.last_modified_date as Date).toISOString(), "2024-03-15T00:00:00.000Z");
    assert.equal(page?.meta.summary, "yes");
    assert.equal(page?.meta["owner"], "on");
    assert.deepEqual(check("---\ntitle: Travel\nnav_exclude: yes\n---\n"), [
      'content/travel.md:3:14 error nav_exclude must be true or false, not the text "yes"',
    ]);
  });

  test("a billion-laughs alias bomb is an error at its first alias, not minutes of work", () => {
    const names = "abcdefghi";
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(",")}]`);
    const { page, diagnostics } = parse(`---\ntitle: Laughs\n${lines.join("\n")}\n---\n`);
    assert.equal(page, undefined);
    assert.deepEqual(formatted(diagnostics), [
      "content/travel.md:4:8 error front matter is not valid YAML: its aliases expand to more than 100 values; write the values out instead of repeating aliases",
    ]);
  });

  test("an alias to no anchor is an error at the alias", () => {
    assert.deepEqual(check("---\ntitle: Travel\nsummary: *nowhere\n---\n"), [
      "content/travel.md:3:10 error front matter is not valid YAML: Unresolved alias (the anchor must be set before the alias): nowhere; define the anchor (&name) before the alias (*name)",
    ]);
  });

  test("tags are refused, never resolved: !!js/function, !!binary, custom tags", () => {
    assert.deepEqual(check('---\ntitle: Travel\nsummary: !!js/function "function () {}"\nowner: !!binary aGVsbG8=\nkind: !role x\n---\n'), [
      "content/travel.md:3:10 error YAML tags such as !!js/function are not allowed; remove the tag and write the value plainly",
      "content/travel.md:4:8 error YAML tags such as !!binary are not allowed; remove the tag and write the value plainly",
      "content/travel.md:5:7 error YAML tags such as !role are not allowed; remove the tag and write the value plainly",
    ]);
  });

  test("a key that is a list or mapping is an error at the key", () => {
    assert.deepEqual(check("---\ntitle: Travel\n? [a, b]\n: 1\n---\n"), [
      "content/travel.md:3:3 error a key must be plain text, not a list or mapping; write it as a word followed by a colon",
    ]);
  });
});

/** Every Markdown file of the repository's content and test fixtures. */
function corpus(): string[] {
  const files: string[] = [];
  for (const dir of ["content", "tests/fixtures"]) {
    for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) if (rel.endsWith(".md")) files.push(path.join(dir, rel));
  }
  return files;
}

describe("the fast path gives exactly what the YAML reader gives", () => {
  const edgeCases = [
    "title: Travel\nnav_order: 7\n",
    "title: 'It''s here'\nparent: \"Dev Team\"\n",
    "title: Travel, booking & expenses (2024) [draft] {x} 100%\n",
    "title: a:b\nsummary: Who? Us! *stars* &amp; |pipes| >gt\n",
    "title: Ünïcödé – ok\nsummary: ‘quoted’ “words”\n",
    "title: True\n",
    "title: trueish\nparent: nullable\nnav_order: 0\n",
    "title: x\n\nparent: y\n",
    "nav_order: 123456789012345\n",
    "title: x  y\n",
    "title: x\ntitle: y\n",
    "title: \"a\\tb\"\n",
    "title: x # comment\n",
    "title: x \n",
    "title: 012\n",
    "constructor: x\n",
    "title:\n",
    "last_reviewed: 2026-03-14\n",
    "last_reviewed: 2026-02-30\n",
    "last_reviewed: 2026-3-14\n",
    "last_reviewed: 2026-03-14 10:00\n",
  ];
  test("on every page of content/ and tests/fixtures/, and on edge cases", () => {
    let fast = 0;
    const texts = corpus().map((file) => {
      const split = splitFrontMatter(fs.readFileSync(file, "utf8"));
      return "yaml" in split && split.yaml !== undefined ? split.yaml : "";
    });
    for (const yaml of [...texts, ...edgeCases]) {
      const simple = simpleFrontMatter(yaml, 2);
      if (!simple) continue;
      fast++;
      const full = readYaml(yaml, { file: "/x.md", line: 2, name: "front matter", fix: "" });
      assert.deepEqual(full.diagnostics, [], yaml);
      assert.deepEqual(simple.data, full.data, yaml);
      assert.deepEqual(simple.keys, full.keys, yaml);
    }
    assert.ok(fast > texts.length / 2, `the fast path read only ${fast} of ${texts.length} pages`);
  });
});
