import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { fixture, projectDir, runCli } from "../helpers/site.ts";

// `npm run check` and `npm run new` run from compiled JavaScript (scripts/compiled-cli.mjs), rebuilt from src/ when
// a source file changes: they must say exactly what the TypeScript commands say, and never run an older bundle.

const launcher = path.join(projectDir, "scripts", "compiled-cli.mjs");
const stamp = path.join(projectDir, ".cache", "cli", "built-from");

function compiled(args: string[]) {
  return spawnSync(process.execPath, [launcher, ...args], { cwd: projectDir, encoding: "utf8", env: { ...process.env, GITHUB_ACTIONS: "" } });
}

describe("npm run check from compiled JavaScript", () => {
  test("prints the same diagnostics and exits with the same code as the command run through tsx", async () => {
    const fromSource = await runCli(["check", "--content", fixture("broken")]);
    const fromBundle = compiled(["check", "--content", fixture("broken")]);
    assert.equal(fromBundle.status, 1, fromBundle.stderr);
    assert.equal(fromBundle.status, fromSource.code);
    assert.equal(fromBundle.stderr, fromSource.stderr);
    assert.ok(fromBundle.stderr.includes("error parent"), "the diagnostics are printed");
  });

  test("is rebuilt when a source file changes", () => {
    assert.equal(compiled(["--help"]).status, 0);
    const source = path.join(projectDir, "src", "cli", "check.ts");
    const { atime, mtime } = fs.statSync(source);
    const touched = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000);
    try {
      fs.utimesSync(source, atime, touched);
      const run = compiled(["--help"]);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(Number(fs.readFileSync(stamp, "utf8")), fs.statSync(source).mtimeMs, "the bundle was rebuilt from the changed file");
    } finally {
      fs.utimesSync(source, atime, mtime);
    }
  });
});
