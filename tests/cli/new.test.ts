import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { buildInto, copyFixture, loadPage, runCli } from "../helpers/site.ts";

describe("npm run new", () => {
  test("a new role page passes the checker and appears in its team's navigation, after the last sibling", async () => {
    const content = copyFixture("basic");
    const created = await runCli(["new", "role", "Site Reliability Engineer", "--team", "Dev Team", "--content", content]);
    assert.equal(created.code, 0, created.stderr);
    const file = path.join(content, "teams/dev-team/site-reliability-engineer.md");
    assert.match(created.stdout, /^Created .*teams\/dev-team\/site-reliability-engineer\.md$/m);
    assert.match(created.stdout, /^It will be at \/teams\/dev-team\/site-reliability-engineer\/$/m);
    const text = fs.readFileSync(file, "utf8");
    assert.match(text, /^nav_order: 11$/m, "after Intern Notes (10), the last sibling");
    assert.deepEqual(
      text.split("\n").filter((l) => l.startsWith("## ")),
      ["## Role and Responsibilities", "## Skills", "## Tools", "## Site Reliability Engineer Best Practices"],
    );

    const checked = await runCli(["check", "--content", content]);
    assert.equal(checked.code, 0, checked.stderr);
    assert.equal(checked.stderr, "");
    assert.match(checked.stdout, /: 0 errors, 0 warnings$/m);

    const built = await buildInto(content, ["--no-search"]);
    assert.equal(built.code, 0, built.stderr);
    const $ = loadPage(built.outDir, "/teams/dev-team/site-reliability-engineer/");
    const devTeam = $('#site-nav a:contains("Dev Team")').parent().find("> ul > li > a").map((_, a) => $(a).text()).get();
    assert.deepEqual(devTeam, [
      "Front-End Engineer",
      "Back-End Engineer",
      "AI (Artificial Intelligence) Engineer",
      "Site Reliability Engineer",
    ]);
    assert.equal($('#site-nav a[aria-current="page"]').text(), "Site Reliability Engineer");
  });

  test("a new page under a parent passes the checker and appears under it", async () => {
    const content = copyFixture("basic");
    const created = await runCli(["new", "page", "Travel", "--parent", "Teams", "--content", content]);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /^It will be at \/teams\/travel\/$/m);
    const checked = await runCli(["check", "--content", content]);
    assert.equal(checked.code, 0, checked.stderr);
    assert.equal(checked.stderr, "");
    const built = await buildInto(content, ["--no-search"]);
    assert.equal(built.code, 0, built.stderr);
    const $ = loadPage(built.outDir, "/teams/travel/");
    assert.deepEqual($("nav.breadcrumbs li").map((_, li) => $(li).text()).get(), ["Teams", "Travel"]);
    assert.equal($('#site-nav a[aria-current="page"]').text(), "Travel");
  });

  test("refuses to overwrite a file that exists, and leaves it as it was", async () => {
    const content = copyFixture("basic");
    const file = path.join(content, "teams/travel.md");
    const handWritten = "---\ntitle: Trips\nparent: Teams\n---\n\nWritten by hand.\n";
    fs.writeFileSync(file, handWritten);
    const result = await runCli(["new", "page", "Travel", "--parent", "Teams", "--content", content]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^error: .*teams\/travel\.md already exists; nothing was written$/m);
    assert.equal(fs.readFileSync(file, "utf8"), handWritten);
  });

  test("refuses a second page with a sibling's title", async () => {
    const content = copyFixture("basic");
    const args = ["new", "page", "Travel", "--parent", "Teams", "--content", content];
    assert.equal((await runCli(args)).code, 0);
    const again = await runCli(["new", "page", "Travel", "--parent", "Teams", "--content", content]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /^error: "Teams" already has a page titled "Travel"$/m);
  });
});
