import { test } from "node:test";
import assert from "node:assert/strict";
import { withBase } from "../../../src/content/urls.ts";
import type { SourcePage } from "../../../src/content/page.ts";
import {
  breadcrumbsFor,
  childrenOf,
  navJson,
  neighboursOf,
  sidebarFor,
  treeOrder,
  type SidebarItem,
} from "../../../src/navigation/queries.ts";
import { buildNavTree, type NavTree } from "../../../src/navigation/tree.ts";
import { src } from "../fixtures.ts";

/** Builds a tree that must have no errors. */
const build = (pages: SourcePage[]): NavTree => {
  const { tree, diagnostics } = buildNavTree(pages);
  assert.deepEqual(diagnostics, []);
  return tree;
};

/** The page built from content/<relPath>. */
const at = (tree: NavTree, relPath: string) => {
  const page = tree.byFile.get(`/site/content/${relPath}`);
  assert.ok(page, `no page ${relPath}`);
  return page;
};

/**
 * Home
 * Teams
 *   Dev Team
 *     AI Engineer
 *     Backend Engineer
 *   Old Team (nav_exclude)
 *   Ops Team
 *     SRE
 *   Design
 * Guides
 *   Writing
 */
const handbook = () =>
  build([
    src("index.md", "title: Home\nnav_order: 1"),
    src("teams/index.md", "title: Teams\nnav_order: 2"),
    src("teams/dev-team/index.md", "title: Dev Team\nparent: Teams\nnav_order: 1\nsummary: Builds the product."),
    src("teams/dev-team/ai-engineer.md", "title: AI Engineer\nparent: Dev Team\nnav_order: 1"),
    src("teams/dev-team/backend.md", "title: Backend Engineer\nparent: Dev Team\nnav_order: 2"),
    src("teams/old-team.md", "title: Old Team\nparent: Teams\nnav_order: 2\nnav_exclude: true\nsummary: Disbanded."),
    src("teams/ops-team/index.md", "title: Ops Team\nparent: Teams\nnav_order: 3\nsummary: Keeps it running."),
    src("teams/ops-team/sre.md", "title: SRE\nparent: Ops Team"),
    src("teams/design.md", "title: Design\nparent: Teams\nnav_order: 4"),
    src("guides/index.md", "title: Guides\nnav_order: 3"),
    src("guides/writing.md", "title: Writing\nparent: Guides"),
    src("404.md", "layout: default"),
  ]);

test("breadcrumbsFor lists the ancestors from the top down, then the page", () => {
  const tree = handbook();
  assert.deepEqual(breadcrumbsFor(at(tree, "teams/dev-team/ai-engineer.md")), [
    { title: "Teams", url: "/teams/" },
    { title: "Dev Team", url: "/teams/dev-team/" },
    { title: "AI Engineer", url: "/teams/dev-team/ai-engineer/" },
  ]);
  assert.deepEqual(breadcrumbsFor(at(tree, "404.md")), []);
});

test("neighboursOf gives previous and next in sidebar order, skipping excluded pages", () => {
  const tree = handbook();
  assert.deepEqual(neighboursOf(tree, at(tree, "teams/dev-team/backend.md")), {
    previous: { title: "AI Engineer", url: "/teams/dev-team/ai-engineer/" },
    next: { title: "Ops Team", url: "/teams/ops-team/" },
  });
  assert.deepEqual(neighboursOf(tree, at(tree, "teams/ops-team/index.md")), {
    previous: { title: "Backend Engineer", url: "/teams/dev-team/backend/" },
    next: { title: "SRE", url: "/teams/ops-team/sre/" },
  });
  assert.deepEqual(neighboursOf(tree, at(tree, "index.md")), {
    previous: undefined,
    next: { title: "Teams", url: "/teams/" },
  });
  assert.deepEqual(neighboursOf(tree, at(tree, "guides/writing.md")), {
    previous: { title: "Guides", url: "/guides/" },
    next: undefined,
  });
});

test("neighboursOf gives an excluded page neither previous nor next", () => {
  const tree = handbook();
  assert.deepEqual(neighboursOf(tree, at(tree, "teams/old-team.md")), {});
  assert.deepEqual(neighboursOf(tree, at(tree, "404.md")), {});
});

test("childrenOf lists every child in order with its summary, excluded ones included", () => {
  const tree = handbook();
  assert.deepEqual(childrenOf(at(tree, "teams/index.md")), [
    { title: "Dev Team", url: "/teams/dev-team/", summary: "Builds the product." },
    { title: "Old Team", url: "/teams/old-team/", summary: "Disbanded." },
    { title: "Ops Team", url: "/teams/ops-team/", summary: "Keeps it running." },
    { title: "Design", url: "/teams/design/", summary: undefined },
  ]);
  assert.deepEqual(childrenOf(at(tree, "teams/design.md")), []);
});

