import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { settingsSchema } from "../../../src/config/settings.ts";
import { parseSource, type SourcePage } from "../../../src/content/page.ts";
import { catalogOf } from "../../../src/roles/names.ts";
import { modelOf } from "../../../src/site/model.ts";
import { pageView } from "../../../src/view/page-view.ts";

// What a page shows besides its own Markdown, computed from the model: the layout renders only this, and the dev
// server compares it to know which pages an edit changed.

const page = (relPath: string, frontMatter: string, body = "# Page\n"): SourcePage => {
  const parsed = parseSource(`/site/content/${relPath}`, relPath, `---\n${frontMatter}\nlast_modified_date: 2026-01-05\n---\n${body}`);
  assert.ok(parsed.page, JSON.stringify(parsed.diagnostics));
  return parsed.page;
};
const ROLE = "# R\n\n## Role and Responsibilities\n\n- a\n\n## Skills\n\n- Python\n\n## Tools\n\n- PyTorch\n- Docker\n\n## R Best Practices\n\n1. b\n";
const settings = settingsSchema.parse({
  title: "Northwind Handbook",
  description: "How we work.",
  repository: { url: "https://github.com/northwind-labs/handbook" },
});
const model = modelOf(
  settings,
  "/site/content",
  [
    page("index.md", "title: Home\nnav_order: 1"),
    page("teams/index.md", "title: Teams\nnav_order: 2"),
    page("teams/dev/index.md", "title: Dev Team\nparent: Teams\nsummary: Builds the product.\ndescription: The Dev Team's page."),
    page("teams/dev/ml.md", "title: ML Engineer\nparent: Dev Team\ngrand_parent: Teams\nnav_enabled: false", ROLE),
    page("notes.md", "permalink: /notes/"),
  ],
  catalogOf({ tools: { PyTorch: [], Docker: [] }, skills: ["Python"] }),
);
const view = (url: string) => pageView(model, model.tree.byUrl.get(url)!);

describe("a page's view", () => {
  test("titles the document with the page and the site, and describes it with its own description, else the site's", () => {
    assert.equal(view("/teams/dev/").documentTitle, "Dev Team – Northwind Handbook");
    assert.equal(view("/teams/dev/").description, "The Dev Team's page.");
    assert.equal(view("/teams/").description, "How we work.");
  });

  test("a page without a title shows the site's title and no breadcrumbs, and is not in search", () => {
    const notes = view("/notes/");
    assert.equal(notes.title, undefined);
    assert.equal(notes.documentTitle, "Northwind Handbook");
    assert.deepEqual(notes.breadcrumbs, []);
    assert.equal(notes.facets, undefined);
  });

  test("a team page lists its children with their summaries and carries its roles × tools table with the tools' pages", () => {
    const teams = view("/teams/");
    assert.deepEqual(teams.children, [{ title: "Dev Team", url: "/teams/dev/", summary: "Builds the product." }]);
    const dev = view("/teams/dev/");
    assert.deepEqual(dev.team?.tools, ["Docker", "PyTorch"]);
    assert.deepEqual(Object.keys(dev.toolUrls).sort(), ["Docker", "PyTorch"]);
  });

  test("a written page has its date and edit link; a generated page has neither", () => {
    assert.deepEqual(view("/teams/dev/ml/").source, {
      lastUpdated: { iso: "2026-01-05", source: "front matter" },
      editUrl: "https://github.com/northwind-labs/handbook/edit/main/content/teams/dev/ml.md",
    });
    const generated = model.tree.pages.find((p) => p.source.generated)!;
    assert.equal(pageView(model, generated).source, undefined);
  });

  test("nav_enabled: false hides the sidebar; previous and next follow the sidebar order", () => {
    assert.equal(view("/teams/dev/ml/").withNav, false);
    assert.equal(view("/teams/dev/").withNav, true);
    assert.deepEqual(view("/teams/").previous, { title: "Home", url: "/" });
    assert.deepEqual(view("/teams/").next, { title: "Dev Team", url: "/teams/dev/" });
  });
});
