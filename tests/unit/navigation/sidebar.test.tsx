// The sidebar every page carries: its size must not grow with the number of siblings (a page under a parent with
// 10,000 children, or beside 10,000 top-level pages, carries no more than one beside 100), and what a reader sees
// of a long list: the pages nearest the open one, the open page always, and "N more" leading to the full list.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { renderToString } from "preact-render-to-string";
import { Sidebar } from "../../../src/ui/components/Sidebar.tsx";
import type { SourcePage } from "../../../src/content/page.ts";
import { childListFor, SIDEBAR_LIST_LIMIT, sidebarFor, type SidebarItem } from "../../../src/navigation/queries.ts";
import { buildNavTree, type NavTree } from "../../../src/navigation/tree.ts";
import { src } from "../fixtures.ts";

/** Builds a tree that must have no errors. */
const build = (pages: SourcePage[]): NavTree => {
  const { tree, diagnostics } = buildNavTree(pages);
  assert.deepEqual(diagnostics, []);
  return tree;
};

/** Five digits, so every title and URL has the same length whatever the number of pages. */
const num = (i: number) => String(i).padStart(5, "0");

/**
 * `n` top-level pages T00000…; the middle one has `n` children C…, whose middle one has `n` children G….
 * The page looked at is the middle G: every list around it has `n` pages.
 */
const wide = (n: number) => {
  const mid = num(Math.floor(n / 2));
  const pages: SourcePage[] = [];
  for (let i = 0; i < n; i++) {
    pages.push(src(`t${num(i)}.md`, `title: T${num(i)}\nnav_order: ${i}`));
    pages.push(src(`c/${num(i)}.md`, `title: C${num(i)}\nparent: T${mid}\nnav_order: ${i}`));
    pages.push(src(`g/${num(i)}.md`, `title: G${num(i)}\nparent: C${mid}\nnav_order: ${i}`));
  }
  const tree = build(pages);
  return { tree, page: tree.byFile.get(`/site/content/g/${mid}.md`)! };
};

const html = (items: SidebarItem[]) => renderToString(<Sidebar items={items} href={(u) => u} navSrc="/nav.json" />);

/** Every item of a sidebar, depth-first. */
const flat = (items: SidebarItem[]): SidebarItem[] => {
  const out: SidebarItem[] = [];
  const stack = [...items].reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    out.push(item);
    if (item.kind === "open") stack.push(...[...item.children].reverse());
  }
  return out;
};

