import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Locator, Page } from "playwright-core";
import { servedBuild } from "../helpers/served-build.ts";
import { fixture } from "../helpers/site.ts";

const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 390, height: 844 };
/** How long a check waits for the page to settle (script loaded, styles applied). */
const SETTLE_MS = 5000;
/** The body's background in each theme (--bg in src/client/handbook.css). */
const BACKGROUND = { light: "rgb(255, 255, 255)", dark: "rgb(21, 24, 29)" };

/** Waits until `read` returns `expected`, then asserts it, so a failure reads as an assertion. */
async function assertSoon<T>(read: () => Promise<T>, expected: T, what: string): Promise<void> {
  const deadline = Date.now() + SETTLE_MS;
  let actual = await read();
  while (actual !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    actual = await read();
  }
  assert.equal(actual, expected, what);
}

async function assertVisible(locator: Locator, visible: boolean, what: string): Promise<void> {
  await locator.waitFor({ state: visible ? "visible" : "hidden", timeout: SETTLE_MS }).catch(() => undefined);
  assert.equal(await locator.isVisible(), visible, `${what} should be ${visible ? "visible" : "hidden"}`);
}

/** What the page looked like when its <body> was first parsed, before first paint. */
interface FirstBody {
  /** Whether /assets/handbook.js (a module, run after parsing) had already run: it reveals the theme toggle. */
  moduleRan: boolean;
  theme: string | null;
  background: string;
}

/** Records FirstBody on every load of the page, as window.__firstBody. */
const RECORD_FIRST_BODY = () => {
  new MutationObserver((_, observer) => {
    if (!document.body) return;
    observer.disconnect();
    (window as unknown as { __firstBody: FirstBody }).__firstBody = {
      moduleRan: document.querySelector<HTMLButtonElement>("button.theme-toggle")?.hidden === false,
      theme: document.documentElement.getAttribute("data-theme"),
      background: getComputedStyle(document.body).backgroundColor,
    };
  }).observe(document, { childList: true, subtree: true });
};

