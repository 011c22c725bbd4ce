import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { parse as parseYaml } from "yaml";
import { pagesGuard, type PagesAnswer } from "../../../src/cli/pages-guard.ts";
import { fixture, projectDir, tempDir } from "../../helpers/site.ts";

/** A recorded answer of `GET /repos/{owner}/{repo}/pages` (tests/fixtures/pages-api). */
const recorded = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(fixture("pages-api"), `${name}.json`), "utf8")) as PagesAnswer;

/** A fetch that answers with a recording and notes what was asked. */
function replay(answer: PagesAnswer | Error) {
  const asked: Array<{ url: string; authorization: string | null }> = [];
  const fetchFn = (async (url: string, init?: RequestInit) => {
    asked.push({ url, authorization: new Headers(init?.headers).get("authorization") });
    if (answer instanceof Error) throw answer;
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  }) as typeof fetch;
  return { fetchFn, asked };
}

/** A project folder whose _data/site.json holds `settings`. */
function project(settings: object): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, "_data"));
  fs.writeFileSync(path.join(dir, "_data", "site.json"), JSON.stringify(settings));
  return dir;
}

const env = { GITHUB_REPOSITORY: "northwind-labs/handbook", GITHUB_TOKEN: "ghs_test", GITHUB_API_URL: "https://api.github.example" };

async function guard(settings: object, answer: PagesAnswer | Error) {
  const lines: string[] = [];
  const { fetchFn, asked } = replay(answer);
  const code = await pagesGuard(project(settings), env, fetchFn, (line) => lines.push(line));
  return { code, output: lines.join("\n"), asked };
}

describe("pages-guard: an internal handbook is never deployed to a public Pages site", () => {
  test("a public Pages site stops the deploy, saying why and what to do", async () => {
    const { code, output, asked } = await guard({ title: "H" }, recorded("public"));
    assert.equal(code, 1);
    assert.match(output, /_data\/site\.json:1:1 error the GitHub Pages site of northwind-labs\/handbook is public/);
    assert.match(output, /make it private/);
    assert.match(output, /"public": true in _data\/site\.json/);
    assert.deepEqual(asked, [{ url: "https://api.github.example/repos/northwind-labs/handbook/pages", authorization: "Bearer ghs_test" }]);
  });

  test("a private Pages site lets the deploy go on", async () => {
    const { code, output } = await guard({ title: "H" }, recorded("private"));
    assert.equal(code, 0);
    assert.match(output, /is private; deploying/);
  });

  test("no Pages site yet stops the deploy: the first deploy would create a public one", async () => {
    const { code, output } = await guard({ title: "H" }, recorded("none"));
    assert.equal(code, 1);
    assert.match(output, /has no GitHub Pages site yet, and the first deploy would create one that is public/);
  });

  test("an API error or no network stops the deploy rather than guess", async () => {
    const forbidden = await guard({}, recorded("forbidden"));
    assert.equal(forbidden.code, 1);
    assert.match(forbidden.output, /could not learn whether .* \(HTTP 403: Resource not accessible by integration\)/);
    const offline = await guard({}, new TypeError("fetch failed"));
    assert.equal(offline.code, 1);
    assert.match(offline.output, /\(HTTP 0: fetch failed\)/);
  });

  test('"public": true in _data/site.json deploys without asking', async () => {
    const { code, output, asked } = await guard({ public: true }, recorded("public"));
    assert.equal(code, 0);
    assert.match(output, /"public": true/);
    assert.deepEqual(asked, []);
  });

  test("in GitHub Actions the refusal is also an annotation", async () => {
    const lines: string[] = [];
    const { fetchFn } = replay(recorded("public"));
    await pagesGuard(project({}), { ...env, GITHUB_ACTIONS: "true" }, fetchFn, (line) => lines.push(line));
    assert.ok(lines.some((line) => /^::error file=[^,]*_data\/site\.json,line=1,col=1::the GitHub Pages site/.test(line)), lines.join("\n"));
  });

  test("without a token the guard says how to pass one", async () => {
    const lines: string[] = [];
    const { fetchFn, asked } = replay(recorded("private"));
    const code = await pagesGuard(project({}), { GITHUB_REPOSITORY: "o/r" }, fetchFn, (line) => lines.push(line));
    assert.equal(code, 1);
    assert.match(lines.join("\n"), /GITHUB_TOKEN: \$\{\{ github\.token \}\}/);
    assert.deepEqual(asked, []);
  });

  test("the deploy workflow runs the guard before it uploads the site, with the workflow's token", () => {
    type Step = { uses?: string; run?: string; env?: Record<string, string> };
    const workflow = parseYaml(fs.readFileSync(path.join(projectDir, ".github", "workflows", "deploy.yml"), "utf8")) as {
      jobs: Record<string, { steps?: Step[] }>;
    };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
    const guardAt = steps.findIndex((s) => /\bnpm run pages-guard\b/.test(s.run ?? ""));
    const uploadAt = steps.findIndex((s) => s.uses?.startsWith("actions/upload-pages-artifact@"));
    assert.ok(guardAt >= 0 && guardAt < uploadAt, "pages-guard runs before the upload");
    assert.equal(steps[guardAt]!.env?.GITHUB_TOKEN, "${{ github.token }}");
  });
});
