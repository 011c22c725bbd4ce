import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createMarkdown } from "../../../src/markdown/render.ts";

const md = createMarkdown(() => ({
  contentDir: "/site/content",
  base: "/",
  urlOfFile: () => undefined,
  callouts: { note: { title: "Note", color: "blue" }, highlight: { color: "yellow" } },
}));
const render = (text: string) => md.render(text, {}).trim();

describe("callouts in Just the Docs' syntax", () => {
  test("an attribute line directly above a paragraph makes it a callout with its title", () => {
    assert.equal(
      render("{: .note }\nKeep secrets in 1Password."),
      '<div class="callout callout-blue" data-callout="note">\n<p class="callout-title">Note</p>\n<p>Keep secrets in 1Password.</p>\n</div>',
    );
  });

  test("an attribute line on its own applies to the block quote that follows", () => {
    assert.equal(
      render("{: .note }\n\n> Read this first."),
      '<blockquote class="callout callout-blue" data-callout="note">\n<p class="callout-title">Note</p>\n<p>Read this first.</p>\n</blockquote>',
    );
  });

  test("the -title variant takes a block quote's first paragraph as the title", () => {
    assert.equal(
      render("{: .note-title }\n> On call\n>\n> Page the secondary."),
      '<blockquote class="callout callout-blue" data-callout="note">\n<p class="callout-title">On call</p>\n<p>Page the secondary.</p>\n</blockquote>',
    );
  });

  test("a kind without a title is coloured only, and an unknown class stays a plain class", () => {
    assert.equal(render("{: .highlight }\nKey fact."), '<p class="callout callout-yellow" data-callout="highlight">Key fact.</p>');
    assert.equal(render("{: .lead }\nIntro."), '<p class="lead">Intro.</p>');
  });

  test("a title from the settings is escaped", () => {
    const escaping = createMarkdown(() => ({
      contentDir: "/c",
      base: "/",
      urlOfFile: () => undefined,
      callouts: { x: { title: "<b>Tip</b>", color: "green" } },
    }));
    assert.match(escaping.render("{: .x }\nText.", {}), /<p class="callout-title">&lt;b&gt;Tip&lt;\/b&gt;<\/p>/);
  });
});
