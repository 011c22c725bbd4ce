import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { buildInto, fixture, loadPage } from "../helpers/site.ts";

describe("owners and review dates in the built site", () => {
  let outDir = "";
  before(async () => {
    const result = await buildInto(fixture("owners"), ["--no-search", "--today", "2026-03-01", "--path-prefix", "/handbook/"]);
    assert.equal(result.code, 0, result.stderr);
    outDir = result.outDir;
  });

  test("every tracked page says who owns it, linked to the team's page, and when it was last reviewed", () => {
    const $ = loadPage(outDir, "/teams/dev-team/qa-engineer/");
    const owner = $("footer.page-meta .page-owner");
    assert.equal(owner.text(), "Owned by Dev Team · reviewed June 1, 2025");
    assert.equal(owner.find("a").attr("href"), "/handbook/teams/dev-team/");
    assert.equal(owner.find("time").attr("datetime"), "2025-06-01");
    assert.equal(loadPage(outDir, "/policies/")("footer.page-meta .page-owner").text(), "Owned by @jane-doe · reviewed January 1, 2025");
    assert.equal(loadPage(outDir, "/notes/")("footer.page-meta .page-owner").text(), "Reviewed January 1, 2025");
  });

  test("an overdue page carries a notice above its content that says since when and whom to ask", () => {
    const $ = loadPage(outDir, "/teams/dev-team/qa-engineer/");
    const notice = $("main .review-notice");
    assert.equal(notice.attr("role"), "note");
    assert.equal($(`#${notice.attr("aria-labelledby")}`).text(), "Review overdue");
    assert.equal(
      notice.find("p").last().text().replace(/\s+/g, " "),
      "This page was due for review on December 1, 2025 and may be out of date. If something here looks wrong, ask its owner, Dev Team.",
    );
    assert.ok(notice.nextAll("article").length === 1, "the notice comes before the article");
    assert.equal($("main .review-notice").length, 1);
    assert.equal(loadPage(outDir, "/teams/dev-team/style-guide/")("main .review-notice").length, 0, "not overdue: no notice");
  });

  test("the Review status page is in the sidebar, out of search, and lists the pages by owner, overdue first", () => {
    const $ = loadPage(outDir, "/review-status/");
    assert.equal($("#site-nav > ul > li > a").last().text(), "Review status");
    assert.equal($("article").attr("data-pagefind-body"), undefined);
    assert.equal($("article h1").text(), "Review status");
    assert.equal($(".generated-lead").text().replace(/\s+/g, " "), "10 pages with an owner or a review date. On March 1, 2026, 6 of them are overdue for review.");
    const sections = $("section.review-owner")
      .map((_, s) => [[$(s).find("h2").text(), ...$(s).find("tbody tr").map((_, tr) => $(tr).find("th, td").map((_, c) => $(c).text()).get().join(" | ")).get()]])
      .get() as unknown as string[][];
    assert.deepEqual(sections, [
      [
        "Dev Team",
        "QA Engineer | Overdue | June 1, 2025 | December 1, 2025",
        "On-call | Overdue | August 15, 2025 | February 15, 2026",
        "Style Guide | Up to date | June 1, 2025 | June 1, 2026",
        "Dev Team | Up to date | February 20, 2026 | August 20, 2026",
      ],
      ["@jane-doe", "Policies | Overdue | January 1, 2025 | January 1, 2026"],
      ["People & Operations", "Home | Overdue | January 15, 2025 | July 15, 2025", "Teams | Up to date | January 10, 2026 | July 10, 2026"],
      ["Platform Crew", "Runbook | Overdue | December 1, 2024 | June 1, 2025", "Platform Crew | Due in 14 days | September 15, 2025 | March 15, 2026"],
      ["No owner", "Notes | Overdue | January 1, 2025 | July 1, 2025"],
    ]);
    assert.equal($("section.review-owner tbody a").first().attr("href"), "/handbook/teams/dev-team/qa-engineer/");
    assert.equal($(".review-owner-note code").first().text(), "@northwind-labs/dev-team");
  });

  test("links to an owner's section of the Review status page resolve", () => {
    const home = loadPage(outDir, "/");
    assert.equal(home('article a:contains("review status")').attr("href"), "/handbook/review-status/#owner-dev-team");
    assert.equal(loadPage(outDir, "/review-status/")("#owner-dev-team").prop("tagName"), "H2");
  });
});
