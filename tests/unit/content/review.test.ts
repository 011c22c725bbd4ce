import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { parseSource } from "../../../src/content/page.ts";
import { addPeriod, daysBetween, HANDLE, isCalendarDay, parsePeriod } from "../../../src/content/review.ts";
import { loadSettings } from "../../../src/config/settings.ts";
import { tempDir } from "../../helpers/site.ts";
import { formatted, SITE } from "../fixtures.ts";

const check = (frontMatter: string) =>
  formatted(parseSource(`${SITE}/content/page.md`, "page.md", `---\ntitle: Page\n${frontMatter}\n---\n`).diagnostics);

describe("review periods and dates", () => {
  test("a period is a whole number of days, weeks, months or years, singular or plural", () => {
    assert.deepEqual(parsePeriod("6 months"), { count: 6, unit: "month" });
    assert.deepEqual(parsePeriod("1 Year"), { count: 1, unit: "year" });
    assert.deepEqual(parsePeriod("2 weeks"), { count: 2, unit: "week" });
    assert.deepEqual(parsePeriod("90 days"), { count: 90, unit: "day" });
    for (const wrong of ["6", "six months", "0 months", "6 monts", "1.5 years", "-1 year", "6months"]) assert.equal(parsePeriod(wrong), undefined, wrong);
  });

  test("the due day keeps the day of the month, or takes the month's last day when it has none", () => {
    assert.equal(addPeriod("2026-03-14", { count: 6, unit: "month" }), "2026-09-14");
    assert.equal(addPeriod("2025-08-31", { count: 6, unit: "month" }), "2026-02-28");
    assert.equal(addPeriod("2027-08-31", { count: 6, unit: "month" }), "2028-02-29");
    assert.equal(addPeriod("2024-02-29", { count: 1, unit: "year" }), "2025-02-28");
    assert.equal(addPeriod("2025-11-15", { count: 3, unit: "month" }), "2026-02-15");
    assert.equal(addPeriod("2026-12-30", { count: 2, unit: "week" }), "2027-01-13");
    assert.equal(addPeriod("2026-02-20", { count: 10, unit: "day" }), "2026-03-02");
  });

  test("a review day must be on the calendar", () => {
    assert.ok(isCalendarDay("2028-02-29"));
    for (const wrong of ["2026-02-30", "2026-02-29", "2026-13-01", "2026-1-5", "14 March 2026"]) assert.equal(isCalendarDay(wrong), false, wrong);
    assert.equal(daysBetween("2026-02-27", "2026-03-02"), 3);
  });

  test("a handle is a GitHub user or team", () => {
    for (const good of ["@jane", "@jane-doe", "@northwind-labs/dev-team", "@org/team_2.x"]) assert.match(good, HANDLE);
    for (const bad of ["jane", "@", "@-jane", "@jane-", "@ja--ne", "@org/", "@org/team name", "@org/te/am"]) assert.doesNotMatch(bad, HANDLE);
  });
});

describe("owner, last_reviewed and review_every in front matter", () => {
  test("good values pass, an unquoted date too", () => {
    assert.deepEqual(check("owner: Dev Team\nlast_reviewed: 2026-03-14\nreview_every: 6 months"), []);
    assert.deepEqual(check('owner: "@northwind-labs/platform"\nlast_reviewed: "2026-03-14"\nreview_every: 1 year'), []);
  });

  test("a malformed value is an error at its line and column that says what the key takes", () => {
    assert.deepEqual(check('owner: "@northwind labs"'), [
      'content/page.md:3:8 error owner must be a team\'s title or a GitHub handle such as @northwind-labs/platform, not the text "@northwind labs"',
    ]);
    assert.deepEqual(check("owner: 42"), [
      "content/page.md:3:8 error owner must be a team's title or a GitHub handle such as @northwind-labs/platform, not the number 42",
    ]);
    assert.deepEqual(check("last_reviewed: 14 March 2026"), ['content/page.md:3:16 error last_reviewed must be a date (YYYY-MM-DD), not the text "14 March 2026"']);
    assert.deepEqual(check('last_reviewed: "2026-02-30"'), ['content/page.md:3:16 error last_reviewed must be a date (YYYY-MM-DD), not the text "2026-02-30"']);
    assert.deepEqual(check("review_every: 6"), [
      'content/page.md:3:15 error review_every must be a period such as "6 months" or "1 year" (days, weeks, months or years), not the number 6',
    ]);
    assert.deepEqual(check("review_every: sometimes"), [
      'content/page.md:3:15 error review_every must be a period such as "6 months" or "1 year" (days, weeks, months or years), not the text "sometimes"',
    ]);
  });

  test("a misspelt key is a warning naming the key", () => {
    assert.deepEqual(check("last_reviewd: 2026-03-14"), ['content/page.md:3:1 warning unknown key "last_reviewd" (did you mean "last_reviewed"?)']);
    assert.deepEqual(check("ower: Dev Team"), ['content/page.md:3:1 warning unknown key "ower" (did you mean "owner"?)']);
  });
});

describe("review settings", () => {
  const settingsFile = (json: unknown) => {
    const file = path.join(tempDir(), "site.json");
    fs.writeFileSync(file, JSON.stringify(json));
    return file;
  };

  test("the site's review period defaults to 6 months, and teams map to handles", () => {
    const { settings, diagnostics } = loadSettings(settingsFile({ owners: { "Dev Team": "@northwind-labs/dev-team" } }));
    assert.deepEqual(diagnostics, []);
    assert.equal(settings.reviewEvery, "6 months");
    assert.deepEqual(settings.owners, { "Dev Team": "@northwind-labs/dev-team" });
  });

  test("a period or handle that is not one is a settings error", () => {
    const file = settingsFile({ reviewEvery: "often", owners: { "Dev Team": "dev-team" } });
    const messages = loadSettings(file).diagnostics.map((d) => d.message);
    assert.deepEqual(messages, [
      'setting reviewEvery: must be a period such as "6 months" or "1 year"',
      "setting owners.Dev Team: must be a GitHub handle such as @northwind-labs/dev-team",
    ]);
  });
});
