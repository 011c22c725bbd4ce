import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { githubIssues, planIssues, syncReviewIssues, type IssueApi, type OpenIssue } from "../../src/cli/review-issues.ts";
import { defaultBuildOptions } from "../../src/eleventy/options.ts";
import type { Log } from "../../src/shared/log.ts";
import { issueMarker, type ReviewIssue } from "../../src/site/review-issues.ts";
import { fixture, projectDir, runCli } from "../helpers/site.ts";

const args = ["review-issues", "--content", fixture("owners"), "--today", "2026-03-01"];
const NO_GITHUB = { GITHUB_TOKEN: "", GITHUB_REPOSITORY: "" };
const DEV_TEAM_BODY = [
  "<!-- handbook-review-owner: owner%3ADev%20Team -->",
  "These handbook pages owned by Dev Team (@northwind-labs/dev-team) are overdue for review. For each one, read it through, fix what is no longer right, and set `last_reviewed:` in its front matter to the day you checked it. Next week's update leaves out the pages reviewed by then.",
  "",
  "| Page | Last reviewed | Due |",
  "| --- | --- | --- |",
  "| [QA Engineer](https://github.com/northwind-labs/handbook/blob/main/content/teams/dev-team/qa-engineer.md) ([edit](https://github.com/northwind-labs/handbook/edit/main/content/teams/dev-team/qa-engineer.md)) | June 1, 2025 | December 1, 2025 |",
  "| [On-call](https://github.com/northwind-labs/handbook/blob/main/content/teams/dev-team/on-call.md) ([edit](https://github.com/northwind-labs/handbook/edit/main/content/teams/dev-team/on-call.md)) | August 15, 2025 | February 15, 2026 |",
  "",
  "Opened and updated every week by the *Review reminders* workflow (`npm run review-issues`); it closes this issue when no page is overdue.",
].join("\n");

describe("npm run review-issues -- --dry-run", () => {
  test("prints, without GitHub, one issue per owner with overdue pages: title, then the body with a link per page", async () => {
    const result = await runCli([...args, "--dry-run"], NO_GITHUB);
    assert.equal(result.code, 0, result.stderr);
    const titles = result.stdout.split("\n").filter((l) => l.startsWith("Would"));
    assert.deepEqual(titles, [
      "Would open or update: Handbook review: 2 pages overdue for Dev Team (@northwind-labs/dev-team)",
      "Would open or update: Handbook review: 1 page overdue for @jane-doe",
      "Would open or update: Handbook review: 1 page overdue for People & Operations (@northwind-labs/people-operations)",
      "Would open or update: Handbook review: 1 page overdue for Platform Crew (@acme/platform-crew)",
      "Would open or update: Handbook review: 1 page overdue for No owner",
    ]);
    const body = result.stdout.split("\n").slice(1, 10).map((l) => l.replace(/^ {4}/, ""));
    assert.deepEqual(body.join("\n"), DEV_TEAM_BODY);
    assert.match(result.stdout, /^6 pages overdue for review, 5 owners \(dry run: nothing was written to GitHub\)$/m);
  });

  test("without --dry-run it needs the token and repository the workflow gives it", async () => {
    const result = await runCli(args, NO_GITHUB);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^error: review-issues needs GITHUB_TOKEN and GITHUB_REPOSITORY/m);
  });
});

/** GitHub's issues in memory: what the command reads and what it did. */
function fakeGitHub(open: OpenIssue[]): IssueApi & { done: string[] } {
  const issues = [...open];
  const done: string[] = [];
  let next = 100;
  return {
    done,
    openIssues: async () => issues.map((i) => ({ ...i })),
    create: async (title, body) => {
      issues.push({ number: next, title, body });
      done.push(`open #${next}: ${title}`);
      return next++;
    },
    update: async (number, title, body) => {
      Object.assign(issues.find((i) => i.number === number)!, { title, body });
      done.push(`update #${number}: ${title}`);
    },
    close: async (number, comment) => {
      issues.splice(issues.findIndex((i) => i.number === number), 1);
      done.push(`close #${number}: ${comment}`);
    },
  };
}

