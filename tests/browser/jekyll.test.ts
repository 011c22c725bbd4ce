// A migrated Just the Docs site in the browser: its color_scheme, and reading it without JavaScript.
import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { servedBuild } from "../helpers/served-build.ts";
import { fixture } from "../helpers/site.ts";

/** The body's background in each theme (--bg in src/client/handbook.css). */
const BACKGROUND = { light: "rgb(255, 255, 255)", dark: "rgb(21, 24, 29)" };
const WIDE = { width: 1280, height: 900 };

describe("a Just the Docs site with color_scheme: dark", () => {
  const served = servedBuild(fixture("jtd-site"), ["--jekyll-config", path.join(fixture("jtd-site"), "_config.yml")], {
    viewport: WIDE,
    timeout: 5000,
  });
  const withPage = served.withPage;
  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const toggle = (page: Page) => page.getByRole("button", { name: "Dark theme" });

  test("is dark on a light system, with the toggle showing dark; a press picks light, kept across pages", async () => {
    await withPage("/docs/faq/", { colorScheme: "light" }, async (page) => {
      assert.equal(await background(page), BACKGROUND.dark);
      await toggle(page).waitFor({ state: "visible" });
      assert.equal(await toggle(page).getAttribute("aria-pressed"), "true");
      await toggle(page).click();
      assert.equal(await background(page), BACKGROUND.light);
      await page.goto(served.server.url("/docs/reference/README/"));
      assert.equal(await background(page), BACKGROUND.light);
      assert.equal(await toggle(page).getAttribute("aria-pressed"), "false");
      // Back to the site's own theme: nothing is kept.
      await toggle(page).click();
      assert.equal(await background(page), BACKGROUND.dark);
      assert.equal(await page.evaluate(() => localStorage.getItem("handbook-theme")), null);
    });
  });

  test("without JavaScript it is dark too, and the page's own table of contents and callouts read as written", async () => {
    await withPage("/docs/01-getting-started/", { colorScheme: "light", javaScriptEnabled: false }, async (page) => {
      assert.equal(await background(page), BACKGROUND.dark);
      const toc = page.locator("details #markdown-toc");
      assert.equal(await toc.isVisible(), true);
      assert.deepEqual(await toc.locator("a").allTextContents(), ["Step 1 \u2013 Prepare", "Check it works"]);
      await toc.getByRole("link", { name: "Check it works" }).click();
      await page.waitForURL(/#check$/);
      assert.equal(await page.locator(".callout-red .callout-title").textContent(), "Warning");
    });
  });
});

describe("a page with layout: minimal", () => {
  const served = servedBuild(fixture("jtd-product-docs"), ["--jekyll-config", path.join(fixture("jtd-product-docs"), "_config.yml")], {
    viewport: { width: 1920, height: 900 },
  });

  test("is read in the middle of a wide screen, with no sidebar and no menu button on a narrow one", async () => {
    const { page } = served.reader;
    await page.goto(served.server.url("/"));
    const box = (await page.locator("main").boundingBox())!;
    assert.ok(Math.abs(box.x + box.width / 2 - 960) < 2, `main spans ${box.x}–${box.x + box.width}`);
    await page.setViewportSize({ width: 390, height: 900 });
    assert.equal(await page.locator("#site-nav, .menu-toggle").count(), 0);
  });
});