describe("reading the built handbook in a browser", () => {
  // The copy button's tests read the clipboard.
  const served = servedBuild(fixture("reading"), ["--no-search"], {
    viewport: WIDE,
    permissions: ["clipboard-read", "clipboard-write"],
    timeout: SETTLE_MS,
  });
  const server = { url: (path: string) => served.server.url(path) };
  const withPage = served.withPage;

  const toggleOf = (page: Page) => page.getByRole("button", { name: "Dark theme" });
  const firstBody = (page: Page) => page.evaluate(() => (window as unknown as { __firstBody: FirstBody }).__firstBody);

  test("the theme follows the operating system until the reader chooses", async () => {
    await withPage("/guide/", { viewport: WIDE, colorScheme: "dark" }, async (page) => {
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), BACKGROUND.dark);
      await assertVisible(toggleOf(page), true, "the theme toggle");
      await assertSoon(() => toggleOf(page).getAttribute("aria-pressed"), "true", "the toggle shows dark as on");
    });
    await withPage("/guide/", { viewport: WIDE, colorScheme: "light" }, async (page) => {
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), BACKGROUND.light);
      await assertSoon(() => toggleOf(page).getAttribute("aria-pressed"), "false", "the toggle shows dark as off");
    });
  });

  test("a chosen theme is kept across pages and reloads, applied before the page is first painted", async () => {
    await withPage("/guide/", { viewport: WIDE, colorScheme: "light" }, async (page) => {
      // The page is shared: the recording is removed at the end.
      const recording = await page.addInitScript(RECORD_FIRST_BODY);
      try {
        await toggleOf(page).click();
        await assertSoon(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor), BACKGROUND.dark, "dark after the press");
        assert.equal(await toggleOf(page).getAttribute("aria-pressed"), "true");

        for (const url of ["/short/", "/guide/"]) {
          await page.goto(server.url(url));
          const first = await firstBody(page);
          assert.equal(first.moduleRan, false, `${url}: recorded before the page's module script ran`);
          assert.equal(first.theme, "dark", `${url}: data-theme set before the body`);
          assert.equal(first.background, BACKGROUND.dark, `${url}: the first frame is already dark`);
          await assertSoon(() => toggleOf(page).getAttribute("aria-pressed"), "true", `${url}: the toggle shows dark`);
        }

        // Back to the system's theme: nothing is kept, so the page follows the system again.
        await toggleOf(page).click();
        await page.reload();
        const first = await firstBody(page);
        assert.equal(first.theme, null);
        assert.equal(first.background, BACKGROUND.light);
        assert.equal(await page.evaluate(() => localStorage.getItem("handbook-theme")), null);
      } finally {
        await recording.dispose();
      }
    });
  });

  test("without JavaScript there is no theme toggle and no copy button, and the page follows the system", async () => {
    await withPage("/guide/", { viewport: WIDE, colorScheme: "dark", javaScriptEnabled: false }, async (page) => {
      assert.equal(await page.locator("button.theme-toggle").isVisible(), false);
      assert.equal(await page.locator("button.copy-code").first().isVisible(), false);
      assert.equal(await page.locator("body").evaluate((b) => getComputedStyle(b).backgroundColor), BACKGROUND.dark);
    });
  });

  test("the copy button is there without hovering, copies the code block's text and says so", async () => {
    await withPage(
      "/guide/",
      { viewport: WIDE },
      async (page) => {
        const block = page.locator(".code-block").first();
        await block.scrollIntoViewIfNeeded();
        await page.mouse.move(0, 0);
        await assertVisible(block.getByRole("button", { name: "Copy code" }), true, "the copy button, the pointer elsewhere");
        assert.equal(await block.locator("button.copy-code").evaluate((b) => getComputedStyle(b).opacity), "1");
        const button = block.locator("button.copy-code");
        await button.click();
        await assertSoon(() => page.evaluate(() => navigator.clipboard.readText()), 'npm ci\necho "ready" # done', "the clipboard");
        await assertSoon(() => button.locator(".copy-code-label").innerText(), "Copied", "the button's label");
        assert.equal(await button.evaluate((b) => b.textContent), "Copied code", "the button's accessible text");
        await assertSoon(() => page.getByRole("status").innerText(), "Copied", "the announcement");
      },
    );
  });

  test("on an intranet host on plain http (no Clipboard API), the copy button still copies", async () => {
    // Chromium's clipboard is one for all its contexts: emptied first, so what is read below is this copy's, not an
    // earlier test's.
    await served.reader.open(server.url("/short/"));
    await served.reader.page.evaluate(() => navigator.clipboard.writeText(""));
    const context = await served.browser.newContext({ viewport: WIDE, permissions: ["clipboard-read", "clipboard-write"] });
    context.setDefaultTimeout(SETTLE_MS);
    try {
      // http://handbook.intranet is no secure context, so navigator.clipboard is missing there, as on such a host.
      await context.route("http://handbook.intranet/**", async (route) => {
        const response = await route.fetch({ url: server.url(new URL(route.request().url()).pathname) });
        await route.fulfill({ response });
      });
      const page = await context.newPage();
      await page.goto("http://handbook.intranet/guide/");
      assert.equal(await page.evaluate(() => window.isSecureContext || "clipboard" in navigator), false, "no Clipboard API here");
      const button = page.locator(".code-block").first().locator("button.copy-code");
      await button.click();
      await assertSoon(() => button.locator(".copy-code-label").innerText(), "Copied", "the button's label");
      // The clipboard is read where the Clipboard API exists.
      const reader = await context.newPage();
      await reader.goto(server.url("/short/"));
      assert.equal(await reader.evaluate(() => navigator.clipboard.readText()), 'npm ci\necho "ready" # done');
    } finally {
      await context.close();
    }
  });

  test("headings line up with the text under them", async () => {
    await withPage("/guide/", { viewport: WIDE }, async (page) => {
      // Where each one's text starts (a range over its text, so padding and the "#" link do not count).
      const starts = await page.locator("article").evaluate((article) =>
        ["h1", "h2", "h3", "p"].map((tag) => {
          const range = document.createRange();
          range.selectNodeContents(article.querySelector(tag)!);
          return Math.round(range.getBoundingClientRect().x * 10) / 10;
        }),
      );
      assert.deepEqual(starts, [starts[3], starts[3], starts[3], starts[3]], "h1, h2, h3 and p start at the same x");
    });
  });

  test("a code block wider than the screen fades at its right edge until scrolled to its end", async () => {
    await withPage("/guide/", { viewport: NARROW }, async (page) => {
      const fade = (block: Locator) => block.evaluate((b) => getComputedStyle(b, "::after").opacity);
      const long = page.locator(".code-block", { hasText: "docker run" });
      const short = page.locator(".code-block").first();
      await assertSoon(() => fade(long), "1", "the long block's fade");
      assert.equal(await fade(short), "0", "a block that fits has none");
      await long.locator("pre").evaluate((pre) => (pre.scrollLeft = pre.scrollWidth));
      await assertSoon(() => fade(long), "0", "the fade, scrolled to the end");
    });
  });

  test("on a wide screen the contents sit beside the page and follow the section being read", async () => {
    await withPage("/guide/", { viewport: WIDE }, async (page) => {
      const aside = page.locator("nav.toc-aside");
      await assertVisible(aside, true, "the contents beside the page");
      await assertVisible(page.locator("nav.toc-inline"), false, "the folded contents");
      const asideBox = (await aside.boundingBox())!;
      const articleBox = (await page.locator("article").boundingBox())!;
      assert.ok(asideBox.x >= articleBox.x + articleBox.width, "the contents are to the right of the article");

      const current = () => aside.locator('a[aria-current="true"]').innerText().catch(() => "(none)");
      const sections: Array<[string, string]> = [
        ["platform--security", "Platform & Security"],
        ["install", "Install"],
        ["wrapping-up", "Wrapping Up"],
      ];
      for (const [id, title] of sections) {
        await page.evaluate((target) => {
          const heading = document.getElementById(target)!;
          window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 100);
        }, id);
        await assertSoon(current, title, `the current section after scrolling to #${id}`);
      }
      assert.ok((await aside.boundingBox())!.y >= 0, "the contents stay in view while scrolling");
    });
  });

  test("on a narrow screen the contents are folded above the page and open on demand", async () => {
    await withPage("/guide/", { viewport: NARROW }, async (page) => {
      await assertVisible(page.locator("nav.toc-aside"), false, "the contents beside the page");
      const inline = page.getByRole("navigation", { name: "Page contents" });
      await assertVisible(inline, true, "the folded contents");
      const link = inline.getByRole("link", { name: "Platform & Security" });
      await assertVisible(link, false, "a contents link while folded");
      const summary = await inline.locator("summary").evaluate((s) => ({ display: getComputedStyle(s).display, chevron: getComputedStyle(s, "::after").borderRightStyle }));
      assert.deepEqual(summary, { display: "flex", chevron: "solid" }, "the site's chevron, not the browser's triangle");
      const inlineBox = (await inline.boundingBox())!;
      const heading = (await page.locator("article h1").boundingBox())!;
      assert.ok(inlineBox.y + inlineBox.height <= heading.y, "the folded contents come above the title");

      await inline.getByText("On this page").click();
      await assertVisible(link, true, "a contents link once opened");
      await link.click();
      await assertSoon(async () => new URL(page.url()).hash, "#platform--security", "the link goes to the section");
      await assertVisible(link, false, "the contents fold again after picking a section");
    });
  });

  test("a heading's anchor link shows when it has keyboard focus", async () => {
    await withPage("/guide/", { viewport: WIDE }, async (page) => {
      const anchor = page.locator('a.heading-anchor[href="#install"]');
      assert.equal(await anchor.evaluate((a) => getComputedStyle(a).opacity), "0");
      await anchor.focus();
      assert.equal(await anchor.evaluate((a) => getComputedStyle(a).opacity), "1");
    });
  });

  test("a wide table scrolls on its own on a narrow screen, by keyboard too; the page does not scroll sideways", async () => {
    await withPage("/guide/", { viewport: { width: 320, height: 700 } }, async (page) => {
      const wrapper = page.locator(".table-wrapper");
      assert.equal(await wrapper.evaluate((w) => w.scrollWidth > w.clientWidth), true, "the table is wider than its box");
      assert.equal(
        await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
        true,
        "no sideways scroll on the page",
      );
      await assertSoon(() => wrapper.getAttribute("tabindex"), "0", "the scrolling table can take focus");
      assert.equal(await wrapper.getAttribute("role"), "region");
      await wrapper.focus();
      await page.keyboard.press("ArrowRight");
      await assertSoon(() => wrapper.evaluate((w) => w.scrollLeft > 0), true, "arrow keys scroll it");
    });
  });
});
