import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseSource, type SourcePage } from "../../../src/content/page.ts";
import { fileNameFor, planPage, ScaffoldError, type Scaffold } from "../../../src/cli/scaffold.ts";
import { pageUrl } from "../../../src/content/urls.ts";
import { modelOf } from "../../../src/site/model.ts";
import { settingsSchema } from "../../../src/config/settings.ts";
import { validateContent } from "../../../src/site/validate.ts";
import { formatted, SITE, src } from "../fixtures.ts";

const CONTENT = `${SITE}/content`;

/** A small handbook: Teams → Dev Team (an index page) with three roles, one of them hidden; Policies as a file. */
const PAGES = [
  src("index.md", "title: Home\nnav_order: 1"),
  src("policies.md", "title: Policies\nnav_order: 3"),
  src("teams/index.md", "title: Teams\nnav_order: 2"),
  src("teams/dev-team/index.md", "title: Dev Team\nparent: Teams\nnav_order: 1"),
  src("teams/dev-team/front-end.md", "title: Front-End Engineer\nparent: Dev Team\ngrand_parent: Teams\nnav_order: 1"),
  src("teams/dev-team/back-end.md", "title: Back-End Engineer\nparent: Dev Team\nnav_order: 2.5"),
  src("teams/dev-team/notes.md", "title: Intern Notes\nparent: Dev Team\nnav_order: 10\nnav_exclude: true"),
  src("teams/dev-team/later.md", "title: Later\nparent: Dev Team\nnav_order: b"),
  src("teams/design/index.md", "title: Design\nparent: Teams"),
  src("guilds/design.md", "title: Design\nparent: Guilds"),
  src("guilds/index.md", "title: Guilds"),
];
const model = (pages: readonly SourcePage[]) => modelOf(settingsSchema.parse({}), CONTENT, pages);
const TREE = model(PAGES).tree;

const plan = (kind: "page" | "role", title: string, parent?: string): Scaffold => planPage(TREE, CONTENT, kind, title, parent);
const rel = (file: string) => file.slice(CONTENT.length + 1);
const frontMatter = (text: string) => text.split("---\n")[1]!.trimEnd().split("\n");
const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ScaffoldError, String(error));
    return error.message;
  }
  return assert.fail("expected a ScaffoldError");
};

/** Adds the planned page to the handbook: the checker's findings on it, and the page as the tree holds it. */
function addPlanned(planned: Scaffold) {
  const parsed = parseSource(planned.file, rel(planned.file), planned.text);
  assert.deepEqual(parsed.diagnostics, []);
  const site = model([...PAGES, parsed.page!]);
  return { problems: formatted([...site.diagnostics, ...validateContent(site)]), page: site.page(planned.file)! };
}