describe("the sidebar of a page among very many siblings", () => {
  test("is the same size with 100 and with 10,000 siblings at every level", () => {
    const small = wide(100);
    const large = wide(10_000);
    const [a, b] = [sidebarFor(small.tree, small.page), sidebarFor(large.tree, large.page)];
    assert.equal(flat(b).length, flat(a).length);
    // Byte for byte the same size, but for the digits of the counts ("25 more pages", "4975 more pages").
    const counted = (items: SidebarItem[]) => html(items).replace(/\d+ more pages/g, "N more pages");
    assert.equal(counted(b).length, counted(a).length);
    // Three lists of SIDEBAR_LIST_LIMIT pages, each with "N more" before and after.
    assert.equal(flat(b).length, 3 * (SIDEBAR_LIST_LIMIT + 2));
  });

  test("shows the pages nearest the open one, the current page marked, and links the rest to the parent's list", () => {
    const pages = [src("team/index.md", "title: Team")];
    for (let i = 0; i < 120; i++) pages.push(src(`team/r${num(i)}.md`, `title: Role ${num(i)}\nparent: Team\nnav_order: ${i}`));
    const tree = build(pages);
    const items = sidebarFor(tree, tree.byFile.get(`/site/content/team/r${num(70)}.md`)!);
    const team = items[0]!;
    assert.equal(team.kind, "open");
    const children = team.kind === "open" ? team.children : [];
    assert.deepEqual(children[0], { kind: "more", title: "45 more pages", url: "/team/#child-pages-title", current: false, count: 45 });
    assert.deepEqual(children.at(-1), { kind: "more", title: "25 more pages", url: "/team/#child-pages-title", current: false, count: 25 });
    const shown = children.slice(1, -1).map((c) => c.title);
    assert.deepEqual(shown, Array.from({ length: SIDEBAR_LIST_LIMIT }, (_, i) => `Role ${num(45 + i)}`));
    assert.deepEqual(children.filter((c) => c.current).map((c) => c.title), [`Role ${num(70)}`]);
    // The parent's list at its foot has every one of them.
    assert.equal(childListFor(tree, tree.byFile.get("/site/content/team/index.md")!).length, 120);
    assert.match(html(items), /<li class="nav-more"><a href="\/team\/#child-pages-title">45 more pages<\/a><\/li>/);
  });

  test("the last page of a long list is shown with the pages before it, and one \"more\" item", () => {
    const pages = [src("team/index.md", "title: Team")];
    for (let i = 0; i < 60; i++) pages.push(src(`team/r${num(i)}.md`, `title: Role ${num(i)}\nparent: Team\nnav_order: ${i}`));
    const tree = build(pages);
    const [team] = sidebarFor(tree, tree.byFile.get(`/site/content/team/r${num(59)}.md`)!);
    const children = team!.kind === "open" ? team!.children : [];
    assert.equal(children.length, SIDEBAR_LIST_LIMIT + 1);
    assert.equal(children[0]!.title, "10 more pages");
    assert.equal(children.at(-1)!.title, `Role ${num(59)}`);
    assert.equal(children.at(-1)!.current, true);
  });

  test(`a list of ${SIDEBAR_LIST_LIMIT} pages (a team of 40 roles, say) is shown whole`, () => {
    const pages = [src("team/index.md", "title: Team")];
    for (let i = 0; i < SIDEBAR_LIST_LIMIT; i++) pages.push(src(`team/r${num(i)}.md`, `title: Role ${num(i)}\nparent: Team`));
    const tree = build(pages);
    const items = flat(sidebarFor(tree, tree.byFile.get(`/site/content/team/r${num(0)}.md`)!));
    assert.equal(items.length, 1 + SIDEBAR_LIST_LIMIT);
    assert.ok(items.every((i) => i.kind !== "more"));
  });

  test("the current page's own children: the first ones, then \"N more\" to the list at the foot of the page", () => {
    const pages = [src("team/index.md", "title: Team\nhas_toc: false")];
    for (let i = 0; i < 80; i++) pages.push(src(`team/r${num(i)}.md`, `title: Role ${num(i)}\nparent: Team\nnav_order: ${i}`));
    const tree = build(pages);
    const team = tree.byFile.get("/site/content/team/index.md")!;
    const [open] = sidebarFor(tree, team);
    const children = open!.kind === "open" ? open!.children : [];
    assert.equal(children[0]!.title, `Role ${num(0)}`);
    assert.deepEqual(children.at(-1), { kind: "more", title: "30 more pages", url: "/team/#child-pages-title", current: false, count: 30 });
    // has_toc: false hides the list, but not when the sidebar sends readers to it.
    assert.equal(childListFor(tree, team).length, 80);
  });

  test("has_toc: false still hides the list of a parent whose children all fit in the sidebar", () => {
    const tree = build([src("team/index.md", "title: Team\nhas_toc: false"), src("team/a.md", "title: A\nparent: Team")]);
    assert.deepEqual(childListFor(tree, tree.byFile.get("/site/content/team/index.md")!), []);
  });

  test("a long top level links its \"more\" to the home page, which then lists the top level", () => {
    const pages = [src("index.md", "title: Home\nnav_order: 0")];
    for (let i = 1; i <= 70; i++) pages.push(src(`t${num(i)}.md`, `title: T${num(i)}\nnav_order: ${i}\nsummary: Part ${i}.`));
    pages.push(src("404.md", "layout: default"));
    const tree = build(pages);
    // A page outside the navigation gets the first pages of the top level.
    const items = sidebarFor(tree, tree.byUrl.get("/404/")!);
    assert.equal(items.length, SIDEBAR_LIST_LIMIT + 1);
    assert.deepEqual(items.at(-1), { kind: "more", title: "21 more pages", url: "/#child-pages-title", current: false, count: 21 });
    const home = childListFor(tree, tree.byUrl.get("/")!);
    assert.equal(home.length, 70);
    assert.deepEqual(home[0], { title: `T${num(1)}`, url: `/t${num(1)}/`, summary: "Part 1." });
  });

  test("without a home page, the top level's \"more\" item is text the script can still expand", () => {
    const pages: SourcePage[] = [];
    for (let i = 0; i < 60; i++) pages.push(src(`t${num(i)}.md`, `title: T${num(i)}\nnav_order: ${i}`));
    const tree = build(pages);
    const items = sidebarFor(tree, tree.byFile.get(`/site/content/t${num(0)}.md`)!);
    assert.deepEqual(items.at(-1), { kind: "more", title: "10 more pages", url: undefined, current: false, count: 10 });
    assert.match(html(items), /<li class="nav-more"><span>10 more pages<\/span><\/li><\/ul>/);
  });
});
