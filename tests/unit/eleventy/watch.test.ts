import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { planRebuild } from "../../../src/eleventy/watch.ts";
import { buildSiteModel } from "../../../src/site/model.ts";
import { ReadCache } from "../../../src/site/read.ts";
import { copyFixture, projectDir } from "../../helpers/site.ts";

// What a rebuild while serving renders after an edit: the edited page, and every page whose sidebar, breadcrumbs,
// child list, previous/next or role data shows what the edit changed. Models are read as the dev server reads them.

describe("the pages a rebuild renders", () => {
  /** On a fresh copy of the fixture: edits one file, then plans the rebuild from the model before to the model after. */
  const planAfter = (rel: string, change: (text: string) => string) => {
    const content = copyFixture("roles");
    const cache = new ReadCache();
    const read = () => buildSiteModel({ contentDir: content, settingsFile: path.join(projectDir, "_data", "site.json"), readCache: cache });
    const file = path.join(content, rel);
    const before = read();
    fs.writeFileSync(file, change(fs.readFileSync(file, "utf8")));
    const after = read();
    const plan = planRebuild(before, after, [file]);
    assert.equal(plan.all, false);
    const urls = plan.all ? [] : [...plan.urls];
    const files = urls.map((url) => after.tree.byUrl.get(url)!.source).filter((s) => !s.generated).map((s) => path.relative(content, s.file)).sort();
    return { files, generated: urls.some((url) => after.tree.byUrl.get(url)!.source.generated) };
  };

  test("a body edit renders that page only", () => {
    const plan = planAfter("glossary.md", (t) => `${t}\nA sentence added while serving.\n`);
    assert.deepEqual(plan, { files: ["glossary.md"], generated: false });
  });

  test("a title edit renders every page whose navigation shows the title", () => {
    const plan = planAfter("teams/dev-team/ai-engineer.md", (t) => t.replace(/^title: .*$/m, "title: ML Engineer"));
    // The page, its team's page (child list), its sibling (sidebar, previous/next), the next page (previous).
    for (const rel of ["teams/dev-team/ai-engineer.md", "teams/dev-team/index.md", "teams/dev-team/back-end-engineer.md", "teams/data/index.md"]) {
      assert.ok(plan.files.includes(rel), `${rel} in ${plan.files.join(", ")}`);
    }
    // Their sidebars keep the Dev Team closed.
    for (const rel of ["glossary.md", "index.md"]) assert.ok(!plan.files.includes(rel), `${rel} not in ${plan.files.join(", ")}`);
    assert.ok(plan.generated, "the Skills & Tools pages list the role by its title");
  });

  test("a summary edit renders the parent, whose child list shows it", () => {
    const plan = planAfter("teams/data/data-scientist.md", (t) => t.replace(/^summary: .*$/m, "summary: Forecasts demand."));
    assert.deepEqual(plan.files, ["teams/data/data-scientist.md", "teams/data/index.md"]);
  });

  test("a tool added to a role page renders it and the generated pages", () => {
    const plan = planAfter("teams/data/data-scientist.md", (t) => t.replace("## Tools\n", "## Tools\n\n- **TensorFlow**: a second framework.\n"));
    assert.ok(plan.generated);
    assert.ok(plan.files.includes("teams/data/data-scientist.md"));
  });
});