describe("the weekly reminders on GitHub", () => {
  const quiet: Log = { info: () => {}, error: () => {}, env: {} };
  const options = { ...defaultBuildOptions(projectDir), contentDir: fixture("owners"), today: "2026-03-01" };

  test("update the owner's open reminder, open the missing ones, close those with nothing overdue, touch no other issue", async () => {
    const github = fakeGitHub([
      { number: 3, title: "Handbook review: 1 page overdue for Dev Team (@northwind-labs/dev-team)", body: `${issueMarker("owner:Dev Team")}\nold list` },
      { number: 5, title: "Handbook review: 1 page overdue for Design", body: `${issueMarker("owner:Design")}\nold list` },
      { number: 7, title: "Typo on the Home page", body: "Dev Team, please fix" },
    ]);
    assert.equal(await syncReviewIssues(options, false, quiet, github), 0);
    assert.deepEqual(github.done, [
      "update #3: Handbook review: 2 pages overdue for Dev Team (@northwind-labs/dev-team)",
      "open #100: Handbook review: 1 page overdue for @jane-doe",
      "open #101: Handbook review: 1 page overdue for People & Operations (@northwind-labs/people-operations)",
      "open #102: Handbook review: 1 page overdue for Platform Crew (@acme/platform-crew)",
      "open #103: Handbook review: 1 page overdue for No owner",
      "close #5: No page of Design is overdue for review any more. Closing; thank you!",
    ]);
    // A week later with nothing reviewed: nothing to write.
    github.done.length = 0;
    assert.equal(await syncReviewIssues(options, false, quiet, github), 0);
    assert.deepEqual(github.done, []);
  });

  test("a dry run with GitHub reads the issues and writes nothing", async () => {
    const github = fakeGitHub([{ number: 3, title: "old", body: `${issueMarker("owner:Dev Team")}\nold list` }]);
    const lines: string[] = [];
    await syncReviewIssues(options, true, { ...quiet, info: (l) => void lines.push(l) }, github);
    assert.deepEqual(github.done, []);
    assert.ok(lines.includes("Would update #3: Handbook review: 2 pages overdue for Dev Team (@northwind-labs/dev-team)"), lines.join("\n"));
    assert.ok(lines.includes("Would open: Handbook review: 1 page overdue for @jane-doe"));
  });

  test("the matching goes by the owner in the body, not the title; of two, the oldest stays and the other is closed", () => {
    const wanted: ReviewIssue[] = [{ key: "owner:Dev Team", title: "T", body: `${issueMarker("owner:Dev Team")}\nB`, pages: 1 }];
    const actions = planIssues(wanted, [
      { number: 9, title: "renamed by someone", body: `${issueMarker("owner:Dev Team")}\nB` },
      { number: 4, title: "T", body: `${issueMarker("owner:Dev Team")}\r\nB` },
    ]);
    assert.deepEqual(actions.map((a) => [a.kind, "number" in a ? a.number : undefined]), [["unchanged", 4], ["close", 9]]);
  });

  test("the REST calls: issues listed page by page without pull requests, opened with the label, closed with a comment", async () => {
    const calls: string[] = [];
    const fetchFn = (async (url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      calls.push(`${init.method} ${url.replace("https://api.example.com/repos/acme/handbook", "")} ${headers.authorization} ${init.body ?? ""}`.trim());
      const page = Number(/[?&]page=(\d+)/.exec(url)?.[1] ?? 0);
      const list = page === 1 ? Array.from({ length: 100 }, (_, i) => ({ number: i + 1, title: "t", body: "", ...(i === 0 ? { pull_request: {} } : {}) })) : [];
      return new Response(JSON.stringify(init.method === "GET" ? list : { number: 42 }), { status: 201 });
    }) as typeof fetch;
    const api = githubIssues("acme/handbook", "secret", "https://api.example.com", fetchFn);
    assert.equal((await api.openIssues()).length, 99);
    assert.equal(await api.create("T", "B"), 42);
    await api.close(42, "done");
    assert.deepEqual(calls, [
      "GET /issues?state=open&per_page=100&page=1 Bearer secret",
      "GET /issues?state=open&per_page=100&page=2 Bearer secret",
      'POST /issues Bearer secret {"title":"T","body":"B","labels":["handbook-review"]}',
      'POST /issues/42/comments Bearer secret {"body":"done"}',
      'PATCH /issues/42 Bearer secret {"state":"closed","state_reason":"completed"}',
    ]);
  });

  test("GitHub refusing is one line that says what it answered, not a stack trace", async () => {
    const errors: string[] = [];
    const fetchFn = (async () => new Response("Resource not accessible by integration", { status: 403 })) as unknown as typeof fetch;
    const code = await syncReviewIssues(options, false, { ...quiet, error: (l) => void errors.push(l) }, githubIssues("acme/handbook", "t", undefined, fetchFn));
    assert.equal(code, 1);
    assert.deepEqual(errors, ["error: GitHub answered 403 to GET /issues?state=open&per_page=100&page=1: Resource not accessible by integration"]);
  });
});
