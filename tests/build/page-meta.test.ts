import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { loadSettings } from "../../src/config/settings.ts";
import { buildInto, copyFixture, loadPage, projectDir } from "../helpers/site.ts";

/** Runs git in `dir` with a fixed identity and dates, ignoring the machine's git configuration. */
function git(dir: string, date: string, ...args: string[]) {
  execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd: dir,
    stdio: "ignore",
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
  });
}

const edit = (file: string, from: string, to: string) => fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(from, to));
const updated = (outDir: string, url: string) => loadPage(outDir, url)("footer.page-meta .page-updated time");

describe("last updated and edit this page, in a git checkout", () => {
  let content = "";
  let outDir = "";
  before(async () => {
    content = copyFixture("basic");
    git(content, "2024-03-15T12:00:00Z", "init", "-q");
    git(content, "2024-03-15T12:00:00Z", "add", ".");
    git(content, "2024-03-15T12:00:00Z", "commit", "-q", "-m", "First version");
    edit(path.join(content, "teams/dev-team/back-end-engineer.md"), "Builds", "Designs and builds");
    git(content, "2024-05-02T09:30:00Z", "commit", "-q", "-am", "Second version of one page");
    edit(path.join(content, "teams/index.md"), "title: Teams", "title: Teams\nlast_modified_date: 2023-11-20");
    git(content, "2024-06-01T08:00:00Z", "commit", "-q", "-am", "A page that sets its own date");
    // Written after the last commit and never committed: only the file's time tells.
    fs.writeFileSync(path.join(content, "draft.md"), "---\ntitle: Draft\n---\n\nNot committed yet.\n");
    fs.utimesSync(path.join(content, "draft.md"), new Date("2022-02-02T10:00:00Z"), new Date("2022-02-02T10:00:00Z"));
    const result = await buildInto(content, ["--no-search"]);
    assert.equal(result.code, 0, result.stderr);
    outDir = result.outDir;
  });

  test("each page shows the date of the last commit that changed it", () => {
    const first = updated(outDir, "/teams/dev-team/ai-engineer/");
    assert.equal(first.attr("datetime"), "2024-03-15");
    assert.equal(first.text(), "March 15, 2024");
    const second = updated(outDir, "/teams/dev-team/back-end-engineer/");
    assert.equal(second.attr("datetime"), "2024-05-02");
    assert.equal(second.text(), "May 2, 2024");
  });

  test("last_modified_date in front matter wins over git history", () => {
    assert.equal(updated(outDir, "/teams/").attr("datetime"), "2023-11-20");
    assert.equal(updated(outDir, "/teams/").text(), "November 20, 2023");
  });

  test("a file git does not know yet shows its modification time", () => {
    assert.equal(updated(outDir, "/draft/").attr("datetime"), "2022-02-02");
  });

  test("every page links to its own file in the repository named in _data/site.json", () => {
    const { repository } = loadSettings(path.join(projectDir, "_data", "site.json")).settings;
    assert.ok(repository, "the handbook's settings name its repository");
    const base = `${repository.url}/edit/${repository.branch}/${repository.contentPath}`;
    for (const [url, file] of [
      ["/", "index.md"],
      ["/teams/dev-team/ai-engineer/", "teams/dev-team/ai-engineer.md"],
      ["/teams/dev-team/", "teams/dev-team/index.md"],
    ] as const) {
      const link = loadPage(outDir, url)('footer.page-meta a:contains("Edit this page")');
      assert.equal(link.attr("href"), `${base}/${file}`, url);
    }
  });
});

describe("last updated outside a git checkout", () => {
  test("falls back to the file's modification time", async () => {
    const content = copyFixture("basic");
    const file = path.join(content, "teams/dev-team/ai-engineer.md");
    fs.utimesSync(file, new Date("2021-07-04T18:00:00Z"), new Date("2021-07-04T18:00:00Z"));
    const result = await buildInto(content, ["--no-search"]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(updated(result.outDir, "/teams/dev-team/ai-engineer/").attr("datetime"), "2021-07-04");
  });
});
