import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { buildSiteModel, type SiteModel } from "../../../src/site/model.ts";
import { ReadCache } from "../../../src/site/read.ts";
import { copyFixture, projectDir, tempDir } from "../../helpers/site.ts";

// The dev server reads the content folder again on every rebuild, reusing what it read of each unchanged file.
// Whatever the edits, the model must be the one a fresh read gives.

/** What a build shows of a model: every page, its place in the navigation, the problems and the roles. */
function shown(model: SiteModel) {
  return {
    pages: model.tree.pages.map((p) => ({
      file: p.source.file,
      url: p.url,
      kind: p.kind,
      title: p.kind === "nav" ? p.title : undefined,
      parent: p.kind === "nav" ? p.parent?.url : undefined,
      children: p.kind === "nav" ? p.children.map((c) => c.url) : [],
      visible: p.kind === "nav" ? p.visible : undefined,
      meta: p.source.meta,
      body: p.source.body,
      links: model.linksOf(p.source),
      roleProblems: model.roleProblemsOf(p.source),
    })),
    sidebar: model.tree.sidebarOrder.map((p) => p.url),
    diagnostics: model.diagnostics,
    roles: model.roles.roles,
    unknownNames: model.roles.unknown,
    failed: model.failed,
  };
}

/** A copy of the roles fixture and its own names file, read through one cache as a dev server reads it. */
function servedSite() {
  const content = copyFixture("roles");
  const namesFile = path.join(tempDir(), "names.json");
  fs.copyFileSync(path.join(projectDir, "_data", "names.json"), namesFile);
  const settingsFile = path.join(projectDir, "_data", "site.json");
  const cache = new ReadCache();
  const file = (rel: string) => path.join(content, rel);
  return {
    file,
    namesFile,
    cached: () => buildSiteModel({ contentDir: content, settingsFile, namesFile, readCache: cache }),
    fresh: () => buildSiteModel({ contentDir: content, settingsFile, namesFile, readCache: new ReadCache() }),
    edit: (rel: string, change: (text: string) => string) => fs.writeFileSync(file(rel), change(fs.readFileSync(file(rel), "utf8"))),
  };
}

type Site = ReturnType<typeof servedSite>;

describe("a model read with the dev server's cache", () => {
  test("reuses the reading of every unchanged file", () => {
    const { cached, fresh, edit, file } = servedSite();
    const first = cached();
    edit("teams/data/data-scientist.md", (t) => `${t}\nA sentence added while serving.\n`);
    const second = cached();
    const page = (model: SiteModel, rel: string) => model.page(file(rel))!.source;
    assert.equal(page(second, "teams/dev-team/ai-engineer.md"), page(first, "teams/dev-team/ai-engineer.md"), "an unchanged page is not read again");
    assert.notEqual(page(second, "teams/data/data-scientist.md"), page(first, "teams/data/data-scientist.md"), "the edited page is read again");
    assert.deepEqual(shown(second), shown(fresh()));
  });

  // Each case starts from its own copy; a case of several edits reads the site after each, as a dev server would.
  const breakParent = ({ edit }: Site) => edit("teams/dev-team/back-end-engineer.md", (t) => t.replace(/^parent: .*$/m, "parent: No Such Team"));
  const addPage = ({ file }: Site) => fs.writeFileSync(file("teams/data/analyst.md"), "---\ntitle: Analyst\nparent: Data Team\ngrand_parent: Teams\n---\n\n# Analyst\n");
  const addReadme = ({ file }: Site) => fs.writeFileSync(file("teams/data/README.md"), "---\ntitle: Data Readme\n---\n\nAbout the data team.\n");
  const removeIndex = ({ file }: Site) => fs.renameSync(file("teams/data/index.md"), file("teams/data-index.md.bak"));
  const cases: Array<[string, Array<(site: Site) => void>]> = [
    ["a body edit", [({ edit }) => edit("teams/dev-team/ai-engineer.md", (t) => `${t}\nSee [the data team](../data/index.md#nowhere).\n`)]],
    ["a title edit", [({ edit }) => edit("teams/data/data-scientist.md", (t) => t.replace(/^title: .*$/m, "title: Forecaster"))]],
    ["a tool added to a role page", [({ edit }) => edit("teams/data/data-scientist.md", (t) => t.replace("## Tools\n", "## Tools\n\n- **Kubernetess**: serves the models.\n"))]],
    ["a broken parent", [breakParent]],
    ["the broken parent fixed", [breakParent, ({ edit }) => edit("teams/dev-team/back-end-engineer.md", (t) => t.replace(/^parent: .*$/m, "parent: Dev Team"))]],
    ["front matter that is not YAML", [({ edit }) => edit("glossary.md", (t) => t.replace(/^title: (.*)$/m, "title: [unclosed"))]],
    ["a page added", [addPage]],
    ["a README beside an index", [addReadme]],
    ["the index the README stood beside removed", [addReadme, removeIndex]],
    ["the index back", [addReadme, removeIndex, ({ file }) => fs.renameSync(file("teams/data-index.md.bak"), file("teams/data/index.md"))]],
    ["a page removed", [addPage, ({ file }) => fs.rmSync(file("teams/data/analyst.md"))]],
    ["a misspelling added to the names file", [({ namesFile }) => {
      const names = JSON.parse(fs.readFileSync(namesFile, "utf8")) as { tools: Record<string, string[]> };
      names.tools["Kubernetes"]!.push("Kubernetess");
      fs.writeFileSync(namesFile, JSON.stringify(names));
    }]],
  ];
  for (const [what, changes] of cases) {
    test(`after ${what}: the same tree, diagnostics and roles as a fresh read`, () => {
      const site = servedSite();
      site.cached();
      for (const change of changes) {
        change(site);
        site.cached();
      }
      assert.deepEqual(shown(site.cached()), shown(site.fresh()));
    });
  }
});
