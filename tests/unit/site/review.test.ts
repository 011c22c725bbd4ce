import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { resolveOwnership } from "../../../src/navigation/owners.ts";
import { buildNavTree } from "../../../src/navigation/tree.ts";
import { settingsSchema } from "../../../src/config/settings.ts";
import { modelOf } from "../../../src/site/model.ts";
import { REVIEW_PAGE } from "../../../src/site/review-page.ts";
import { reviewIndex, staleReport } from "../../../src/site/review.ts";
import { formatted, src } from "../fixtures.ts";

const HANDLES = { "Dev Team": "@northwind-labs/dev-team", Design: "@northwind-labs/design" };
const UPDATED = "2025-09-01";

const indexOf = (pages: ReturnType<typeof src>[], today: string, siteEvery = "6 months") => {
  const tree = buildNavTree(pages).tree;
  return reviewIndex(tree, resolveOwnership(tree, HANDLES), siteEvery, today, () => UPDATED);
};

const handbook = [
  src("index.md", "title: Home"),
  src("dev/index.md", "title: Dev Team\nowner: Dev Team\nlast_reviewed: 2026-01-10"),
  src("dev/qa.md", "title: QA\nparent: Dev Team\nlast_reviewed: 2025-06-01"),
  src("dev/oncall.md", "title: On-call\nparent: Dev Team\nlast_reviewed: 2025-08-15"),
  src("dev/new.md", "title: New Hire\nparent: Dev Team"),
  src("design/index.md", "title: Design\nowner: Design\nreview_every: 1 year\nlast_reviewed: 2025-04-01"),
  src("design/brand.md", "title: Brand\nparent: Design\nlast_reviewed: 2025-02-28"),
  src("notes.md", "title: Notes\nlast_reviewed: 2025-01-01"),
];

describe("review dates", () => {
  const index = indexOf(handbook, "2026-03-01");
  const rows = index.byOwner.map((g) => ({
    owner: g.owner?.name,
    overdue: g.overdue,
    pages: g.reviews.map((r) => `${r.page.source.relPath} ${r.lastReviewed ?? "never"} due ${r.due}${r.overdue ? " overdue" : ""}`),
  }));

  test("a page is due its period after its last review, or after its last update when never reviewed", () => {
    assert.deepEqual(rows[0], {
      owner: "Dev Team",
      overdue: 2,
      pages: [
        "dev/qa.md 2025-06-01 due 2025-12-01 overdue",
        "dev/oncall.md 2025-08-15 due 2026-02-15 overdue",
        "dev/new.md never due 2026-03-01",
        "dev/index.md 2026-01-10 due 2026-07-10",
      ],
    });
  });

  test("by owner: owners with the most overdue first, then A–Z; the pages nobody owns last; overdue pages first", () => {
    assert.deepEqual(rows.slice(1), [
      { owner: "Design", overdue: 1, pages: ["design/brand.md 2025-02-28 due 2026-02-28 overdue", "design/index.md 2025-04-01 due 2026-04-01"] },
      { owner: undefined, overdue: 1, pages: ["notes.md 2025-01-01 due 2025-07-01 overdue"] },
    ]);
  });

  test("a page with neither owner nor review date is not tracked; the due day itself is not overdue", () => {
    const tree = buildNavTree(handbook).tree;
    assert.equal(index.of(tree.pages[0]!), undefined);
    assert.equal(indexOf(handbook, "2026-02-28").byOwner.find((g) => g.owner?.name === "Design")?.overdue, 0);
  });

  test("the site's period applies to pages that say none, here or above", () => {
    const yearly = indexOf(handbook, "2026-03-01", "1 year");
    assert.equal(yearly.byOwner.find((g) => g.owner?.name === "Dev Team")?.overdue, 0);
  });
});

describe("the stale list", () => {
  const report = staleReport(indexOf(handbook, "2026-03-01"), "warning", "en");

  test("is grouped by owner, the longest overdue first, each a warning at its last_reviewed that says what to do", () => {
    assert.deepEqual(
      report.map((g) => [g.heading, ...formatted(g.diagnostics)]),
      [
        [
          "Dev Team (@northwind-labs/dev-team): 2 pages overdue for review",
          "content/dev/qa.md:4:16 warning overdue for review since December 1, 2025 (last reviewed June 1, 2025, reviewed every 6 months); check the page is still right, then set last_reviewed: 2026-03-01",
          "content/dev/oncall.md:4:16 warning overdue for review since February 15, 2026 (last reviewed August 15, 2025, reviewed every 6 months); check the page is still right, then set last_reviewed: 2026-03-01",
        ],
        [
          "Design (@northwind-labs/design): 1 page overdue for review",
          "content/design/brand.md:4:16 warning overdue for review since February 28, 2026 (last reviewed February 28, 2025, reviewed every year); check the page is still right, then set last_reviewed: 2026-03-01",
        ],
        [
          "No owner: 1 page overdue for review",
          "content/notes.md:3:16 warning overdue for review since July 1, 2025 (last reviewed January 1, 2025, reviewed every 6 months); check the page is still right, then set last_reviewed: 2026-03-01",
        ],
      ],
    );
  });

  test("a page never reviewed says when it last changed; with --stale error the lines are errors", () => {
    const later = staleReport(indexOf(handbook, "2026-03-02"), "error", "en");
    const line = formatted(later[0]!.diagnostics).find((l) => l.includes("new.md"));
    assert.equal(line, "content/dev/new.md:1:1 error overdue for review since March 1, 2026 (never reviewed, last updated September 1, 2025, reviewed every 6 months); check the page is still right, then set last_reviewed: 2026-03-02");
  });
});

describe("the Review status page", () => {
  const model = (pages: ReturnType<typeof src>[]) => modelOf(settingsSchema.parse({}), "/site/content", pages, undefined, [], undefined, undefined, [], "2026-03-01");

  test("joins the navigation once a page names an owner or a review date; a handbook without either has none", () => {
    const kept = model([src("index.md", "title: Home\nnav_order: 1\nlast_reviewed: 2026-01-01")]);
    assert.equal(kept.tree.byUrl.get(REVIEW_PAGE.url)?.kind, "nav");
    assert.deepEqual(kept.tree.navRoots.map((p) => p.title), ["Home", "Review status"]);
    assert.equal(model([src("index.md", "title: Home")]).tree.byUrl.get(REVIEW_PAGE.url), undefined);
  });

  test("a content page with its title or at its URL is an error, and then there is no generated page", () => {
    const clash = model([src("index.md", "title: Home\nowner: \"@acme/x\""), src("review.md", "title: Review status"), src("status.md", "title: Status\npermalink: /review-status/")]);
    assert.deepEqual(formatted(clash.diagnostics.filter((d) => d.severity === "error")), [
      'content/review.md:2:8 error title "Review status" is the title of the generated page of review dates; give this page another title',
      'content/status.md:3:12 error URL "/review-status/" is where the generated Review status page goes; change this page\'s permalink or file name',
    ]);
    assert.equal(clash.tree.byUrl.get(REVIEW_PAGE.url)?.source.generated, undefined);
  });
});
