import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { formatDiagnostic } from "../../../src/shared/diagnostics.ts";
import { buildNavTree, NAV_DEPTH_LIMIT } from "../../../src/navigation/tree.ts";
import { formatted, sidebarShape, src, treeShape } from "../fixtures.ts";

const titles = (pages: ReadonlyArray<{ title: string }>) => pages.map((p) => p.title);

describe("parents", () => {
  test("a page sits under the page whose title its parent names", () => {
    const { tree, diagnostics } = buildNavTree([
      src("index.md", "title: Home"),
      src("teams/index.md", "title: Teams"),
      src("teams/dev-team.md", "title: Dev Team\nparent: Teams"),
      src("about.md", "title: About"),
    ]);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(treeShape(tree), [
      { title: "About" },
      { title: "Home" },
      { title: "Teams", children: [{ title: "Dev Team" }] },
    ]);
  });

  test("depth is unlimited (five levels)", () => {
    const { tree, diagnostics } = buildNavTree([
      src("l1.md", "title: Level 1"),
      src("l2.md", "title: Level 2\nparent: Level 1"),
      src("l3.md", "title: Level 3\nparent: Level 2"),
      src("l4.md", "title: Level 4\nparent: Level 3"),
      src("l5.md", "title: Level 5\nparent: Level 4"),
    ]);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(treeShape(tree), [
      {
        title: "Level 1",
        children: [
          { title: "Level 2", children: [{ title: "Level 3", children: [{ title: "Level 4", children: [{ title: "Level 5" }] }] }] },
        ],
      },
    ]);
    assert.deepEqual(titles(tree.sidebarOrder), ["Level 1", "Level 2", "Level 3", "Level 4", "Level 5"]);
  });

  test("grand_parent chooses between two parents with the same title", () => {
    const { tree, diagnostics } = buildNavTree([
      src("teams/index.md", "title: Teams"),
      src("guilds/index.md", "title: Guilds"),
      src("teams/dev.md", "title: Dev\nparent: Teams"),
      src("guilds/dev.md", "title: Dev\nparent: Guilds"),
      src("guilds/dev/onboarding.md", "title: Onboarding\nparent: Dev\ngrand_parent: Guilds"),
    ]);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(treeShape(tree), [
      { title: "Guilds", children: [{ title: "Dev", children: [{ title: "Onboarding" }] }] },
      { title: "Teams", children: [{ title: "Dev" }] },
    ]);
  });

  test("ancestor chooses between two parents with the same title", () => {
    const { tree, diagnostics } = buildNavTree([
      src("eng/index.md", "title: Engineering"),
      src("eng/platform.md", "title: Platform\nparent: Engineering"),
      src("eng/guides.md", "title: Guides\nparent: Platform"),
      src("sales/index.md", "title: Sales"),
      src("sales/field.md", "title: Field\nparent: Sales"),
      src("sales/guides.md", "title: Guides\nparent: Field"),
      src("eng/checklist.md", "title: Checklist\nparent: Guides\nancestor: Engineering"),
    ]);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(treeShape(tree), [
      {
        title: "Engineering",
        children: [{ title: "Platform", children: [{ title: "Guides", children: [{ title: "Checklist" }] }] }],
      },
      { title: "Sales", children: [{ title: "Field", children: [{ title: "Guides" }] }] },
    ]);
  });

  test("a parent two pages share, without grand_parent, is an error naming both files", () => {
    const { diagnostics } = buildNavTree([
      src("teams/index.md", "title: Teams"),
      src("guilds/index.md", "title: Guilds"),
      src("teams/dev.md", "title: Dev\nparent: Teams"),
      src("guilds/dev.md", "title: Dev\nparent: Guilds"),
      src("onboarding.md", "title: Onboarding\nparent: Dev"),
    ]);
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.equal(d!.severity, "error");
    assert.match(formatDiagnostic(d!, "/site"), /^content\/onboarding\.md:3:9 error parent "Dev" is ambiguous/);
    assert.ok(d!.message.includes("content/teams/dev.md"), d!.message);
    assert.ok(d!.message.includes("content/guilds/dev.md"), d!.message);
  });

  test("a parent title 1,000 pages share is an error naming five of the files, so 1,000 such errors stay short", () => {
    const pages = [
      ...Array.from({ length: 1000 }, (_, i) => src(`dev/${String(i).padStart(4, "0")}.md`, "title: Dev")),
      src("onboarding.md", "title: Onboarding\nparent: Dev"),
    ];
    assert.deepEqual(formatted(buildNavTree(pages).diagnostics), [
      'content/onboarding.md:3:9 error parent "Dev" is ambiguous: 1000 pages have that title (/site/content/dev/0000.md, /site/content/dev/0001.md, /site/content/dev/0002.md, /site/content/dev/0003.md, /site/content/dev/0004.md and 995 more); add grand_parent (or ancestor) to choose one',
    ]);
  });

  test("an unknown parent is an error at its line, suggesting the closest title", () => {
    const { tree, diagnostics } = buildNavTree([
      src("teams/index.md", "title: Teams"),
      src("teams/dev-team/index.md", "title: Dev Team\nparent: Teams"),
      src("teams/dev-team/ai-engineer.md", "layout: default\ntitle: AI Engineer\nparent: Dev Taem"),
    ]);
    assert.deepEqual(
      diagnostics.map((d) => formatDiagnostic(d, "/site")),
      ['content/teams/dev-team/ai-engineer.md:4:9 error parent "Dev Taem" matches no page title (did you mean "Dev Team"?)'],
    );
    assert.deepEqual(treeShape(tree), [{ title: "Teams", children: [{ title: "Dev Team" }] }]);
  });

  test("an unknown parent never suggests the page's own title", () => {
    // Following the hint would only give the next error: "a page cannot be its own parent".
    const { diagnostics } = buildNavTree([
      src("engineering/index.md", "title: Engineering"),
      src("engineering/engineer.md", "title: Engineer\nparent: Enginer"),
    ]);
    assert.equal(diagnostics.length, 1);
    const line = formatted(diagnostics)[0]!;
    assert.match(line, /^content\/engineering\/engineer\.md:3:9 error parent "Enginer" matches no page title/);
    assert.doesNotMatch(line, /did you mean "Engineer"/);
  });

  test("a page with a parent but no title is an error", () => {
    const { tree, diagnostics } = buildNavTree([
      src("teams/index.md", "title: Teams"),
      src("teams/notes.md", "parent: Teams"),
    ]);
    assert.equal(diagnostics.length, 1);
    assert.match(formatted(diagnostics)[0]!, /^content\/teams\/notes\.md:2:9 error page has a parent but no title/);
    assert.equal(tree.byFile.get("/site/content/teams/notes.md")?.kind, "loose");
  });

  test("pages without a title are loose: built, but in no navigation", () => {
    const { tree, diagnostics } = buildNavTree([src("index.md", "title: Home"), src("404.md", "layout: default")]);
    assert.deepEqual(diagnostics, []);
    const page = tree.byUrl.get("/404/");
    assert.equal(page?.kind, "loose");
    assert.deepEqual(treeShape(tree), [{ title: "Home" }]);
    assert.deepEqual(titles(tree.sidebarOrder), ["Home"]);
  });
});

