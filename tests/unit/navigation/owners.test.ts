import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ownershipProblems, resolveOwnership } from "../../../src/navigation/owners.ts";
import { buildNavTree, type HandbookPage } from "../../../src/navigation/tree.ts";
import { formatted, src } from "../fixtures.ts";

const HANDLES = { "Dev Team": "@northwind-labs/dev-team" };

const handbook = () =>
  buildNavTree([
    src("index.md", "title: Home"),
    src("teams/index.md", "title: Teams\nowner: People Ops\nreview_every: 1 year"),
    src("teams/people/index.md", "title: People Ops\nparent: Teams\nowner: People Ops"),
    src("teams/dev/index.md", "title: Dev Team\nparent: Teams\nowner: Dev Team"),
    src("teams/dev/qa.md", "title: QA Engineer\nparent: Dev Team"),
    src("teams/dev/guides/index.md", "title: Guides\nparent: Dev Team\nreview_every: 3 months"),
    src("teams/dev/guides/deploy.md", "title: Deploying\nparent: Guides"),
    src("teams/platform/index.md", 'title: Platform\nparent: Teams\nowner: "@northwind-labs/platform"'),
    src("teams/platform/runbook.md", "title: Runbook\nparent: Platform"),
    src("policies.md", "title: Policies\nowner: Platform"),
    src("travel.md", 'title: Travel\nparent: Policies\nowner: "@jane-doe"'),
    src("draft.md", "owner: Dev Team"),
  ]).tree;

const page = (tree: ReturnType<typeof handbook>, relPath: string): HandbookPage => tree.pages.find((p) => p.source.relPath === relPath)!;

describe("owners", () => {
  const tree = handbook();
  const ownership = resolveOwnership(tree, HANDLES);
  const owner = (relPath: string) => {
    const o = ownership.ownerOf(page(tree, relPath));
    return o && { name: o.name, handle: o.handle, url: o.url, from: o.from.relPath };
  };

  test("a page without an owner takes its nearest ancestor's; each team page names its own", () => {
    assert.deepEqual(owner("teams/dev/qa.md"), { name: "Dev Team", handle: "@northwind-labs/dev-team", url: "/teams/dev/", from: "teams/dev/index.md" });
    assert.deepEqual(owner("teams/dev/guides/deploy.md"), { name: "Dev Team", handle: "@northwind-labs/dev-team", url: "/teams/dev/", from: "teams/dev/index.md" });
    assert.deepEqual(owner("teams/index.md"), { name: "People Ops", handle: undefined, url: "/teams/people/", from: "teams/index.md" });
    assert.equal(owner("index.md"), undefined);
  });

  test("a team maps to its handle in the settings, or in its own page's owner", () => {
    assert.deepEqual(owner("teams/platform/runbook.md"), { name: "Platform", handle: "@northwind-labs/platform", url: "/teams/platform/", from: "teams/platform/index.md" });
    assert.deepEqual(owner("policies.md"), { name: "Platform", handle: "@northwind-labs/platform", url: "/teams/platform/", from: "policies.md" });
  });

  test("a handle that is no team's shows as the handle", () => {
    assert.deepEqual(owner("travel.md"), { name: "@jane-doe", handle: "@jane-doe", url: undefined, from: "travel.md" });
  });

  test("a page outside the navigation has only its own owner", () => {
    assert.deepEqual(owner("draft.md"), { name: "Dev Team", handle: "@northwind-labs/dev-team", url: "/teams/dev/", from: "draft.md" });
  });

  test("review_every is inherited the same way", () => {
    assert.equal(ownership.reviewEveryOf(page(tree, "teams/dev/guides/deploy.md"))?.value, "3 months");
    assert.equal(ownership.reviewEveryOf(page(tree, "teams/dev/qa.md"))?.value, "1 year");
    assert.equal(ownership.reviewEveryOf(page(tree, "index.md")), undefined);
  });
});

describe("owner mistakes", () => {
  const problems = (pages: ReturnType<typeof src>[], today = "2026-03-14") => {
    const tree = buildNavTree(pages).tree;
    return formatted(ownershipProblems(tree, resolveOwnership(tree, HANDLES), today));
  };

  test("an owner that is no team is an error at its line, with the closest team", () => {
    assert.deepEqual(problems([src("a.md", "title: A\nowner: Dev Taem")]), ['content/a.md:3:8 error owner "Dev Taem" is no team; did you mean "Dev Team"?']);
  });

  test("a page's title is no team until that page names its own owner", () => {
    assert.deepEqual(problems([src("ops.md", "title: Ops"), src("a.md", "title: A\nowner: Ops")]), [
      'content/a.md:3:8 error owner "Ops" is no team; give the page titled "Ops" its own owner (owner: Ops, or the team\'s GitHub handle), or add "Ops" to owners in _data/site.json',
      "content/ops.md:2:1 warning page has no owner; add owner: with the team that keeps it right, here or on a page above it",
    ]);
  });

  test("once any page names an owner, a page with none is a warning; a handbook without owners has none", () => {
    assert.deepEqual(problems([src("a.md", "title: A\nowner: Dev Team"), src("b.md", "title: B")]), [
      "content/b.md:2:1 warning page has no owner; add owner: with the team that keeps it right, here or on a page above it",
    ]);
    assert.deepEqual(problems([src("a.md", "title: A"), src("b.md", "title: B")]), []);
  });

  test("a review day after today is an error (a mistyped year); the next day is not, for time zones ahead", () => {
    assert.deepEqual(problems([src("a.md", "title: A\nlast_reviewed: 2062-03-14")]), [
      "content/a.md:3:16 error last_reviewed 2062-03-14 is after today (2026-03-14); write the day the page was reviewed",
    ]);
    assert.deepEqual(problems([src("a.md", "title: A\nlast_reviewed: 2026-03-15")]), []);
  });
});
