import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { parse as parseYaml } from "yaml";
import { projectDir } from "../helpers/site.ts";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps?: Step[] }>;
}

const read = (name: string) =>
  parseYaml(fs.readFileSync(path.join(projectDir, ".github", "workflows", name), "utf8")) as Workflow;
const stepsOf = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
const scripts = Object.keys(
  (JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts,
);
/** The package scripts a shell command runs: `npm run X`, `npm run-script X`, `npm test`, `npm start`. */
const scriptsCalled = (command: string) =>
  [...command.matchAll(/\bnpm\s+(?:run(?:-script)?\s+([\w:.-]+)|(test|start)\b)/g)].map((m) => m[1] ?? m[2]!);

describe("GitHub workflows", () => {
  for (const name of ["pull-request.yml", "deploy.yml"]) {
    test(`${name}: every npm script it runs exists in package.json`, () => {
      const called = stepsOf(read(name)).flatMap((s) => (s.run ? scriptsCalled(s.run) : []));
      assert.ok(called.length > 0, "it runs npm scripts");
      for (const script of called) assert.ok(scripts.includes(script), `npm run ${script} is not in package.json`);
    });

    test(`${name}: checks out the full history, so "Last updated" dates are right`, () => {
      const checkout = stepsOf(read(name)).find((s) => s.uses?.startsWith("actions/checkout@"));
      assert.equal(checkout?.with?.["fetch-depth"], 0);
    });
  }

  test("on a pull request: check, type check, lint, tests and build, then a preview of the site to download", () => {
    const workflow = read("pull-request.yml");
    assert.ok("pull_request" in workflow.on);
    const steps = stepsOf(workflow);
    const called = steps.flatMap((s) => (s.run ? scriptsCalled(s.run) : []));
    for (const script of ["check", "typecheck", "lint", "test", "build"]) assert.ok(called.includes(script), script);
    assert.ok(steps.some((s) => s.run?.trim() === "npm ci"));
    const upload = steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"));
    assert.equal(upload?.with?.path, "_site/");
  });

  test("on main: builds with the repository's path prefix and deploys to GitHub Pages", () => {
    const workflow = read("deploy.yml");
    assert.deepEqual((workflow.on.push as { branches: string[] }).branches, ["main"]);
    const steps = stepsOf(workflow);
    assert.ok(steps.some((s) => s.run && scriptsCalled(s.run).includes("build") && s.run.includes("--path-prefix")));
    assert.ok(steps.some((s) => s.uses?.startsWith("actions/upload-pages-artifact@")));
    assert.ok(steps.some((s) => s.uses?.startsWith("actions/deploy-pages@")));
  });
});
