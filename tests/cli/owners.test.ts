import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { writeOwners } from "../../src/cli/owners.ts";
import { defaultBuildOptions } from "../../src/eleventy/options.ts";
import type { Log } from "../../src/shared/log.ts";
import { CODEOWNERS_MARKER } from "../../src/site/codeowners.ts";
import { fixture, projectDir, tempDir } from "../helpers/site.ts";

/** A project folder of its own (settings, content, .github), so the command can write its CODEOWNERS. */
function project(): string {
  const dir = tempDir();
  fs.cpSync(path.join(projectDir, "_data"), path.join(dir, "_data"), { recursive: true });
  fs.cpSync(fixture("owners"), path.join(dir, "content"), { recursive: true });
  return dir;
}

function run(dir: string, check: boolean) {
  const out: string[] = [];
  const log: Log = { info: (l) => void out.push(l), error: (l) => void out.push(l), env: {} };
  const code = writeOwners(defaultBuildOptions(dir), check, log);
  return { code, out: out.join("\n") };
}

const GENERATED = [
  CODEOWNERS_MARKER,
  "/content/ @northwind-labs/people-operations",
  "/content/policies.md @jane-doe",
  "/content/teams/dev-team/ @northwind-labs/dev-team",
  "/content/teams/platform/ @acme/platform-crew",
];

describe("npm run owners", () => {
  test("writes .github/CODEOWNERS from the pages' owners, and --check then passes", () => {
    const dir = project();
    // notes.md has no owner: the root folder can have no line, so each owned page there has its own.
    fs.writeFileSync(path.join(dir, "content/notes.md"), fs.readFileSync(path.join(dir, "content/notes.md"), "utf8").replace("nav_order: 4", "nav_order: 4\nowner: People & Operations"));
    assert.deepEqual(run(dir, false), { code: 0, out: "Wrote .github/CODEOWNERS: 4 lines for 4 owners" });
    assert.equal(
      fs.readFileSync(path.join(dir, ".github/CODEOWNERS"), "utf8"),
      `${GENERATED.join("\n")}\n`,
    );
    assert.deepEqual(run(dir, true), { code: 0, out: "✔ .github/CODEOWNERS is up to date (4 lines for 4 owners)" });
  });

  test("--check fails, at the file, when an owner changed and the file was not written again", () => {
    const dir = project();
    run(dir, false);
    const page = path.join(dir, "content/teams/dev-team/on-call.md");
    fs.writeFileSync(page, fs.readFileSync(page, "utf8").replace("nav_order: 2", 'nav_order: 2\nowner: "@acme/sre"'));
    const result = run(dir, true);
    assert.equal(result.code, 1);
    assert.equal(result.out, `${path.join(dir, ".github/CODEOWNERS")}:1:1 error is out of date with the pages' owners; run npm run owners and commit it`);
  });

  test("a content error stops it before anything is written", () => {
    const dir = project();
    const page = path.join(dir, "content/teams/dev-team/on-call.md");
    fs.writeFileSync(page, fs.readFileSync(page, "utf8").replace("nav_order: 2", "nav_order: 2\nowner: Dev Taem"));
    const result = run(dir, false);
    assert.equal(result.code, 1);
    assert.match(result.out, /on-call\.md:5:8 error owner "Dev Taem" is no team; did you mean "Dev Team"\?\n\.github\/CODEOWNERS was not written: the content has errors\.$/);
    assert.equal(fs.existsSync(path.join(dir, ".github/CODEOWNERS")), false);
  });
});