describe("nav_order", () => {
  test("numbers ascend first, then text, then pages without nav_order by title", () => {
    const { tree } = buildNavTree([
      src("zeta.md", "title: Zeta"),
      src("ten.md", "title: Ten\nnav_order: 10"),
      src("xray.md", "title: Xray\nnav_order: a"),
      src("two.md", "title: Two\nnav_order: 2"),
      src("alpha.md", "title: Alpha"),
      src("whiskey.md", "title: Whiskey\nnav_order: b"),
      src("half.md", "title: One and a half\nnav_order: 1.5"),
      src("beta.md", "title: Beta"),
    ]);
    assert.deepEqual(titles(tree.roots), ["One and a half", "Two", "Ten", "Xray", "Whiskey", "Alpha", "Beta", "Zeta"]);
  });

  test("a quoted number is text, so it sorts after every number and as text", () => {
    const { tree } = buildNavTree([
      src("quoted-nine.md", 'title: Quoted nine\nnav_order: "9"'),
      src("quoted-ten.md", 'title: Quoted ten\nnav_order: "10"'),
      src("hundred.md", "title: Hundred\nnav_order: 100"),
      src("two.md", "title: Two\nnav_order: 2"),
    ]);
    assert.deepEqual(titles(tree.roots), ["Two", "Hundred", "Quoted ten", "Quoted nine"]);
  });

  const caseFixture = () => [
    src("apple.md", "title: Apple page\nnav_order: apple"),
    src("banana.md", "title: Banana page\nnav_order: Banana"),
    src("alpha.md", "title: alpha"),
    src("beta.md", "title: Beta"),
  ];

  test("text nav_order and titles sort case-sensitively by default (capitals first)", () => {
    const { tree } = buildNavTree(caseFixture());
    assert.deepEqual(titles(tree.roots), ["Banana page", "Apple page", "Beta", "alpha"]);
  });

  test("nav_sort: case_insensitive sorts text nav_order and titles ignoring case", () => {
    const { tree } = buildNavTree(caseFixture(), { navSort: "case_insensitive" });
    assert.deepEqual(titles(tree.roots), ["Apple page", "Banana page", "alpha", "Beta"]);
  });

  test("equal nav_order keeps the order of the pages' paths (Jekyll's), not of their titles, whatever the file order", () => {
    const pages = [
      src("x/gamma.md", "title: Gamma\nnav_order: 1"),
      src("beta.md", "title: Beta\nnav_order: 1"),
      src("a/gamma.md", "title: Gamma\nnav_order: 1"),
      src("alpha.md", "title: Zeta\nnav_order: 1"),
    ];
    const expected = [
      ["Gamma", "/a/gamma/"],
      ["Zeta", "/alpha/"],
      ["Beta", "/beta/"],
      ["Gamma", "/x/gamma/"],
    ];
    const order = (list: typeof pages) => buildNavTree(list).tree.roots.map((p) => [p.title, p.url]);
    assert.deepEqual(order(pages), expected);
    assert.deepEqual(order([...pages].reverse()), expected);
  });

  test("pages without nav_order are ordered by title, and equal titles by path", () => {
    const { tree } = buildNavTree([src("b/setup.md", "title: Setup"), src("a/setup.md", "title: Setup"), src("about.md", "title: About")]);
    assert.deepEqual(tree.roots.map((p) => p.url), ["/about/", "/a/setup/", "/b/setup/"]);
  });
});

