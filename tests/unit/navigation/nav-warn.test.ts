// Just the Docs 0.12's parent rules that real sites rely on, and `--nav warn`: each navigation problem a warning with
// the error's message, the page treated as Just the Docs treats it. Expected trees are written from Just the Docs'
// `_includes/components/nav/children.html`.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { buildNavTree } from "../../../src/navigation/tree.ts";
import { leftOutSummary } from "../../../src/navigation/summary.ts";
import { formatted, sidebarShape, src, treeShape } from "../fixtures.ts";

const warn = { problems: "warning" } as const;

describe("a parent title several pages share", () => {
  test("without grand_parent, it names the top-level page of that title (Just the Docs 0.10+)", () => {
    const pages = [
      src("api/index.md", "title: API"),
      src("guides/index.md", "title: Guides"),
      src("guides/api.md", "title: API\nparent: Guides"),
      src("api/auth.md", "title: Auth\nparent: API"),
      src("guides/api/tokens.md", "title: Tokens\nparent: API\ngrand_parent: Guides"),
    ];
    const { tree, diagnostics } = buildNavTree(pages);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(treeShape(tree), [
      { title: "API", children: [{ title: "Auth" }] },
      { title: "Guides", children: [{ title: "API", children: [{ title: "Tokens" }] }] },
    ]);
  });

  test("with ancestor, the top-level page is not preferred", () => {
    const { tree, diagnostics } = buildNavTree([
      src("api/index.md", "title: API"),
      src("guides/index.md", "title: Guides"),
      src("guides/api.md", "title: API\nparent: Guides"),
      src("guides/api/tokens.md", "title: Tokens\nparent: API\nancestor: Guides"),
    ]);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(treeShape(tree), [{ title: "API" }, { title: "Guides", children: [{ title: "API", children: [{ title: "Tokens" }] }] }]);
  });

  test("grand_parent on a child of a top-level page matches nothing, as a top-level page has no parent", () => {
    const { diagnostics } = buildNavTree([src("products.md", "title: Products"), src("arch.md", "title: Architecture\nparent: Products\ngrand_parent: Products")]);
    assert.deepEqual(formatted(diagnostics), [
      'content/arch.md:4:15 error grand_parent "Products" does not match: pages titled "Products" have parent "(none)"',
    ]);
  });
});

describe("--nav warn", () => {
  const site = () => [
    src("index.md", "title: Home"),
    src("labs/index.md", "title: Labs"),
    src("labs/lab1.md", "title: Lab 1\nparent: Labs"),
    src("v2.md", "title: Lucid V2"),
    src("old/v1.md", "title: Lucid V1 Setup\nparent: Lucid V1"),
    src("old/v1/clocks.md", "title: Clocks\nparent: Lucid V1 Setup"),
    src("labs/lab1/ex.md", "title: Exercises\nparent: Lab 1\ngrand_parent: Lasb"),
    src("empty.md", "title: ''"),
    src("blank.md", "title:"),
    src("notes.md", "parent: Labs"),
  ];

  test("by default each navigation problem is an error at its line, with a did-you-mean", () => {
    const { diagnostics } = buildNavTree(site());
    assert.deepEqual(formatted(diagnostics), [
      "content/empty.md:2:8 error title is empty; write the page's title, or remove the title line to keep the page out of the navigation",
      "content/blank.md:2:7 error title is empty; write the page's title, or remove the title line to keep the page out of the navigation",
      "content/notes.md:2:9 error page has a parent but no title; add a title: line so it can appear in the navigation",
      'content/old/v1.md:3:9 error parent "Lucid V1" matches no page title (did you mean "Lucid V2"?)',
      'content/labs/lab1/ex.md:4:15 error grand_parent "Lasb" does not match: pages titled "Lab 1" have parent "Labs"',
    ]);
  });

  test("each becomes a warning with the same message, and the page leaves the navigation as in Just the Docs", () => {
    const { tree, diagnostics } = buildNavTree(site(), warn);
    const errors = buildNavTree(site()).diagnostics;
    assert.deepEqual(
      diagnostics.map((d) => [d.severity, d.message]),
      errors.map((d) => ["warning", d.message]),
    );
    assert.deepEqual(sidebarShape(tree), [{ title: "Home" }, { title: "Labs", children: [{ title: "Lab 1" }] }, { title: "Lucid V2" }]);
    // Still built, at their URLs.
    for (const url of ["/old/v1/", "/old/v1/clocks/", "/labs/lab1/ex/", "/empty/", "/blank/", "/notes/"]) assert.equal(tree.byUrl.get(url)?.kind, "loose", url);
    assert.deepEqual(
      tree.leftOut.map((l) => [l.source.relPath, l.why]),
      [
        ["old/v1.md", "parent"],
        ["old/v1/clocks.md", "below"],
        ["labs/lab1/ex.md", "grand_parent"],
        ["empty.md", "title"],
        ["blank.md", "title"],
        ["notes.md", "title"],
      ],
    );
  });

  test("the summary says how many pages left the navigation, and why", () => {
    assert.deepEqual(leftOutSummary(buildNavTree(site(), warn).tree), [
      "Navigation: 6 pages are not in the navigation (--nav warn), as in Just the Docs: 1 whose parent matches no page, 1 whose grand_parent or ancestor matches none, 3 without a title, 1 below one of those; fix the warnings above to bring them back",
    ]);
    assert.deepEqual(leftOutSummary(buildNavTree(site()).tree), []);
  });

  test("an ambiguous parent goes under the first page of that title (by path), where Just the Docs lists it under each", () => {
    const pages = [
      src("teams/index.md", "title: Teams"),
      src("guilds/index.md", "title: Guilds"),
      src("teams/dev.md", "title: Dev\nparent: Teams"),
      src("guilds/dev.md", "title: Dev\nparent: Guilds"),
      src("onboarding.md", "title: Onboarding\nparent: Dev"),
    ];
    const { tree, diagnostics } = buildNavTree(pages, warn);
    assert.deepEqual(
      diagnostics.map((d) => d.severity),
      ["warning"],
    );
    assert.deepEqual(treeShape(tree), [
      { title: "Guilds", children: [{ title: "Dev", children: [{ title: "Onboarding" }] }] },
      { title: "Teams", children: [{ title: "Dev" }] },
    ]);
    assert.deepEqual(leftOutSummary(tree), [
      "Navigation: 1 page whose parent's title several pages share is listed under the first of them (--nav warn); Just the Docs lists it under each: add grand_parent to choose",
    ]);
  });

  test("cycles, repeated titles and pages too deep leave the navigation too; two pages at one URL stay an error", () => {
    const { tree, diagnostics } = buildNavTree(
      [
        src("a.md", "title: A\nparent: B"),
        src("b.md", "title: B\nparent: A"),
        src("c.md", "title: C"),
        src("c/c.md", "title: C\nparent: C"),
        src("d.md", "title: D\npermalink: /c/"),
      ],
      warn,
    );
    assert.deepEqual(
      formatted(diagnostics).map((l) => l.split(" ").slice(0, 2).join(" ")),
      ["content/a.md:3:9 warning", "content/c/c.md:2:8 warning", "content/d.md:3:12 error"],
    );
    // D keeps its place: the build stops on the URL error whatever --nav says.
    assert.deepEqual(sidebarShape(tree), [{ title: "C" }, { title: "D" }]);
    assert.deepEqual(
      tree.leftOut.map((l) => [l.source.relPath, l.why]),
      [
        ["a.md", "cycle"],
        ["b.md", "below"],
        ["c/c.md", "repeated"],
      ],
    );
  });
});
