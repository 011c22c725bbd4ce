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
  env?: Record<string, unknown>;
}
type Permissions = Record<string, string> | string;
interface Job {
  steps?: Step[];
  permissions?: Permissions;
  "timeout-minutes"?: unknown;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Permissions;
  jobs: Record<string, Job>;
}

const WORKFLOWS = ["pull-request.yml", "deploy.yml", "review.yml"];
const text = (name: string) => fs.readFileSync(path.join(projectDir, ".github", "workflows", name), "utf8");
const read = (name: string) => parseYaml(text(name)) as Workflow;
const stepsOf = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
const scripts = Object.keys(
  (JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts,
);
/** The package scripts a shell command runs: `npm run X`, `npm run-script X`, `npm test`, `npm start`. */
const scriptsCalled = (command: string) =>
  [...command.matchAll(/\bnpm\s+(?:run(?:-script)?\s+([\w:.-]+)|(test|start)\b)/g)].map((m) => m[1] ?? m[2]!);

describe("GitHub workflows", () => {
  for (const name of WORKFLOWS) {
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

  test("on a pull request: a summary of the changes against the base commit, and CODEOWNERS kept up to date", () => {
    const steps = stepsOf(read("pull-request.yml"));
    const summary = steps.find((s) => s.run && scriptsCalled(s.run).includes("pr-summary"));
    assert.match(summary?.run ?? "", /--base "\$BASE_SHA"/);
    assert.equal(summary?.env?.BASE_SHA, "${{ github.event.pull_request.base.sha }}");
    assert.ok(steps.some((s) => s.run?.trim() === "npm run owners -- --check"));
  });

  test("every week: review issues per owner (a dry run by hand), then the check with overdue pages as errors", () => {
    const workflow = read("review.yml");
    const schedule = workflow.on.schedule as Array<{ cron: string }>;
    assert.match(schedule[0]!.cron, /^\S+ \S+ \* \* [0-6]$/, "weekly");
    assert.ok("workflow_dispatch" in workflow.on);
    const steps = stepsOf(workflow);
    const issues = steps.find((s) => s.run && scriptsCalled(s.run).includes("review-issues"));
    assert.match(issues?.run ?? "", /"\$DRY_RUN" = "true" \]; then npm run review-issues -- --dry-run; else npm run review-issues; fi/);
    assert.equal(issues?.env?.GITHUB_TOKEN, "${{ github.token }}");
    assert.ok(steps.some((s) => s.run?.trim() === "npm run check -- --stale error"));
    assert.ok(steps.indexOf(issues!) < steps.findIndex((s) => s.run?.includes("--stale error")), "the issues are written before the check fails");
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

// A workflow runs with a token that can write to the repository and publish the site. These rules keep what each
// step can reach to what it needs, so a later edit cannot quietly widen it.
describe("GitHub workflows: what each job can reach", () => {
  /** Each job of each workflow with the permissions it runs with: its own, else the workflow's. */
  const jobs = WORKFLOWS.flatMap((name) => {
    const workflow = read(name);
    return Object.entries(workflow.jobs).map(([id, job]) => ({ where: `${name} ${id}`, job, permissions: job.permissions ?? workflow.permissions }));
  });

  for (const name of WORKFLOWS) {
    test(`${name}: the workflow's own permissions are contents: read, nothing more`, () => {
      assert.deepEqual(read(name).permissions, { contents: "read" });
    });

    test(`${name}: every action is pinned to a full commit SHA, with its version in a comment`, () => {
      const lines = text(name).split("\n").filter((line) => /^\s*(?:-\s+)?uses:/.test(line));
      assert.equal(lines.length, stepsOf(read(name)).filter((s) => s.uses).length, "every uses: line is seen");
      for (const line of lines) {
        assert.match(line, /^\s*(?:-\s+)?uses: [\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[0-9a-f]{40} # v\d+(?:\.\d+){0,2}$/, line.trim());
      }
    });

    test(`${name}: no run: script has a \${{ }} expression in it (script injection); values come in through env:`, () => {
      for (const step of stepsOf(read(name))) {
        if (step.run) assert.doesNotMatch(step.run, /\$\{\{/, step.run);
      }
    });

    test(`${name}: every checkout leaves no credentials behind for later steps`, () => {
      const checkouts = stepsOf(read(name)).filter((s) => s.uses?.startsWith("actions/checkout@"));
      assert.ok(checkouts.length > 0);
      for (const step of checkouts) assert.equal(step.with?.["persist-credentials"], false);
    });
  }

  test("every job has a time limit", () => {
    for (const { where, job } of jobs) {
      const minutes = job["timeout-minutes"];
      assert.ok(typeof minutes === "number" && minutes > 0 && minutes <= 60, `${where}: timeout-minutes ${String(minutes)}`);
    }
  });

  test("only the deploy job may publish: pages: write and id-token: write are its, and no other job writes but the reminders' issues", () => {
    for (const { where, permissions } of jobs) {
      assert.equal(typeof permissions, "object", `${where}: permissions are listed one by one, not read-all or write-all`);
      const granted = permissions as Record<string, string>;
      if (where === "deploy.yml deploy") {
        assert.deepEqual(granted, { pages: "write", "id-token": "write" });
        continue;
      }
      if (where === "review.yml remind") {
        assert.deepEqual(granted, { contents: "read", issues: "write" });
        continue;
      }
      for (const [scope, level] of Object.entries(granted)) {
        assert.equal(level, "read", `${where}: ${scope}: ${level}`);
        assert.notEqual(scope, "id-token", where);
      }
    }
  });

  test("the deploy job runs only the deploy action: no repository code runs where the site can be published", () => {
    const steps = read("deploy.yml").jobs.deploy!.steps ?? [];
    assert.deepEqual(steps.map((s) => s.uses?.split("@")[0] ?? s.run), ["actions/deploy-pages"]);
  });

  test("the site that is published, and the job that writes issues, restore nothing from a cache another run wrote", () => {
    for (const job of [read("deploy.yml").jobs.build!, read("review.yml").jobs.remind!]) {
      const setup = (job.steps ?? []).find((s) => s.uses?.startsWith("actions/setup-node@"));
      assert.ok(setup);
      assert.equal(setup.with?.cache, undefined);
      assert.equal(setup.with?.["package-manager-cache"], false);
    }
  });

  test("the reminders run the default branch's code only: on a schedule or by hand, never for a pull request", () => {
    assert.deepEqual(Object.keys(read("review.yml").on).sort(), ["schedule", "workflow_dispatch"]);
  });

  test("the pull-request workflow, which runs the pull request's code, reaches no secret and no write token", () => {
    const workflow = read("pull-request.yml");
    assert.deepEqual(Object.keys(workflow.on), ["pull_request"], "not pull_request_target or workflow_run, which run with secrets");
    for (const [expression] of text("pull-request.yml").matchAll(/\$\{\{.*?\}\}/gs)) {
      assert.doesNotMatch(expression, /\bsecrets\b|\bgithub\.token\b/, "a secret or the token is handed to a step");
    }
    for (const { where, permissions } of jobs.filter((j) => j.where.startsWith("pull-request.yml"))) {
      assert.deepEqual(permissions, { contents: "read" }, where);
    }
  });
});
