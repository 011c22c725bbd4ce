import assert from "node:assert/strict";
import { test } from "node:test";
import { parseSource } from "../../../src/content/page.ts";
import { locateInMarkdown } from "../../../src/links/sources.ts";
import { createMarkdown } from "../../../src/markdown/render.ts";

const md = createMarkdown(() => ({
  contentDir: "/site/content",
  base: "/handbook/",
  urlOfFile: (file) => (file === "/site/content/teams/index.md" ? "/teams/" : undefined),
}));

/** content/teams/dev.md with three lines of front matter (the body starts on line 5) and `body`. */
const page = (body: string) => {
  const parsed = parseSource("/site/content/teams/dev.md", "teams/dev.md", `---\ntitle: Dev\nparent: Teams\n---\n${body}`);
  return parsed.page!;
};

test("an image written relative to the page is found at its line and column, though built with the prefix", () => {
  const p = page("# Dev\n\nSome text\nand ![diagram](img/flow.png) here.\n");
  assert.deepEqual(locateInMarkdown(md, p, "/handbook/teams/img/flow.png"), { line: 8, column: 16, written: "img/flow.png" });
});

test("a link written through a reference definition is found on the definition's line", () => {
  const p = page("# Dev\n\nSee [the plan][plan].\n\n[plan]: files/plan.pdf\n");
  assert.deepEqual(locateInMarkdown(md, p, "/handbook/teams/files/plan.pdf"), { line: 9, column: 9, written: "files/plan.pdf" });
});

test("a link in raw HTML is found as written, with &amp; in the source", () => {
  const p = page('# Dev\n\n<div class="x">\n  <a href="/handbook/gone/?a=1&amp;b=2">gone</a>\n</div>\n');
  assert.deepEqual(locateInMarkdown(md, p, "/handbook/gone/?a=1&b=2"), { line: 8, column: 12, written: "/handbook/gone/?a=1&b=2" });
});

test("a URL the page's Markdown does not write (the layout's) is not found", () => {
  const p = page("# Dev\n\n[Teams](index.md)\n");
  assert.equal(locateInMarkdown(md, p, "/handbook/assets/missing.css"), undefined);
});
