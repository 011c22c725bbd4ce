// The rules the handbook's own content meets; a pull request that breaks one fails here.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { formatDiagnostic } from "../../src/shared/diagnostics.ts";
import { buildSiteModel } from "../../src/site/model.ts";
import { markdownFor } from "../../src/site/markdown.ts";
import { validateContent } from "../../src/site/validate.ts";
import { isRolePage, roleSectionOf, ROLE_SECTIONS, sectionsOf } from "../../src/roles/sections.ts";
import { projectDir } from "../helpers/site.ts";

const model = buildSiteModel({
  contentDir: path.join(projectDir, "content"),
  settingsFile: path.join(projectDir, "_data", "site.json"),
});
const md = markdownFor(model);
const pages = model.tree.pages.map((p) => ({ page: p, sections: sectionsOf(md.parse(p.source.body, { keepLinks: true }), p.source) }));
const roles = pages.filter(({ page, sections }) => isRolePage(page.source, sections));

describe("the handbook's content", () => {
  test("has no errors or warnings: front matter, navigation, links, anchors, role pages", () => {
    const problems = [...model.diagnostics, ...validateContent(model)].map((d) => formatDiagnostic(d, projectDir));
    assert.deepEqual(problems, []);
  });

  test("every role page has the four sections in order, with non-empty Skills and Tools lists", () => {
    assert.ok(roles.length >= 36, `${roles.length} role pages`);
    for (const { page, sections } of roles) {
      const roleHeadings = sections.map((s) => roleSectionOf(s.heading)).filter((s) => s !== undefined);
      assert.deepEqual(roleHeadings, [...ROLE_SECTIONS], page.source.relPath);
      for (const name of ["Skills", "Tools"]) {
        const section = sections.find((s) => roleSectionOf(s.heading) === name)!;
        assert.ok(section.items.length > 0, `${page.source.relPath}: empty ${name}`);
      }
    }
  });

  test("the owner's AI Engineer page is byte for byte the copy of the owner's file kept in the fixtures, 7th in Dev Team", () => {
    // tests/fixtures/owner/ai-engineer.md is the page as the owner supplied it; neither may be missing.
    const supplied = fs.readFileSync(path.join(projectDir, "tests/fixtures/owner/ai-engineer.md"));
    const page = model.page(path.join(projectDir, "content/teams/dev-team/ai-engineer.md"));
    assert.ok(page?.kind === "nav");
    assert.ok(fs.readFileSync(page.source.file).equals(supplied), "content/teams/dev-team/ai-engineer.md differs from the owner's page");
    assert.equal(page.parent?.title, "Dev Team");
    assert.equal(page.parent?.parent?.title, "Teams");
    assert.equal(page.parent?.children.indexOf(page), 6);
  });

  test("has at least 60 pages and 6 teams, each team linking to every one of its roles", () => {
    assert.ok(model.tree.pages.length >= 60, `${model.tree.pages.length} pages`);
    const teams = model.tree.roots.find((r) => r.title === "Teams")!.children;
    assert.ok(teams.length >= 6, `${teams.length} teams`);
    for (const team of teams) {
      const body = team.source.body;
      for (const role of team.children) {
        const file = path.relative(path.dirname(team.source.file), role.source.file);
        assert.ok(body.includes(`](${file})`), `${team.title} does not link to ${file}`);
      }
    }
  });

  test("every page has a title, a nav_order, and a summary under its parent (the owner's page as supplied)", () => {
    for (const page of model.tree.pages) {
      if (page.source.relPath === "teams/dev-team/ai-engineer.md") continue;
      assert.equal(page.kind, "nav", `${page.source.relPath} has no place in the navigation`);
      assert.notEqual(page.source.meta.nav_order, undefined, `${page.source.relPath} has no nav_order`);
      if (page.kind === "nav" && page.parent) assert.ok(page.source.meta.summary, `${page.source.relPath} has no summary`);
    }
  });
});

describe("names are spelt one way everywhere", () => {
  const names = JSON.parse(fs.readFileSync(path.join(projectDir, "_data", "names.json"), "utf8")) as {
    tools: Record<string, string[]>;
    skills: string[];
  };
  const leadIn = (item: string) => /^\*\*(.+?)\*\*/.exec(item)?.[1] ?? item.replace(/\.$/, "");
  const listed = (name: "Tools" | "Skills") =>
    roles.flatMap(({ page, sections }) =>
      (sections.find((s) => roleSectionOf(s.heading) === name)?.items ?? []).map((item) => ({ page, name: leadIn(item) })),
    );

  test("every tool a role page lists is a canonical tool name from _data/names.json", () => {
    for (const { page, name } of listed("Tools")) {
      assert.ok(Object.hasOwn(names.tools, name), `${page.source.relPath}: tool "${name}" is not in _data/names.json`);
    }
  });

  test("every skill a role page names (its bold lead-in) is a canonical skill name", () => {
    const skills = new Set(names.skills);
    for (const { page, name } of listed("Skills")) {
      if (page.source.relPath === "teams/dev-team/ai-engineer.md") continue; // the owner's page names skills in sentences
      assert.ok(skills.has(name), `${page.source.relPath}: skill "${name}" is not in _data/names.json`);
    }
  });

  test("no page uses a known wrong spelling of a tool", () => {
    const wrong = Object.entries(names.tools).flatMap(([canonical, aliases]) => aliases.map((alias) => ({ canonical, alias })));
    for (const { page } of pages) {
      // Prose only: commands, code and addresses (git@github.com) may spell things as the machine wants.
      const prose = page.source.body.replace(/```[\s\S]*?```/g, "").replace(/`[^`]*`/g, "").replace(/\]\([^)]*\)/g, "]");
      for (const { canonical, alias } of wrong) {
        const pattern = new RegExp(`(?<![\\w./@:-])${alias.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`);
        assert.doesNotMatch(prose, pattern, `${page.source.relPath} writes "${alias}"; write "${canonical}"`);
      }
    }
  });
});
