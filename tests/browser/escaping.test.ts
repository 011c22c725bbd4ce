// The escaping gate in a browser: on the fixture whose page is titled `<img src=x onerror=alert(1)>`, no dialog ever
// opens — not on any page, not when the sidebar loads the title from nav.json, not when search shows it — and the
// title reads as text in the search results.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { servedBuild } from "../helpers/served-build.ts";
import { fixture } from "../helpers/site.ts";

const TITLE = "<img src=x onerror=alert(1)>";
const PAGES = ["/", "/people/", "/people/before/", "/people/html-title/", "/people/html-title/child/", "/people/after/"];

describe("a page titled <img src=x onerror=alert(1)> in a browser", () => {
  const served = servedBuild(fixture("escaping"), [], { viewport: { width: 1280, height: 900 } });
  /** Every dialog (alert, confirm, prompt) the shared page opens, recorded and dismissed. */
  const dialogs: string[] = [];
  before(() =>
    served.reader.page.on("dialog", (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    }),
  );

  /** The shared page, reset (sharedPage), with no dialog recorded yet. */
  async function watched(): Promise<{ page: Page; dialogs: string[] }> {
    dialogs.length = 0;
    await served.reader.reset();
    return { page: served.reader.page, dialogs };
  }

  /** Images the page has now, as their src. */
  const images = (page: Page) => page.evaluate(() => [...document.images].map((i) => i.getAttribute("src")));

  test("no page opens a dialog or has an image, and each shows the title as text", async () => {
    const { page, dialogs } = await watched();
    for (const url of PAGES) {
      await page.goto(served.server.url(url));
      await page.waitForLoadState("load");
      assert.deepEqual(await images(page), [], url);
      // Home keeps the People branch closed; every page in or under People names the title.
      if (url !== "/") assert.ok((await page.locator("body").innerText()).includes(TITLE), `${url} shows the title as text`);
    }
    assert.deepEqual(dialogs, []);
  });

  test("opening the People branch from nav.json shows the title as a text link", async () => {
    const { page, dialogs } = await watched();
    await page.goto(served.server.url("/"));
    await page.getByRole("button", { name: "People: show or hide its pages" }).click();
    const link = page.locator("#site-nav a", { hasText: TITLE });
    await link.waitFor();
    assert.equal(await link.getAttribute("href"), "/people/html-title/");
    assert.deepEqual(await images(page), []);
    assert.deepEqual(dialogs, []);
  });

  test("searching for it shows the title, summary text and headings as text, and nothing runs", async () => {
    const { page, dialogs } = await watched();
    await page.goto(served.server.url("/"));
    await page.keyboard.press("Control+K");
    for (const term of ["onerror", "escapeproof", "img"]) {
      await page.locator("#search-input").fill(term);
      await page.waitForFunction((t) => (document.querySelector("#search-status")?.textContent ?? "").endsWith(`for “${t}”`), term);
      const titles = await page.locator(".search-result-title, .search-result a").allTextContents();
      assert.ok(titles.some((t) => t.includes(TITLE)), `${term}: ${titles.join(" | ")}`);
      assert.deepEqual(await images(page), [], term);
      assert.equal(await page.locator("#search-results script, #search-results b, #search-results img").count(), 0);
    }
    const text = await page.locator("#search-results").innerText();
    assert.ok(text.includes("Headings with <img src=x onerror=alert(3)> in them"), text);
    assert.deepEqual(dialogs, []);
  });
});
