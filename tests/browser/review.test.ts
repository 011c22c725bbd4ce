// An overdue page's notice and the Review status page in a browser: axe finds nothing in either theme, wide or
// narrow; the notice is on screen without scrolling; the Review status page never scrolls sideways on a phone.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { servedBuild } from "../helpers/served-build.ts";
import { runAxe } from "../helpers/gates.ts";
import { fixture } from "../helpers/site.ts";

const LAYOUTS = [
  { name: "light, wide", colorScheme: "light", viewport: { width: 1280, height: 900 } },
  { name: "dark, wide", colorScheme: "dark", viewport: { width: 1920, height: 1000 } },
  { name: "light, narrow", colorScheme: "light", viewport: { width: 390, height: 844 } },
  { name: "dark, narrow", colorScheme: "dark", viewport: { width: 390, height: 844 } },
] as const;

describe("owners and review dates in a browser", () => {
  // axe is added from another origin, so the context bypasses the CSP.
  const served = servedBuild(fixture("owners"), ["--no-search", "--today", "2026-03-01"], { bypassCSP: true });

  for (const layout of LAYOUTS) {
    test(`${layout.name}: axe finds nothing; the notice shows on load; nothing scrolls sideways`, async () => {
      const { page } = served.reader;
      const found: string[] = [];
      for (const url of ["/teams/dev-team/qa-engineer/", "/review-status/"]) {
        await served.reader.open(served.server.url(url), layout);
        found.push(...(await runAxe(page)).map((v) => `${url}: ${v}`));
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
        assert.equal(sideways, false, `${url} scrolls sideways`);
      }
      assert.deepEqual(found, []);
      await page.goto(served.server.url("/teams/dev-team/qa-engineer/"));
      const notice = page.getByRole("note", { name: "Review overdue" });
      await notice.waitFor();
      const box = await notice.boundingBox();
      assert.ok(box && box.y + box.height <= layout.viewport.height, "the whole notice is on the first screen");
    });
  }
});
