import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import {
  diagnose,
  formatAnnotation,
  foldRepeats,
  formatDiagnostic,
  reportDiagnostics,
} from "../../../src/shared/diagnostics.ts";

test("formatDiagnostic shows file:line:col severity message, the file relative to the working folder", () => {
  const d = diagnose("error", "/site/content/teams/dev.md", 4, 'parent "Dev Taem" matches no page title', 9);
  assert.equal(formatDiagnostic(d, "/site"), 'content/teams/dev.md:4:9 error parent "Dev Taem" matches no page title');
  assert.equal(formatDiagnostic(d, "/elsewhere"), '/site/content/teams/dev.md:4:9 error parent "Dev Taem" matches no page title');
  assert.equal(formatDiagnostic(diagnose("warning", "/site/a.md", 2, "unknown key"), "/site"), "a.md:2:1 warning unknown key");
});

test("formatAnnotation writes a GitHub workflow command, escaping % , : per GitHub's rules", () => {
  const d = diagnose("error", "/site/content/q1,q2:plan%.md", 4, "100% done\nnext: ship, then rest", 9);
  assert.equal(
    formatAnnotation(d, "/site"),
    "::error file=content/q1%2Cq2%3Aplan%25.md,line=4,col=9::100%25 done%0Anext: ship, then rest",
  );
  assert.equal(
    formatAnnotation(diagnose("warning", "/site/content/a.md", 3, 'unknown key "nav_oder"'), "/site"),
    '::warning file=content/a.md,line=3,col=1::unknown key "nav_oder"',
  );
});

const problems = () => {
  const file = (rel: string) => path.join(process.cwd(), rel);
  return [
    diagnose("warning", file("content/b.md"), 3, "unknown key"),
    diagnose("error", file("content/b.md"), 2, "bad parent", 9),
    diagnose("error", file("content/a.md"), 5, "bad title", 8),
  ];
};

test("reportDiagnostics prints every problem, by file and line, and returns the error count", () => {
  const lines: string[] = [];
  const errors = reportDiagnostics(problems(), (l) => lines.push(l), {});
  assert.equal(errors, 2);
  assert.deepEqual(lines, [
    "content/a.md:5:8 error bad title",
    "content/b.md:2:9 error bad parent",
    "content/b.md:3:1 warning unknown key",
  ]);
});

test("reportDiagnostics adds GitHub annotations only when GITHUB_ACTIONS is true", () => {
  const run = (env: NodeJS.ProcessEnv) => {
    const lines: string[] = [];
    reportDiagnostics(problems(), (l) => lines.push(l), env);
    return lines;
  };
  assert.deepEqual(run({ GITHUB_ACTIONS: "true" }), [
    "content/a.md:5:8 error bad title",
    "::error file=content/a.md,line=5,col=8::bad title",
    "content/b.md:2:9 error bad parent",
    "::error file=content/b.md,line=2,col=9::bad parent",
    "content/b.md:3:1 warning unknown key",
    "::warning file=content/b.md,line=3,col=1::unknown key",
  ]);
  assert.equal(run({}).filter((l) => l.startsWith("::")).length, 0);
  assert.equal(run({ GITHUB_ACTIONS: "false" }).filter((l) => l.startsWith("::")).length, 0);
});

test("the same problem on 20,000 lines of a page is one line at its first place, saying how many more", () => {
  const page = path.join(process.cwd(), "content/long.md");
  const broken = Array.from({ length: 20_000 }, (_, i) => diagnose("error", page, 20_004 - i, 'anchor "#x" matches no heading on this page', 3));
  const other = diagnose("error", page, 9, 'anchor "#y" matches no heading on this page', 3);
  const elsewhere = diagnose("error", path.join(process.cwd(), "content/other.md"), 5, 'anchor "#x" matches no heading on this page', 3);
  const svg = [7, 3].map((line) => diagnose("error", path.join(process.cwd(), "content/a.svg"), line, "remove <script>"));
  assert.deepEqual(foldRepeats([...broken, other, elsewhere, ...svg]).map((d) => formatDiagnostic(d)), [
    "content/a.svg:3:1 error remove <script> (and 1 more in this file)",
    'content/long.md:5:3 error anchor "#x" matches no heading on this page (and 19,999 more on this page)',
    'content/long.md:9:3 error anchor "#y" matches no heading on this page',
    'content/other.md:5:3 error anchor "#x" matches no heading on this page',
  ]);
  // A warning and an error with the same words are different problems.
  assert.equal(foldRepeats([diagnose("warning", page, 1, "m"), diagnose("error", page, 2, "m")]).length, 2);
});

test("reportDiagnostics prints repeats once but counts every error", () => {
  const lines: string[] = [];
  const page = path.join(process.cwd(), "content/long.md");
  const repeated = Array.from({ length: 3 }, (_, i) => diagnose("error", page, i + 1, "bad"));
  assert.equal(reportDiagnostics([...repeated, diagnose("warning", page, 1, "meh")], (l) => lines.push(l), {}), 3);
  assert.deepEqual(lines, ["content/long.md:1:1 error bad (and 2 more on this page)", "content/long.md:1:1 warning meh"]);
});
