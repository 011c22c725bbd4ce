// The handbook's own pages have owners and review dates, and its CODEOWNERS is the one they generate.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { CODEOWNERS_PATH } from "../../src/cli/owners.ts";
import { teamOf } from "../../src/navigation/queries.ts";
import { codeownersFile, codeownersLines } from "../../src/site/codeowners.ts";
import { buildSiteModel } from "../../src/site/model.ts";
import { projectDir } from "../helpers/site.ts";

const model = buildSiteModel({ contentDir: path.join(projectDir, "content"), settingsFile: path.join(projectDir, "_data", "site.json") });
const written = model.tree.pages.filter((p) => !p.source.generated);
const AI_ENGINEER = "teams/dev-team/ai-engineer.md";

describe("the handbook's owners and review dates", () => {
  test("every page has an owner with a GitHub handle, its own or a page's above it", () => {
    for (const page of written) {
      const owner = model.ownership.ownerOf(page);
      assert.ok(owner?.handle, `${page.source.relPath} has no owner with a handle`);
    }
  });

  test("each team page names its own team as owner, and the pages of a team are the team's", () => {
    const teams = model.tree.roots.find((r) => r.title === "Teams")!.children;
    for (const team of teams) assert.equal(team.source.meta.owner, team.title, team.source.relPath);
    for (const page of written) {
      const team = teamOf(page);
      if (team && team !== page) assert.equal(model.ownership.ownerOf(page)?.name, team.title, page.source.relPath);
    }
  });

  test("every page has a review date, but the owner's page, which is never edited and is Dev Team's", () => {
    for (const page of written) {
      if (page.source.relPath === AI_ENGINEER) continue;
      assert.match(String(page.source.meta.last_reviewed), /^\d{4}-\d{2}-\d{2}$/, page.source.relPath);
    }
    const ai = written.find((p) => p.source.relPath === AI_ENGINEER)!;
    assert.equal(ai.source.meta.last_reviewed, undefined);
    assert.equal(model.ownership.ownerOf(ai)?.name, "Dev Team");
  });

  test(`the committed ${CODEOWNERS_PATH} is the one the owners generate (npm run owners)`, () => {
    const { lines, diagnostics } = codeownersLines(model, "content");
    assert.deepEqual(diagnostics, []);
    const committed = fs.readFileSync(path.join(projectDir, CODEOWNERS_PATH), "utf8");
    assert.equal(committed, codeownersFile(committed, lines), "run npm run owners and commit .github/CODEOWNERS");
  });
});
