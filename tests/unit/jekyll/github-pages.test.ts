import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { collectContent } from "../../../src/content/load.ts";
import { parseSource } from "../../../src/content/page.ts";
import { applyGithubPagesPlugins, titleFromHeading } from "../../../src/jekyll/github-pages.ts";
import { SITE } from "../fixtures.ts";

/** Pages as the loader reads them (README URLs included), from path → file text. */
const load = (files: Record<string, string>) => {
  const paths = Object.keys(files).sort();
  const root = `${SITE}/content`;
  return collectContent(root, { files: paths, assets: [], diagnostics: [] }, paths.map((p) => parseSource(`${root}/${p}`, p, files[p]!))).pages;
};

describe("GitHub Pages' always-on plugins", () => {
  test("readme-index: a README without front matter is the index of a folder without one; with front matter, a page at its own URL", () => {
    const { pages, copied } = applyGithubPagesPlugins(
      load({
        "api/README.md": "# API\n",
        "guides/README.md": "---\ntitle: Guides readme\n---\n# Guides\n",
        "guides/index.md": "---\ntitle: Guides\n---\n",
        "other/README.md": "# Other\n",
        "other/index.md": "---\ntitle: Other\n---\n",
      }),
    );
    assert.deepEqual(
      pages.map((p) => [p.relPath, p.url]),
      [
        ["api/README.md", "/api/"],
        ["guides/README.md", "/guides/README/"],
        ["guides/index.md", "/guides/"],
        ["other/index.md", "/other/"],
      ],
    );
    assert.deepEqual(copied.map((c) => c.to), ["other/README.md"], "a README beside an index is copied as it is, not built");
  });

  test("optional-front-matter: any Markdown file is a page, except LICENSE, CONTRIBUTING and the like without front matter", () => {
    const { pages, copied } = applyGithubPagesPlugins(load({ "notes.md": "# Notes\n", "LICENSE.md": "MIT\n", "CONTRIBUTING.md": "---\ntitle: Contributing\n---\n" }));
    assert.deepEqual(pages.map((p) => p.relPath), ["CONTRIBUTING.md", "notes.md"]);
    assert.deepEqual(copied.map((c) => c.to), ["LICENSE.md"]);
  });

  test("titles-from-headings: a page without a title (or with an empty one) takes the heading it starts with", () => {
    const { pages } = applyGithubPagesPlugins(
      load({ "a.md": "\n# The `epidata` *API* {#api}\n\nText", "b.md": "---\ntitle:\n---\nSetup\n=====\n", "c.md": "Intro\n\n# Later\n", "d.md": "---\ntitle: Own\n---\n# Heading\n" }),
    );
    assert.deepEqual(
      pages.map((p) => p.meta.title),
      ["The epidata API", "Setup", undefined, "Own"],
    );
  });

  test("a heading's text loses its Markdown and HTML; only # to ### count", () => {
    assert.equal(titleFromHeading("## [Link](x.md) and <i>em</i>\n"), "Link and em");
    assert.equal(titleFromHeading("#### Too deep\n"), undefined);
  });
});
