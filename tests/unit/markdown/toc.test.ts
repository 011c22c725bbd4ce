import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createMarkdown } from "../../../src/markdown/render.ts";
import { isLongPage, LONG_PAGE_WORDS, OUTLINE_KEY, showsToc, type OutlineEnv } from "../../../src/markdown/toc.ts";

const md = createMarkdown(() => ({ contentDir: "/site/content", base: "/", urlOfFile: () => undefined }));
/** Renders Markdown and returns the outline the renderer recorded. */
const outline = (text: string) => {
  const env: OutlineEnv = {};
  md.render(text, env);
  return env[OUTLINE_KEY]!;
};

describe("the on-page outline", () => {
  test("h2s in page order, each with the h3s up to the next h2; h1 and h4 are left out", () => {
    const o = outline("# Title\n\n## One\n\n### One A\n\n#### Deep\n\n### One B\n\n## Two\n\n## One\n");
    assert.deepEqual(o.toc, [
      {
        id: "one",
        text: "One",
        children: [
          { id: "one-a", text: "One A", children: [] },
          { id: "one-b", text: "One B", children: [] },
        ],
      },
      { id: "two", text: "Two", children: [] },
      { id: "one-1", text: "One", children: [] },
    ]);
    assert.equal(o.headings, 5);
  });

  test("an h3 before any h2 stands on its own", () => {
    assert.deepEqual(outline("### Early\n\n## Later\n").toc.map((i) => i.id), ["early", "later"]);
  });

  test("heading text is plain: code and entities as text, HTML as its source text, never markup", () => {
    const o = outline("## Run `npm ci` &amp; wait\n\n## Use <kbd>Ctrl</kbd> K\n");
    assert.deepEqual(o.toc.map((i) => i.text), ["Run npm ci & wait", "Use <kbd>Ctrl</kbd> K"]);
  });

  test("the contents show from two headings on", () => {
    assert.equal(showsToc(outline("## Only\n")), false);
    assert.equal(showsToc(outline("## One\n\n### Two\n")), true);
    assert.equal(showsToc(undefined), false);
  });

  test("a page is long from LONG_PAGE_WORDS words of text and code on", () => {
    const words = (n: number) => Array.from({ length: n }, () => "word").join(" ");
    assert.equal(outline(words(LONG_PAGE_WORDS - 1)).words, LONG_PAGE_WORDS - 1);
    assert.equal(isLongPage(outline(words(LONG_PAGE_WORDS - 1))), false);
    assert.equal(isLongPage(outline(`${words(LONG_PAGE_WORDS - 2)}\n\n\`\`\`sh\nnpm ci\n\`\`\`\n`)), true);
  });
});
