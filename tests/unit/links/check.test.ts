import assert from "node:assert/strict";
import { test } from "node:test";
import { parseSource, type SourcePage } from "../../../src/content/page.ts";
import { checkLinks } from "../../../src/links/check.ts";
import { modelOf } from "../../../src/site/model.ts";
import { settingsSchema } from "../../../src/config/settings.ts";
import { formatted } from "../fixtures.ts";

/** A page at content/<relPath>: its title on line 2, the body from line 4. */
const page = (relPath: string, title: string, body: string): SourcePage => {
  const parsed = parseSource(`/site/content/${relPath}`, relPath, `---\ntitle: ${title}\n---\n${body}`);
  if (!parsed.page) throw new Error(`fixture ${relPath} does not parse`);
  return parsed.page;
};

/** What the Markdown-level link check says about a small handbook, as people read it. */
const check = (...pages: SourcePage[]) => {
  const model = modelOf(settingsSchema.parse({}), "/site/content", pages);
  return formatted(checkLinks(model.tree, (p) => model.linksOf(p)));
};

test('"#top" and "#" are the top of the page, on this page and on others, in any case', () => {
  const home = page("index.md", "Home", "# Home\n\n[top](#top) [up](#) [TOP](#Top)\n\n[other](other.md#top) [there](/other/#top) [x](other.md#)\n");
  const other = page("other.md", "Other", "# Other\n\n[home](index.md#TOP)\n");
  assert.deepEqual(check(home, other), []);
});

test("an anchor that is no heading is still reported, with the closest heading", () => {
  const home = page("index.md", "Home", "# Home\n\n## Tops\n\n[x](#topz)\n");
  assert.deepEqual(check(home), ['content/index.md:8:5 error anchor "#topz" matches no heading on this page (did you mean "#tops"?)']);
});

test('a link to another host written as a path with a backslash ("/\\host") is reported; "//host" is external', () => {
  const home = page("index.md", "Home", "# Home\n\n[cdn](//cdn.example/x.js) [b](/\\evil.example) [c](/\\evil.example/teams/)\n");
  assert.deepEqual(check(home), [
    'content/index.md:6:31 error link "/\\evil.example" leads to another site, "//evil.example", as browsers read "\\" as "/"; write the full address (https://…) for another site, or remove the "\\"',
    'content/index.md:6:51 error link "/\\evil.example/teams/" leads to another site, "//evil.example/teams/", as browsers read "\\" as "/"; write the full address (https://…) for another site, or remove the "\\"',
  ]);
});

test("a broken link in a table cell is reported at its row, not at the top of the page", () => {
  const home = page("index.md", "Home", "# Home\n\n| Page | Link |\n|---|---|\n| a | [x](#nowhere) |\n");
  assert.deepEqual(check(home), ['content/index.md:8:11 error anchor "#nowhere" matches no heading on this page']);
});

test("footnotes are anchors, as kramdown names them: #fn:label and #fnref:label", () => {
  const home = page("index.md", "Home", "# Home\n\nClaim[^why].\n\n[^why]: Because.\n");
  const other = page("other.md", "Other", "# Other\n\n[note](index.md#fn:why) [back](index.md#fnref:why) [no](index.md#fn:who)\n");
  assert.deepEqual(check(home, other), ['content/other.md:6:57 error anchor "#fn:who" matches no heading on index.md (did you mean "#fn:why"?)']);
});

test("anchors written in raw HTML count: <a name>, <a id>, any id=, quoted either way or not", () => {
  const home = page(
    "index.md",
    "Home",
    "# Home\n\n<a name=\"legacy\"></a>\n\nText <a id='inline'></a> and <span id=bare>x</span>.\n\n<div id=\"block\" markdown=\"1\">\n\nInside\n\n</div>\n\n[a](#legacy) [b](#inline) [c](#bare) [d](#block) [e](other.md#old-name)\n",
  );
  const other = page("other.md", "Other", "# Other\n\n<a name=\"old-name\"></a>\n## New name\n");
  assert.deepEqual(check(home, other), []);
});
