import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fixture, runCli, tempDir } from "../helpers/site.ts";

const corpus = "tests/fixtures/broken";
// Each page of the corpus has one mistake; these are the lines the checker must print for them, in this order.
const expected = [
  `${corpus}/ambiguous-parent.md:3:9 error parent "Team" is ambiguous: 2 pages have that title (${corpus}/departments/team.md, ${corpus}/teams/team.md); add grand_parent (or ancestor) to choose one`,
  `${corpus}/bad-yaml.md:3:14 error front matter is not valid YAML: a value with ": " in it needs quotes: title: "Travel: booking and expenses"`,
  `${corpus}/cycle-a.md:3:9 error parent "Cycle B" makes a cycle: "Cycle A" → "Cycle B" → "Cycle A"; one of these pages needs another parent`,
  `${corpus}/duplicate-two.md:4:12 error URL "/same/" is also the URL of ${corpus}/duplicate-one.md; change the permalink or the file name of one of them`,
  `${corpus}/index.md:10:35 error link "no-such-page.md" points to a page that does not exist`,
  `${corpus}/index.md:11:29 error anchor "#members-list" matches no heading on teams/team.md (did you mean "#members"?)`,
  `${corpus}/roles/engineer.md:6:1 warning role page has no "## Tools" section; role pages have "Role and Responsibilities", "Skills", "Tools", "Best Practices" in that order`,
  `${corpus}/unknown-parent.md:4:9 error parent "Hme" matches no page title (did you mean "Home"?)`,
  `${corpus}/untitled.md:3:9 error page has a parent but no title; add a title: line so it can appear in the navigation`,
];

describe("npm run check on a corpus of broken pages", () => {
  test("reports every mistake at once, each at its file, line and column, and exits 1", async () => {
    const result = await runCli(["check", "--content", fixture("broken")]);
    assert.equal(result.code, 1);
    assert.deepEqual(result.stderr.trimEnd().split("\n"), expected);
    assert.doesNotMatch(result.stdout + result.stderr, /\n\s+at /, "no stack trace");
    assert.doesNotMatch(result.stdout + result.stderr, /^::/m, "no annotations outside GitHub Actions");
  });

  test("ends with a one-line summary of errors and warnings", async () => {
    const result = await runCli(["check", "--content", fixture("broken")]);
    assert.match(result.stdout, /^✖ \d+ pages checked in \d+ ms: 8 errors, 1 warning$/m);
  });

  test("in GitHub Actions, each problem is also a ::error or ::warning annotation on its line", async () => {
    const result = await runCli(["check", "--content", fixture("broken")], { GITHUB_ACTIONS: "true" });
    assert.equal(result.code, 1);
    const annotations = result.stderr.split("\n").filter((line) => line.startsWith("::"));
    assert.equal(annotations.length, expected.length);
    assert.ok(
      annotations.includes(
        `::error file=${corpus}/unknown-parent.md,line=4,col=9::parent "Hme" matches no page title (did you mean "Home"?)`,
      ),
      annotations.join("\n"),
    );
    assert.ok(
      annotations.includes(
        `::warning file=${corpus}/roles/engineer.md,line=6,col=1::role page has no "## Tools" section; role pages have "Role and Responsibilities", "Skills", "Tools", "Best Practices" in that order`,
      ),
      annotations.join("\n"),
    );
    // Each annotation follows the plain line it repeats, so a log reads the same in and out of Actions.
    const lines = result.stderr.trimEnd().split("\n");
    assert.deepEqual(lines.filter((line) => !line.startsWith("::")), expected);
  });

  test("a handbook without mistakes passes with exit 0", async () => {
    const result = await runCli(["check", "--content", fixture("basic")]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, "");
    assert.match(result.stdout, /^✔ \d+ pages checked in \d+ ms: 0 errors, 0 warnings$/m);
  });
});

describe("npm run check on content written as an attacker would", () => {
  const dir = path.join(tempDir(), "content");
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  write("index.md", "---\ntitle: Home\n---\n# Home\n");
  write("js.md", '---js\n{ title: require("fs").readFileSync("/etc/hostname", "utf8") }\n---\n');
  write("tabs.md", "---\ntitle: Tabs\ntags:\n\t- a\n---\n");
  write("engine.md", "---\ntitle: Engine\ntemplateEngineOverride: njk\n---\n{{ 7 * 7 }}\n");
  write("escape.md", "---\ntitle: Escape\npermalink: /../../etc/\n---\n");
  write("nav.md", "---\ntitle: Nav\npermalink: /nav.json\n---\n");
  fs.symlinkSync("/proc/self/environ", path.join(dir, "env.md"));
  spawnSync("mkfifo", [path.join(dir, "fifo.md")]);

  test("reports each attack at its file and line, reads nothing outside the folder, and exits 1 without a stack trace", async () => {
    const result = await runCli(["check", "--content", dir]);
    assert.equal(result.code, 1);
    const shown = result.stderr.replaceAll(`${dir}/`, "").trimEnd().split("\n");
    assert.deepEqual(shown, [
      `engine.md:3:1 error key "templateEngineOverride" is the build's own data, not a page's; remove it: the handbook sets this itself`,
      "env.md:1:1 error is a symbolic link to a place outside the content folder, which the build never reads; put the file itself here instead",
      `escape.md:3:12 error permalink "/../../etc/" has a ".." segment, which leads out of its folder; remove it`,
      "fifo.md:1:1 error is a FIFO (named pipe), not a file; remove it: the content folder holds files and folders only",
      'js.md:1:4 error front matter must be YAML between two plain --- lines; remove "js" after the opening ---',
      'nav.md:3:12 error URL "/nav.json" is /nav.json, which the build writes itself; choose another permalink',
      "tabs.md:4:1 error front matter is not valid YAML: a tab indents this line; indent with spaces",
    ]);
    assert.doesNotMatch(result.stdout + result.stderr, /\n\s+at /, "no stack trace");
  });

  test("a --content folder that does not exist is a usage error naming it", async () => {
    const missing = path.join(path.dirname(dir), "no-such-folder");
    const result = await runCli(["check", "--content", missing]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, new RegExp(`^error: --content: there is no folder ${missing}$`, "m"));
  });

  test("a --path-prefix that leaves the site is a usage error", async () => {
    const result = await runCli(["check", "--content", fixture("basic"), "--path-prefix", "/a/../b/"]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^error: --path-prefix "\/a\/\.\.\/b\/" has a "\.\." segment, which leads out of its folder; remove it$/m);
  });
});