describe("children", () => {
  const numbered = (folder: string, parent: string) => [
    src(`${folder}/one.md`, `title: ${folder} one\nparent: ${parent}\nnav_order: 1`),
    src(`${folder}/three.md`, `title: ${folder} three\nparent: ${parent}\nnav_order: 3`),
    src(`${folder}/two.md`, `title: ${folder} two\nparent: ${parent}\nnav_order: 2`),
  ];

  test("child_nav_order: reversed lists the children in reverse order", () => {
    const { tree } = buildNavTree([src("r/index.md", "title: R\nchild_nav_order: reversed"), ...numbered("r", "R")]);
    assert.deepEqual(treeShape(tree), [{ title: "R", children: [{ title: "r three" }, { title: "r two" }, { title: "r one" }] }]);
  });

  test("child_nav_order: desc (the deprecated spelling) also reverses", () => {
    const { tree } = buildNavTree([src("d/index.md", "title: D\nchild_nav_order: desc"), ...numbered("d", "D")]);
    assert.deepEqual(treeShape(tree), [{ title: "D", children: [{ title: "d three" }, { title: "d two" }, { title: "d one" }] }]);
  });

  test("has_children: false hides the children from the sidebar but keeps them as children", () => {
    const { tree } = buildNavTree([
      src("teams/index.md", "title: Teams\nhas_children: false\nnav_order: 1"),
      src("teams/dev.md", "title: Dev\nparent: Teams"),
      src("teams/ops.md", "title: Ops\nparent: Teams"),
      src("about.md", "title: About\nnav_order: 2"),
    ]);
    assert.deepEqual(treeShape(tree), [{ title: "Teams", children: [{ title: "Dev" }, { title: "Ops" }] }, { title: "About" }]);
    assert.deepEqual(sidebarShape(tree), [{ title: "Teams" }, { title: "About" }]);
    assert.deepEqual(titles(tree.sidebarOrder), ["Teams", "About"]);
  });

  test("nav_exclude leaves a page out of the sidebar but not out of its parent's children", () => {
    const { tree } = buildNavTree([
      src("teams/index.md", "title: Teams"),
      src("teams/dev.md", "title: Dev\nparent: Teams\nnav_order: 1"),
      src("teams/legacy.md", "title: Legacy\nparent: Teams\nnav_order: 2\nnav_exclude: true"),
      src("teams/ops.md", "title: Ops\nparent: Teams\nnav_order: 3"),
      src("drafts.md", "title: Drafts\nnav_exclude: true"),
    ]);
    assert.deepEqual(treeShape(tree), [
      { title: "Drafts" },
      { title: "Teams", children: [{ title: "Dev" }, { title: "Legacy" }, { title: "Ops" }] },
    ]);
    assert.deepEqual(sidebarShape(tree), [{ title: "Teams", children: [{ title: "Dev" }, { title: "Ops" }] }]);
    assert.deepEqual(titles(tree.sidebarOrder), ["Teams", "Dev", "Ops"]);
  });
});

