import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { runCli, tempDir } from "../helpers/site.ts";

/** Runs git in `dir` with a fixed identity, ignoring the machine's git configuration; returns its output. */
function git(dir: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
  }).trim();
}

const page = (frontMatter: string, body: string) => `---\n${frontMatter}\n---\n\n${body}\n`;

describe("npm run pr-summary on two commits", () => {
  const repo = tempDir("handbook-pr-");
  const content = path.join(repo, "content");
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(content, rel)), { recursive: true });
    fs.writeFileSync(path.join(content, rel), text);
  };
  let base = "";
  let result = { code: 0 as number | null, stdout: "", stderr: "" };
  let summary = "";

  before(async () => {
    write("index.md", page("title: Home\nowner: People & Operations", "# Home\n\nSee the [guide](teams/dev/guide.md)."));
    write("teams/index.md", page("title: Teams", "# Teams"));
    write("teams/dev/index.md", page("title: Dev Team\nparent: Teams\nowner: Dev Team", "# Dev Team"));
    write("teams/dev/guide.md", page("title: Guide\nparent: Dev Team", "# Guide\n\nHow we work."));
    write("teams/dev/faq.md", page("title: FAQ\nparent: Dev Team", "# FAQ\n\nAsk away."));
    write("teams/dev/old.md", page("title: Old Page\nparent: Dev Team", "# Old\n\nGone soon."));
    write("teams/dev/tips.md", page("title: Tips\nparent: Dev Team", "# Tips\n\nUse the pager."));
    write("teams/platform/index.md", page('title: Platform\nparent: Teams\nowner: "@acme/platform"', "# Platform"));
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "The base");
    base = git(repo, "rev-parse", "HEAD");

    write("teams/dev/new.md", page("title: New <Page>\nparent: Dev Team", "# New\n\nSee [the missing page](missing.md)."));
    write("teams/dev/faq.md", page("title: FAQ\nparent: Dev Team", "# FAQ\n\nAsk away, in #dev-help."));
    write("teams/dev/guide.md", page("title: Handbook Guide\nparent: Dev Team", "# Guide\n\nHow we work."));
    fs.rmSync(path.join(content, "teams/dev/old.md"));
    fs.rmSync(path.join(content, "teams/dev/tips.md"));
    write("teams/platform/tips.md", page("title: Tips\nparent: Platform", "# Tips\n\nUse the pager."));
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "The pull request");

    const file = path.join(tempDir(), "summary.md");
    fs.writeFileSync(file, "Earlier step's summary\n");
    result = await runCli(["pr-summary", "--content", content, "--base", base], { GITHUB_STEP_SUMMARY: file });
    summary = fs.readFileSync(file, "utf8");
  });

  test("lists the pages added, changed, moved and deleted with their titles, new URLs and owners", () => {
    assert.equal(result.code, 0, result.stderr);
    const table = result.stdout.split("\n").filter((l) => l.startsWith("| "));
    assert.deepEqual(table, [
      "| Change | Page | URL | Owner |",
      "| --- | --- | --- | --- |",
      "| Added | New &#60;Page&#62; | <code>/teams/dev/new/</code> | Dev Team |",
      "| Changed | FAQ | <code>/teams/dev/faq/</code> | Dev Team |",
      "| Changed | Handbook Guide | <code>/teams/dev/guide/</code> | Dev Team |",
      "| Moved and changed from <code>content/teams/dev/tips.md</code> | Tips | <code>/teams/platform/tips/</code> (was <code>/teams/dev/tips/</code>) | &#64;acme/platform |",
      "| Deleted | Old Page | <del><code>/teams/dev/old/</code></del> | Dev Team |",
    ]);
    assert.match(result.stdout, /^Pages: 1 added, 2 changed, 1 moved, 1 deleted\.$/m);
  });

  test("lists the navigation changes: a new title, a page that moved in the tree", () => {
    const section = result.stdout.split("### Navigation\n\n")[1]!.split("\n\n")[0];
    assert.equal(
      section,
      [
        "- **Moved in the tree**: Tips from Teams › Dev Team to Teams › Platform",
        "- **Retitled**: Guide → Handbook Guide (<code>/teams/dev/guide/</code>)",
      ].join("\n"),
    );
  });

  test("lists the broken links it brings in, and the owners whose pages it touches", () => {
    assert.match(result.stdout, /### Broken links introduced\n\n- <code>content\/teams\/dev\/new\.md:8:24<\/code> link "missing\.md" points to a page that does not exist &#40;did you mean "guide\.md"\?&#41;\n/);
    assert.match(result.stdout, /### Owners of the pages it touches\n\n- &#64;acme\/platform: 1 page\n- Dev Team \(<code>&#64;northwind-labs\/dev-team<\/code>\): 4 pages\n$/);
  });

  test("appends the same Markdown to the job summary", () => {
    assert.equal(summary, `Earlier step's summary\n${result.stdout}\n`);
  });

  test("a base that is no commit is a usage error, and so is one that looks like an option", async () => {
    const missing = await runCli(["pr-summary", "--content", content, "--base", "0123456789abcdef"]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^error: --base 0123456789abcdef is no commit of this repository/m);
    const option = await runCli(["pr-summary", "--content", content, "--base", "--output=/tmp/x"]);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /^error: pr-summary needs --base with a commit or branch/m);
  });
});