describe("npm run check -- --nav warn", () => {
  test("lists the navigation problems as warnings with the same messages, and says how many pages left the navigation", async () => {
    const strict = await runCli(["check", "--content", fixture("broken")]);
    const lenient = await runCli(["check", "--content", fixture("broken"), "--nav", "warn"]);
    const navLines = (stderr: string) => stderr.split("\n").filter((l) => /parent|cycle/.test(l));
    assert.deepEqual(
      navLines(lenient.stderr),
      navLines(strict.stderr).map((l) => l.replace(" error ", " warning ")),
    );
    assert.match(lenient.stdout, /^Navigation: 4 pages are not in the navigation \(--nav warn\), as in Just the Docs: 1 whose parent matches no page, 1 without a title, 1 in a cycle of parents, 1 below one of those; fix the warnings above to bring them back$/m);
    assert.match(lenient.stdout, /^Navigation: 1 page whose parent's title several pages share is listed under the first of them/m);
  });

  test("--nav takes error or warn only", async () => {
    const result = await runCli(["check", "--content", fixture("broken"), "--nav", "quiet"]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--nav must be error or warn, not "quiet"/);
  });
});

describe("npm run check on pages overdue for review", () => {
  const owners = "tests/fixtures/owners";
  const stale = [
    "Overdue for review: 6 pages of 5 owners",
    "Dev Team (@northwind-labs/dev-team): 2 pages overdue for review",
    `${owners}/teams/dev-team/qa-engineer.md:5:16 warning overdue for review since December 1, 2025 (last reviewed June 1, 2025, reviewed every 6 months); check the page is still right, then set last_reviewed: 2026-03-01`,
    `${owners}/teams/dev-team/on-call.md:5:16 warning overdue for review since February 15, 2026 (last reviewed August 15, 2025, reviewed every 6 months); check the page is still right, then set last_reviewed: 2026-03-01`,
    "@jane-doe: 1 page overdue for review",
    `${owners}/policies.md:6:16 warning overdue for review since January 1, 2026 (last reviewed January 1, 2025, reviewed every year); check the page is still right, then set last_reviewed: 2026-03-01`,
    "People & Operations (@northwind-labs/people-operations): 1 page overdue for review",
    `${owners}/index.md:5:16 warning overdue for review since July 15, 2025 (last reviewed January 15, 2025, reviewed every 6 months); check the page is still right, then set last_reviewed: 2026-03-01`,
    "Platform Crew (@acme/platform-crew): 1 page overdue for review",
    `${owners}/teams/platform/runbook.md:5:16 warning overdue for review since June 1, 2025 (last reviewed December 1, 2024, reviewed every 6 months); check the page is still right, then set last_reviewed: 2026-03-01`,
    "No owner: 1 page overdue for review",
    `${owners}/notes.md:4:16 warning overdue for review since July 1, 2025 (last reviewed January 1, 2025, reviewed every 6 months); check the page is still right, then set last_reviewed: 2026-03-01`,
  ];

  test("lists them as warnings grouped by owner, the longest overdue first, and passes", async () => {
    const result = await runCli(["check", "--content", fixture("owners"), "--today", "2026-03-01"]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.stderr.trimEnd().split("\n"), [
      `${owners}/notes.md:2:1 warning page has no owner; add owner: with the team that keeps it right, here or on a page above it`,
      ...stale,
    ]);
    assert.match(result.stdout, /^✔ 11 pages checked in \d+ ms: 0 errors, 7 warnings \(6 overdue for review\)$/m);
  });

  test("--stale error makes them errors, for a scheduled job, and exits 1", async () => {
    const result = await runCli(["check", "--content", fixture("owners"), "--today", "2026-03-01", "--stale", "error"]);
    assert.equal(result.code, 1);
    assert.deepEqual(result.stderr.trimEnd().split("\n").slice(1), stale.map((line) => line.replace(" warning overdue", " error overdue")));
    assert.match(result.stdout, /^✖ 11 pages checked in \d+ ms: 6 errors, 1 warning \(6 overdue for review\)$/m);
  });

  test("in GitHub Actions, each overdue page is also an annotation on its last_reviewed line", async () => {
    const result = await runCli(["check", "--content", fixture("owners"), "--today", "2026-03-01"], { GITHUB_ACTIONS: "true" });
    assert.ok(result.stderr.includes(`::warning file=${owners}/notes.md,line=4,col=16::overdue for review since July 1, 2025`), result.stderr);
  });

  test("--stale and --today take only the values they name", async () => {
    const stale = await runCli(["check", "--content", fixture("owners"), "--stale", "fail"]);
    assert.equal(stale.code, 2);
    assert.match(stale.stderr, /^error: --stale must be warn or error, not "fail"$/m);
    const today = await runCli(["check", "--content", fixture("owners"), "--today", "2026-02-30"]);
    assert.equal(today.code, 2);
    assert.match(today.stderr, /^error: --today must be a day such as 2026-03-14, not "2026-02-30"$/m);
  });
});