describe("mistakes", () => {
  test("a title that repeats an ancestor's title is an error", () => {
    const { tree, diagnostics } = buildNavTree([
      src("teams/index.md", "title: Teams"),
      src("teams/teams.md", "title: Teams\nparent: Teams"),
    ]);
    assert.equal(diagnostics.length, 1);
    assert.match(formatted(diagnostics)[0]!, /^content\/teams\/teams\.md:2:8 error title "Teams" repeats the title of its ancestor /);
    assert.ok(diagnostics[0]!.message.includes("content/teams/index.md"), diagnostics[0]!.message);
    assert.deepEqual(treeShape(tree), [{ title: "Teams" }]);
  });

  test("a cycle is an error, and the other errors are still reported", () => {
    const { tree, diagnostics } = buildNavTree([
      src("index.md", "title: Home"),
      src("a.md", "title: A\nparent: B"),
      src("b.md", "title: B\nparent: A"),
      src("c.md", "title: C\nparent: Nowhere"),
    ]);
    assert.deepEqual(formatted(diagnostics).sort(), [
      'content/a.md:3:9 error parent "B" makes a cycle: "A" → "B" → "A"; one of these pages needs another parent',
      'content/c.md:3:9 error parent "Nowhere" matches no page title; check the spelling against the parent page\'s title',
    ]);
    assert.deepEqual(treeShape(tree), [{ title: "Home" }]);
  });

  test("two pages with one URL is an error", () => {
    const { diagnostics } = buildNavTree([
      src("contact.md", "title: Contact\npermalink: /contact/"),
      src("people/reach-us.md", "title: Reach us\npermalink: contact"),
    ]);
    assert.deepEqual(formatted(diagnostics), [
      'content/people/reach-us.md:3:12 error URL "/contact/" is also the URL of /site/content/contact.md; change the permalink or the file name of one of them',
    ]);
  });

  test("all errors of a tree are reported together", () => {
    const { diagnostics } = buildNavTree([
      src("teams/index.md", "title: Teams"),
      src("guilds/index.md", "title: Guilds"),
      src("teams/dev.md", "title: Dev\nparent: Teams"),
      src("guilds/dev.md", "title: Dev\nparent: Guilds"),
      src("onboarding.md", "title: Onboarding\nparent: Dev"),
      src("ops.md", "title: Ops\nparent: Teems"),
      src("about.md", "title: About\npermalink: /teams/"),
    ]);
    const lines = formatted(diagnostics).sort();
    assert.equal(lines.length, 3, lines.join("\n"));
    assert.match(lines[0]!, /^content\/about\.md:3:12 error URL "\/teams\/" is also the URL of /);
    assert.match(lines[1]!, /^content\/onboarding\.md:3:9 error parent "Dev" is ambiguous/);
    assert.equal(lines[2], 'content/ops.md:3:9 error parent "Teems" matches no page title (did you mean "Teams"?)');
  });
});

describe("depth", () => {
  /** A chain of `levels` pages, each the parent of the next; `extra` is added to every page but the first. */
  const chain = (levels: number, extra = "") =>
    Array.from({ length: levels }, (_, i) =>
      src(`l${i + 1}.md`, i === 0 ? "title: L1" : `title: L${i + 1}\nparent: L${i}${extra}`),
    );

  test("a page 21 levels deep is an error at its parent line; the 20 levels above it stay in the tree", () => {
    const { tree, diagnostics } = buildNavTree(chain(21));
    assert.deepEqual(formatted(diagnostics), [
      `content/l21.md:3:9 error this page is 21 levels deep; the handbook allows ${NAV_DEPTH_LIMIT}: give it a parent higher up`,
    ]);
    assert.equal(tree.sidebarOrder.length, 20);
    assert.equal(tree.byFile.get("/site/content/l21.md")?.kind, "loose");
  });

  test("a chain 10,000 levels deep is one error at its 21st page, found without overflowing the stack", () => {
    // Deepest page first, so each page's parent is resolved after the page itself.
    const { tree, diagnostics } = buildNavTree(chain(10_000).reverse());
    assert.deepEqual(formatted(diagnostics), [
      `content/l21.md:3:9 error this page is 21 levels deep; the handbook allows ${NAV_DEPTH_LIMIT}: give it a parent higher up`,
    ]);
    assert.deepEqual(titles(tree.sidebarOrder), Array.from({ length: 20 }, (_, i) => `L${i + 1}`));
    assert.equal(tree.pages.filter((p) => p.kind === "loose").length, 10_000 - 20);
  });

  test("a chain 10,000 levels deep where every page names an ancestor is resolved without overflowing the stack", () => {
    const { tree, diagnostics } = buildNavTree(chain(10_000, "\nancestor: L1").reverse());
    assert.equal(formatted(diagnostics).join("\n"), `content/l21.md:3:9 error this page is 21 levels deep; the handbook allows ${NAV_DEPTH_LIMIT}: give it a parent higher up`);
    assert.equal(tree.sidebarOrder.length, 20);
  });

  test("a cycle of 10,000 pages is one error, found without overflowing the stack", () => {
    const pages = Array.from({ length: 10_000 }, (_, i) => src(`c${i}.md`, `title: C${i}\nparent: C${(i + 1) % 10_000}`));
    const { tree, diagnostics } = buildNavTree(pages);
    assert.equal(diagnostics.length, 1);
    assert.match(formatted(diagnostics)[0]!, /^content\/c0\.md:3:9 error parent "C1" makes a cycle: "C0" → "C1" → /);
    assert.equal(tree.sidebarOrder.length, 0);
  });
});
