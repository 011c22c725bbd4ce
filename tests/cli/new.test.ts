import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { newPage } from "../../src/cli/new.ts";
import { displayPath } from "../../src/shared/diagnostics.ts";
import { defaultBuildOptions } from "../../src/eleventy/options.ts";
import { buildInto, copyFixture, loadPage, projectDir, runCli } from "../helpers/site.ts";

// What the scaffolder plans (file, front matter, sections, refusals) is tested as a pure function in
// tests/unit/content/scaffold.test.ts; here, what only running it shows.

/** Runs `npm run new -- …args` in this process on `content`; returns the exit code and what it printed. */
function runNew(content: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = newPage([...args, "--content", content], defaultBuildOptions(projectDir), { info: (l) => out.push(l), error: (l) => err.push(l), env: {} });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const filesIn = (dir: string) => (fs.readdirSync(dir, { recursive: true }) as string[]).sort();

describe("npm run new", () => {
  test("a new role page is written, built, and appears in its team's navigation after the last sibling", async () => {
    const content = copyFixture("basic");
    const created = await runCli(["new", "role", "Site Reliability Engineer", "--team", "Dev Team", "--content", content]);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /^Created .*teams\/dev-team\/site-reliability-engineer\.md$/m);
    assert.match(created.stdout, /^It will be at \/teams\/dev-team\/site-reliability-engineer\/$/m);

    const built = await buildInto(content, ["--no-search"]);
    assert.equal(built.code, 0, built.stderr);
    assert.doesNotMatch(built.stdout + built.stderr, /warning/);
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

  test("a title that makes no file name writes nothing and says what to do", async () => {
    const content = copyFixture("basic");
    const before = filesIn(content);
    const result = await runCli(["new", "role", "🎉🎉", "--team", "Dev Team", "--content", content]);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, 'error: the title "🎉🎉" makes no file name: it has no letter or digit; give the page a title in words, e.g. "Release Party 🎉"\n');
    assert.deepEqual(filesIn(content), before);
  });

  test("a 320-character title is written to a file named by its first words", () => {
    const content = copyFixture("basic");
    const title = `Engineer ${"responsible for keeping the build fast and the handbook readable ".repeat(5)}`.slice(0, 320);
    assert.equal(title.length, 320);
    const result = runNew(content, "page", title, "--parent", "Teams");
    assert.equal(result.code, 0, result.stderr);
    const name = "engineer-responsible-for-keeping-the-build-fast-and-the";
    assert.equal(result.stdout, `Created ${displayPath(path.join(content, "teams", `${name}.md`))}\nIt will be at /teams/${name}/`);
    assert.match(fs.readFileSync(path.join(content, "teams", `${name}.md`), "utf8"), new RegExp(`^title: "${title}"$`, "m"));
  });

  test("refuses to overwrite a file that exists, and leaves it as it was", () => {
    const content = copyFixture("basic");
    const file = path.join(content, "teams/travel.md");
    const handWritten = "---\ntitle: Trips\nparent: Teams\n---\n\nWritten by hand.\n";
    fs.writeFileSync(file, handWritten);
    const result = runNew(content, "page", "Travel", "--parent", "Teams");
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^error: .*teams\/travel\.md already exists; nothing was written$/);
    assert.equal(fs.readFileSync(file, "utf8"), handWritten);
  });
});
