// The checker and the renderer read a page with one Markdown configuration: whatever a page holds, the checker's
// tokens are the renderer's (without its "#" heading links), so the two can never read a page differently.
import assert from "node:assert/strict";
import { test } from "node:test";
import type Token from "markdown-it/lib/token.mjs";
import { settingsSchema } from "../../../src/config/settings.ts";
import { createMarkdown } from "../../../src/markdown/render.ts";
import { checkingMarkdown } from "../../../src/site/page-reading.ts";

const PAGE = `# Title
{: .no_toc }
---

Para with "quotes" -- and a footnote[^1]... and [a link](other.md#x){:target="_blank"}.

    indented code
    more code

Term
: Its definition

|---|--:|
| a | b |

<div markdown="1">
*inside*
</div>

1. TOC
{:toc}

## Section {#own}

[^1]: The note.
`;

const shape = (tokens: readonly Token[]): unknown[] =>
  tokens.map((t) => [t.type, t.tag, t.map, t.content, t.attrs, t.children ? shape(t.children) : null]);

for (const typography of ["plain", "kramdown"] as const) {
  test(`checker and renderer parse a page into the same tokens (${typography} typography)`, () => {
    const settings = { ...settingsSchema.parse({}), headingIds: "kramdown-gfm" as const, typography };
    const checker = checkingMarkdown(settings, "/site/content");
    const renderer = createMarkdown(() => ({ contentDir: "/site/content", base: "/", urlOfFile: () => undefined, headingIds: "kramdown-gfm", typography, headingAnchors: false }));
    const env = () => ({ page: { inputPath: "/site/content/page.md" }, keepLinks: true });
    assert.deepEqual(shape(checker.parse(PAGE, env())), shape(renderer.parse(PAGE, env())));
  });
}

test("a four-space indented block is code for the checker and in the rendered page", () => {
  const checker = checkingMarkdown(settingsSchema.parse({}), "/site/content");
  assert.ok(checker.parse(PAGE, {}).some((t) => t.type === "code_block" && t.content === "indented code\nmore code\n"));
  const html = createMarkdown(() => ({ contentDir: "/site/content", base: "/", urlOfFile: () => undefined })).render(PAGE, {});
  assert.match(html, /<pre tabindex="0"><code>indented code\nmore code\n<\/code><\/pre>/);
});