test("sidebarFor opens the path to the page and the page's children, and closes other branches", () => {
  const tree = handbook();
  assert.deepEqual(sidebarFor(tree, at(tree, "teams/dev-team/index.md")), [
    { kind: "link", title: "Home", url: "/", current: false },
    {
      kind: "open",
      title: "Teams",
      url: "/teams/",
      current: false,
      children: [
        {
          kind: "open",
          title: "Dev Team",
          url: "/teams/dev-team/",
          current: true,
          children: [
            { kind: "link", title: "AI Engineer", url: "/teams/dev-team/ai-engineer/", current: false },
            { kind: "link", title: "Backend Engineer", url: "/teams/dev-team/backend/", current: false },
          ],
        },
        { kind: "closed", title: "Ops Team", url: "/teams/ops-team/", current: false },
        { kind: "link", title: "Design", url: "/teams/design/", current: false },
      ],
    },
    { kind: "closed", title: "Guides", url: "/guides/", current: false },
  ] satisfies SidebarItem[]);
});

test("sidebarFor holds only the page's branch in a big handbook (30 × 30 × 10 pages)", () => {
  const pages: SourcePage[] = [];
  for (let r = 1; r <= 30; r++) {
    pages.push(src(`r${r}/index.md`, `title: R${r}\nnav_order: ${r}`));
    for (let c = 1; c <= 30; c++) {
      pages.push(src(`r${r}/c${c}/index.md`, `title: R${r} C${c}\nparent: R${r}\nnav_order: ${c}`));
      for (let g = 1; g <= 10; g++) {
        pages.push(src(`r${r}/c${c}/g${g}.md`, `title: R${r} C${c} G${g}\nparent: R${r} C${c}\nnav_order: ${g}`));
      }
    }
  }
  const tree = build(pages);
  assert.equal(tree.sidebarOrder.length, 30 + 30 * 30 + 30 * 30 * 10);

  const flat: SidebarItem[] = [];
  const walk = (items: SidebarItem[]) => {
    for (const item of items) {
      flat.push(item);
      if (item.kind === "open") walk(item.children);
    }
  };
  walk(sidebarFor(tree, at(tree, "r7/c12/g3.md")));
  // 30 top-level pages, the 30 pages under R7, the 10 pages under R7 C12.
  assert.equal(flat.length, 70);
  const below = flat.filter((i) => i.title.includes(" ")).map((i) => i.title);
  assert.ok(
    below.every((t) => t.startsWith("R7 C") && (!t.includes(" G") || t.startsWith("R7 C12 G"))),
    below.join(", "),
  );
  assert.deepEqual(
    flat.filter((i) => i.kind === "open").map((i) => i.title),
    ["R7", "R7 C12"],
  );
  assert.deepEqual(flat.filter((i) => i.current).map((i) => i.title), ["R7 C12 G3"]);
});

test("navJson is the sidebar in sidebar order, without excluded pages, with URLs transformed", () => {
  const tree = build([
    src("guides/index.md", "title: Guides\nnav_order: 3"),
    src("guides/writing.md", "title: Writing\nparent: Guides"),
    src("teams/index.md", "title: Teams\nnav_order: 2"),
    src("teams/ops.md", "title: Ops\nparent: Teams\nnav_order: 2"),
    src("teams/dev.md", "title: Dev\nparent: Teams\nnav_order: 1"),
    src("teams/old.md", "title: Old\nparent: Teams\nnav_exclude: true"),
    src("drafts.md", "title: Drafts\nnav_exclude: true"),
    src("index.md", "title: Home\nnav_order: 1"),
  ]);
  assert.deepEqual(
    navJson(tree, (u) => withBase("/handbook/", u)),
    [
      { title: "Home", url: "/handbook/", children: [] },
      {
        title: "Teams",
        url: "/handbook/teams/",
        children: [
          { title: "Dev", url: "/handbook/teams/dev/", children: [] },
          { title: "Ops", url: "/handbook/teams/ops/", children: [] },
        ],
      },
      { title: "Guides", url: "/handbook/guides/", children: [{ title: "Writing", url: "/handbook/guides/writing/", children: [] }] },
    ],
  );
});

test("treeOrder lists every page depth-first in sidebar order, excluded ones and their children included", () => {
  const tree = handbook();
  assert.deepEqual(
    treeOrder(tree).map((p) => p.title),
    ["Home", "Teams", "Dev Team", "AI Engineer", "Backend Engineer", "Old Team", "Ops Team", "SRE", "Design", "Guides", "Writing"],
  );
});

test("sidebarFor marks the section of a page the sidebar does not show (nav_exclude, like a tool's page)", () => {
  const tree = handbook();
  const items = sidebarFor(tree, at(tree, "teams/old-team.md"));
  const teams = items.find((i) => i.title === "Teams");
  assert.deepEqual(teams && { kind: teams.kind, current: teams.current, section: "section" in teams ? teams.section : undefined }, {
    kind: "open",
    current: false,
    section: true,
  });
  // Nothing else is marked: a shown page is current itself, and its parents are not marked as its section.
  const flat = (list: SidebarItem[]): SidebarItem[] => list.flatMap((i) => [i, ...(i.kind === "open" ? flat(i.children) : [])]);
  assert.deepEqual(flat(items).filter((i) => i.current || ("section" in i && i.section)).map((i) => i.title), ["Teams"]);
  assert.ok(flat(sidebarFor(tree, at(tree, "teams/design.md"))).every((i) => !("section" in i)));
});
