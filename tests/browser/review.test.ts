// An overdue page's notice and the Review status page in a browser: axe finds nothing in either theme, wide or
// narrow; the notice is on screen without scrolling; the Review status page never scrolls sideways on a phone.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { BrowserContext } from "playwright-core";
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
  const served = servedBuild(fixture("owners"), ["--no-search", "--today", "2026-03-01"]);

  for (const layout of LAYOUTS) {
    test(`${layout.name}: axe finds nothing; the notice shows on load; nothing scrolls sideways`, async () => {
      // axe is injected inline, so the context bypasses the CSP.
      const context: BrowserContext = await served.browser.newContext({ viewport: layout.viewport, colorScheme: layout.colorScheme, bypassCSP: true });
      try {
        const page = await context.newPage();
        const found: string[] = [];
        for (const url of ["/teams/dev-team/qa-engineer/", "/review-status/"]) {
          await page.goto(served.server.url(url));
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
      } finally {
        await context.close();
      }
    });
  }
});