describe("planPage", () => {
  test("a role page goes in its team's folder, after the last numbered sibling, with the role sections", () => {
    const planned = plan("role", "Site Reliability Engineer", "Dev Team");
    assert.equal(rel(planned.file), "teams/dev-team/site-reliability-engineer.md");
    assert.deepEqual(frontMatter(planned.text), [
      'title: "Site Reliability Engineer"',
      'parent: "Dev Team"',
      'grand_parent: "Teams"',
      "nav_order: 11",
      "kind: role",
    ]);
    assert.deepEqual(
      planned.text.split("\n").filter((l) => l.startsWith("## ")),
      ["## Role and Responsibilities", "## Skills", "## Tools", "## Site Reliability Engineer Best Practices"],
    );
  });

  test("the planned role page passes the checker and sits under its team, after the siblings", () => {
    const { problems, page } = addPlanned(plan("role", "Site Reliability Engineer", "Dev Team"));
    assert.deepEqual(problems, []);
    assert.equal(page.kind === "nav" && page.parent?.title, "Dev Team");
    assert.equal(page.url, pageUrl("teams/dev-team/site-reliability-engineer.md"));
    const siblings = page.kind === "nav" ? page.parent!.navChildren.map((p) => p.title) : [];
    assert.deepEqual(siblings.slice(-2), ["Site Reliability Engineer", "Later"], "numbers first, then text");
  });

  test("a page under a parent that is a file goes in the folder named after it, and passes the checker", () => {
    const planned = plan("page", "Travel", "Policies");
    assert.equal(rel(planned.file), "policies/travel.md");
    assert.deepEqual(frontMatter(planned.text), ['title: "Travel"', 'parent: "Policies"', "nav_order: 1"]);
    assert.deepEqual(addPlanned(planned).problems, []);
  });

  test("a top-level page goes in the content folder, after the last top-level page", () => {
    const planned = plan("page", "FAQ", undefined);
    assert.equal(rel(planned.file), "faq.md");
    assert.deepEqual(frontMatter(planned.text), ['title: "FAQ"', "nav_order: 4"]);
  });

  test("a title with quotes, colons or a leading dash is written so the front matter keeps it exactly", () => {
    const title = `- "Travel": what's booked #1`;
    const planned = plan("page", title, "Policies");
    const { problems, page } = addPlanned(planned);
    assert.deepEqual(problems, []);
    assert.equal(page.kind === "nav" && page.title, title);
  });

  test("refuses, saying what to do: no title, two lines, an unknown, shared or missing parent, a sibling's title", () => {
    assert.match(refusal(() => plan("page", "   ", "Policies")), /^give the page a title/);
    assert.equal(refusal(() => plan("page", "Two\nlines", "Policies")), "a title is one line");
    assert.equal(refusal(() => plan("page", "Travel", "Polices")), 'no page is titled "Polices" (did you mean "Policies"?)');
    assert.equal(refusal(() => plan("role", "UX Writer", "Design")), '2 pages are titled "Design"; write this page by hand and add grand_parent');
    assert.equal(refusal(() => plan("role", "UX Writer", undefined)), 'a role needs its team: --team "Dev Team"');
    assert.equal(refusal(() => plan("page", "Back-End Engineer", "Dev Team")), '"Dev Team" already has a page titled "Back-End Engineer"');
  });

  test("refuses a title that makes no file name, rather than writing a hidden .md", () => {
    assert.equal(
      refusal(() => plan("role", "🎉🎉", "Dev Team")),
      'the title "🎉🎉" makes no file name: it has no letter or digit; give the page a title in words, e.g. "Release Party 🎉"',
    );
  });
});

describe("fileNameFor", () => {
  test("is the title's slug, as GitHub makes heading anchors, with each run of dashes made one", () => {
    assert.equal(fileNameFor("AI (Artificial Intelligence) Engineer"), "ai-artificial-intelligence-engineer");
    assert.equal(fileNameFor("Front-End / Back-End"), "front-end-back-end");
    assert.equal(fileNameFor(" - Travel - "), "travel");
    assert.equal(fileNameFor("Release Party 🎉"), "release-party");
  });

  test("keeps letters of any script", () => {
    assert.equal(fileNameFor("Ingénieure Réseau"), "ingénieure-réseau");
    assert.equal(fileNameFor("日本語のページ"), "日本語のページ");
  });

  test("refuses a title with no letter or digit", () => {
    for (const title of ["🎉🎉", "...", "___", "- / -", "?!"]) assert.throws(() => fileNameFor(title), ScaffoldError, title);
  });

  test("cuts a long title at the last word that fits in 60 characters", () => {
    const title = `${"Principal Engineer for Platform Reliability and Developer Experience ".repeat(5)}Lead`;
    assert.equal(title.length, 349);
    assert.equal(fileNameFor(title), "principal-engineer-for-platform-reliability-and-developer");
  });

  test("cuts a title of one long word at 60 characters, counting letters rather than bytes", () => {
    assert.equal(fileNameFor("x".repeat(320)), "x".repeat(60));
    assert.equal(fileNameFor("é".repeat(320)), "é".repeat(60));
    assert.equal(fileNameFor(`${"a".repeat(60)} b`), "a".repeat(60));
  });
});
