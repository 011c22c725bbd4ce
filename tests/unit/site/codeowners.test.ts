import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { settingsSchema } from "../../../src/config/settings.ts";
import { CODEOWNERS_MARKER, codeownersFile, codeownersLines } from "../../../src/site/codeowners.ts";
import { modelOf } from "../../../src/site/model.ts";
import { formatted, src } from "../fixtures.ts";

const settings = settingsSchema.parse({
  owners: { "People Ops": "@acme/people", "Dev Team": "@acme/dev", Platform: "@acme/platform" },
});
const lines = (pages: ReturnType<typeof src>[]) => codeownersLines(modelOf(settings, "/site/content", pages), "content");

const handbook = [
  src("index.md", "title: Home\nowner: People Ops"),
  src("glossary.md", "title: Glossary\nowner: Dev Team"),
  src("teams/index.md", "title: Teams\nowner: People Ops"),
  src("teams/dev/index.md", "title: Dev Team\nparent: Teams\nowner: Dev Team"),
  src("teams/dev/qa.md", "title: QA\nparent: Dev Team"),
  src("teams/dev/guides/deploy.md", "title: Deploy\nparent: Dev Team"),
  src("teams/platform/index.md", "title: Platform\nparent: Teams\nowner: Platform"),
  src("teams/platform/sre.md", "title: SRE\nparent: Platform"),
  src("policies/index.md", "title: Policies\nowner: People Ops"),
  src("policies/security.md", "title: Security\nparent: Policies\nowner: Platform"),
  src("policies/travel.md", "title: Travel\nparent: Policies"),
  src("policies/expenses.md", "title: Expenses\nparent: Policies"),
];

describe("CODEOWNERS from the owners", () => {
  test("one line per folder for its index page's owner, a line for each page or folder of another owner, in path order", () => {
    assert.deepEqual(lines(handbook), {
      lines: [
        "/content/ @acme/people",
        "/content/glossary.md @acme/dev",
        "/content/policies/security.md @acme/platform",
        "/content/teams/dev/ @acme/dev",
        "/content/teams/platform/ @acme/platform",
      ],
      diagnostics: [],
    });
  });

  test("the same pages in any order give the same file", () => {
    assert.deepEqual(lines([...handbook].reverse()), lines(handbook));
  });

  test("a folder without an index page takes the owner of most of its pages", () => {
    const pages = [
      src("index.md", "title: Home\nowner: Dev Team"),
      src("a/one.md", 'title: One\nowner: "@acme/x"'),
      src("a/two.md", 'title: Two\nowner: "@acme/x"'),
      src("a/three.md", 'title: Three\nowner: "@acme/y"'),
    ];
    assert.deepEqual(lines(pages).lines, ["/content/ @acme/dev", "/content/a/ @acme/x", "/content/a/three.md @acme/y"]);
  });

  test("a folder with a page nobody owns gets no line, so it falls to the lines above the generated part", () => {
    const pages = [src("a/index.md", "title: A\nowner: Dev Team"), src("b/one.md", "title: One\nowner: Dev Team"), src("b/two.md", "title: Two")];
    assert.deepEqual(lines(pages).lines, ["/content/a/ @acme/dev", "/content/b/one.md @acme/dev"]);
  });

  test("spaces and glob characters in a path are escaped", () => {
    const pages = [src("index.md", "title: Home\nowner: Dev Team"), src("a b/[draft]*.md", 'title: Odd\nowner: "@acme/x"')];
    assert.deepEqual(lines(pages).lines, ["/content/ @acme/dev", "/content/a\\ b/ @acme/x"]);
    const file = [src("index.md", "title: Home\nowner: Dev Team"), src("x/index.md", "title: X\nowner: Dev Team"), src("x/[draft]*.md", 'title: Odd\nowner: "@acme/x"')];
    assert.deepEqual(lines(file).lines, ["/content/ @acme/dev", "/content/x/\\[draft\\]\\*.md @acme/x"]);
  });

  test("a team without a GitHub handle is an error at the owner that names it", () => {
    const pages = [src("ops/index.md", "title: Ops\nowner: Ops"), src("ops/a.md", "title: A\nparent: Ops")];
    const result = lines(pages);
    assert.deepEqual(formatted(result.diagnostics), [
      'content/ops/index.md:3:8 error owner "Ops" has no GitHub handle for CODEOWNERS; add "Ops": "@org/team" to owners in _data/site.json, or give the team\'s page its handle as owner',
    ]);
  });
});

describe("the CODEOWNERS file", () => {
  test("keeps the lines above the generated part, and replaces the generated part", () => {
    const mine = "# Code\n/src/ @acme/maintainers\n";
    const first = codeownersFile(mine, ["/content/ @acme/people"]);
    assert.equal(first, `# Code\n/src/ @acme/maintainers\n\n${CODEOWNERS_MARKER}\n/content/ @acme/people\n`);
    assert.equal(codeownersFile(first, ["/content/ @acme/dev"]), `# Code\n/src/ @acme/maintainers\n\n${CODEOWNERS_MARKER}\n/content/ @acme/dev\n`);
    assert.equal(codeownersFile(undefined, ["/content/ @acme/dev"]), `${CODEOWNERS_MARKER}\n/content/ @acme/dev\n`);
  });
});
