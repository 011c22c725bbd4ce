import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createMarkdown } from "../../../src/markdown/render.ts";
import { firstParagraph } from "../../../src/markdown/summary.ts";

const md = createMarkdown(() => ({ contentDir: "/site/content", base: "/", urlOfFile: () => undefined }));
const first = (text: string, max?: number) => firstParagraph(md.parse(text, {}), max);

describe("a page's first paragraph, for its meta description", () => {
  test("the first paragraph after the title, as plain text", () => {
    assert.equal(
      first("# AI Engineer\n\nBuilds **models** with [PyTorch](/tools/pytorch/) and `uv`,\nthen ships them.\n\nMore.\n"),
      "Builds models with PyTorch and uv, then ships them.",
    );
  });

  test("paragraphs in lists, quotes and callouts, and images or HTML alone, are passed over", () => {
    assert.equal(first("- a list item\n\n> a quote\n\n![A chart](chart.png)\n\n<div>x</div>\n\n<img src=\"a.png\" alt=\"\">\n\nThe text.\n"), "The text.");
  });

  test("a page with no paragraph has none", () => {
    assert.equal(first("# Title\n\n## Section\n\n- only a list\n"), undefined);
  });

  test("a long paragraph is cut at a word, with an ellipsis", () => {
    assert.equal(first("One two three four five six seven.\n", 20), "One two three four…");
  });
});
