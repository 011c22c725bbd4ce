// Reading the handbook's own content on a phone (390 × 844) and on wide screens (1280 and 1920 px): the header and
// the menu drawer on a phone, the balanced columns and the tab order on wide screens, and the sidebar's state from
// one page to the next.
import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import type { Page, ViewportSize } from "playwright-core";
import { servedBuild } from "../helpers/served-build.ts";
import { projectDir } from "../helpers/site.ts";

const PHONE = { width: 390, height: 844 };
const AI_ENGINEER = "/teams/dev-team/ai-engineer/";
/** How long a check waits for the page to settle (script loaded, nav.json fetched). */
const SETTLE_MS = 5000;
/** The smallest a control may be on a touch screen, in CSS pixels. */
const TOUCH = 44;

type Box = { x: number; y: number; width: number; height: number };

describe("reading the handbook on a phone and on wide screens", () => {
  // The handbook as the other browser tests build it, so a test run builds it once.
  const served = servedBuild(path.join(projectDir, "content"), [], { timeout: SETTLE_MS });

  /** A fresh document of `url` at `viewport`, in the page the tests share (sharedPage). */
  async function open(url: string, viewport: ViewportSize): Promise<Page> {
    await served.reader.open(served.server.url(url), { viewport });
    return served.reader.page;
  }

  const box = async (page: Page, selector: string): Promise<Box> => {
    const found = await page.locator(selector).first().boundingBox();
    assert.ok(found, `${selector} is shown`);
    return found;
  };

  describe("on a phone", () => {
    test("the header shows the whole site title and controls a finger can hit; text, footer and heading links line up", async () => {
      const page = await open(AI_ENGINEER, PHONE);
      await page.locator("button.theme-toggle:not([hidden])").waitFor();
      const title = await page
        .locator(".site-title")
        .evaluate((el) => ({
          cut: el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight,
          text: el.textContent,
        }));
      assert.deepEqual(
        title,
        { cut: false, text: "Northwind Handbook" },
        "the site title is shown whole",
      );
      for (const selector of ["a.menu-toggle", "button.theme-toggle"]) {
        const { width, height } = await box(page, selector);
        assert.ok(width >= TOUCH && height >= TOUCH, `${selector} is ${width} × ${height} px`);
      }

      // A wrapped trail starts its second line with a crumb, never with the separator.
      const crumbs = await page
        .locator("nav.breadcrumbs li")
        .evaluateAll((items) =>
          items.map((li) => ({
            top: li.getBoundingClientRect().top,
            before: getComputedStyle(li, "::before").content,
          })),
        );
      assert.ok(new Set(crumbs.map((c) => c.top)).size > 1, "the trail wraps at this width");
      const lineStarts = crumbs.filter((c, i) => i > 0 && c.top > crumbs[i - 1]!.top);
      assert.deepEqual(
        lineStarts.map((c) => c.before),
        lineStarts.map(() => "none"),
        "no line starts with ›",
      );

      const text = (await box(page, "article h1")).x;
      const footer = await page.locator(".site-footer p").evaluate((p) => {
        const range = document.createRange();
        range.selectNodeContents(p);
        return range.getBoundingClientRect().x;
      });
      assert.ok(
        Math.abs(footer - text) < 1,
        `the footer's text starts at ${footer} px, the page's at ${text} px`,
      );

      const anchor = page.locator('a.heading-anchor[href="#skills"]');
      await anchor.focus();
      const ring = await box(page, 'a.heading-anchor[href="#skills"]');
      assert.ok(
        ring.x >= 5 && ring.x + ring.width <= PHONE.width - 5,
        `the focused "#" link and its ring are on screen: x ${ring.x}`,
      );
    });

    test("the menu is a drawer the screen's height over a dimmed page that takes no tap; a tap outside closes it", async () => {
      const page = await open("/", PHONE);
      const menu = page.getByRole("button", { name: "Menu" });
      await menu.click();
      const drawer = await box(page, ".sidebar");
      assert.deepEqual(
        [drawer.y, drawer.height],
        [0, PHONE.height],
        "the drawer runs from the top to the bottom of the screen",
      );
      assert.ok(
        drawer.width < PHONE.width - TOUCH,
        `a strip of page is left to tap: the drawer is ${drawer.width} px wide`,
      );
      // What a finger meets right of the drawer is the dimmed backdrop, not the page; the page is inert and still.
      const hit = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x!, y!)?.className,
        [PHONE.width - 20, 500],
      );
      assert.equal(hit, "menu-backdrop");
      assert.notEqual(
        await page.locator(".menu-backdrop").evaluate((b) => getComputedStyle(b).backgroundColor),
        "rgba(0, 0, 0, 0)",
      );
      assert.equal(
        await page.locator("main").evaluate((m) => (m as HTMLElement).inert),
        true,
        "the page under the drawer is inert",
      );
      await page.mouse.wheel(0, 600);
      assert.equal(
        await page.evaluate(() => window.scrollY),
        0,
        "the page under the drawer does not scroll",
      );
      assert.match(
        await page.evaluate(() => document.activeElement?.textContent ?? ""),
        /Close/,
        "focus moves into the drawer",
      );

      await page.mouse.click(PHONE.width - 20, 500);
      await page.locator(".sidebar").waitFor({ state: "hidden" });
      assert.equal(await menu.getAttribute("aria-expanded"), "false");
      assert.equal(await page.locator("main").evaluate((m) => (m as HTMLElement).inert), false);
      assert.equal(
        await page.evaluate(() => document.activeElement?.classList.contains("menu-toggle")),
        true,
        "focus returns to the menu button",
      );

      await menu.click();
      await page.getByRole("button", { name: "Close menu" }).click();
      await page.locator(".sidebar").waitFor({ state: "hidden" });
    });

    test("the drawer scrolls on its own, with the current page in view, and its controls are 44 px high", async () => {
      const drawerPage = "/teams/people-operations/talent-acquisition-partner/";
      await served.withPage(drawerPage, { viewport: { width: 390, height: 480 } }, async (page) => {
        await page.locator("a.menu-toggle").click();
        const drawer = await box(page, ".sidebar");
        const current = await box(page, '.sidebar a[aria-current="page"]');
        assert.ok(
          current.y >= drawer.y && current.y + current.height <= drawer.y + drawer.height,
          `the current page's link is in view: ${current.y}`,
        );
        assert.ok(
          await page.locator(".sidebar").evaluate((s) => s.scrollTop > 0),
          "the drawer scrolled to it",
        );
        for (const control of await page
          .locator(".sidebar .nav-toggle, .sidebar .nav-list > li > a")
          .all()) {
          const { height } = (await control.boundingBox())!;
          assert.ok(
            height >= TOUCH,
            `${(await control.getAttribute("aria-label")) ?? (await control.textContent())} is ${height} px high`,
          );
        }
      });
    });

    test("without JavaScript the menu link opens the drawer and a tap outside closes it, where the page was", async () => {
      await served.withPage(AI_ENGINEER, { viewport: PHONE, javaScriptEnabled: false }, async (page) => {
        await page.evaluate(() => window.scrollTo(0, 400));
        // A tap where the button is (a locator's click would scroll the page to the header's place in it).
        const menu = await box(page, "a.menu-toggle");
        await page.mouse.click(menu.x + menu.width / 2, menu.y + menu.height / 2);
        const drawer = await box(page, ".sidebar");
        assert.deepEqual([drawer.y, drawer.height], [0, PHONE.height]);
        assert.equal(
          await page.evaluate(
            ([x, y]) => document.elementFromPoint(x!, y!)?.className,
            [PHONE.width - 20, 500],
          ),
          "menu-backdrop",
        );
        await page.mouse.click(PHONE.width - 20, 500);
        await page.locator(".sidebar").waitFor({ state: "hidden" });
        assert.equal(await page.evaluate(() => window.scrollY), 400, "the page stays where it was");
        await page.getByRole("link", { name: "Menu" }).click();
        await page.getByRole("link", { name: "Close menu" }).click();
        await page.locator(".sidebar").waitFor({ state: "hidden" });
      });
    });
  });

  test("at 1920 px the text column is centred between the sidebar and the contents", async () => {
    await served.withPage(AI_ENGINEER, { viewport: { width: 1920, height: 1080 } }, async (page) => {
      const sidebar = await box(page, ".sidebar");
      const article = await box(page, "article.content");
      const toc = await box(page, "nav.toc-aside");
      const left = article.x - (sidebar.x + sidebar.width);
      const right = toc.x - (article.x + article.width);
      assert.ok(
        Math.abs(left - right) <= 2,
        `${left} px left of the text, ${right} px right of it`,
      );
      assert.ok(toc.x + toc.width >= 1920 - 40, "the contents sit at the right edge");
    });
  });

  test("Tab reaches the breadcrumbs and the text before the contents shown on their right", async () => {
    await served.withPage("/ways-of-working/code-review/", { viewport: { width: 1280, height: 800 } }, async (page) => {
      await page.locator("nav.toc-aside").waitFor();
      const stops: string[] = [];
      for (let i = 0; i < 150 && !stops.includes("prev-next"); i++) {
        await page.keyboard.press("Tab");
        const where = await page.evaluate(() => {
          const el = document.activeElement;
          return el?.closest(".breadcrumbs")
            ? "breadcrumbs"
            : el?.closest(".toc-aside")
              ? "contents"
              : el?.closest("article")
                ? "text"
                : el?.closest(".prev-next")
                  ? "prev-next"
                  : "other";
        });
        if (stops.at(-1) !== where) stops.push(where);
      }
      assert.deepEqual(
        stops.filter((s) => s !== "other"),
        ["breadcrumbs", "text", "prev-next"],
        `Tab went ${stops.join(" → ")}`,
      );
      while (await page.evaluate(() => !!document.activeElement?.closest(".prev-next")))
        await page.keyboard.press("Tab");
      assert.equal(
        await page.evaluate(() => !!document.activeElement?.closest(".toc-aside")),
        true,
        "the contents come right after the page",
      );
    });
  });

  test("the sidebar keeps the branches the reader opened from one page to the next, and shows the current page", async () => {
    await served.withPage(AI_ENGINEER, { viewport: { width: 1280, height: 420 } }, async (page) => {
      const sidebar = page.getByRole("navigation", { name: "Handbook" });
      const toggle = sidebar.getByRole("button", { name: "Policies: show or hide its pages" });
      await toggle.click();
      await sidebar.getByRole("link", { name: "Travel", exact: true }).waitFor();
      await sidebar.getByRole("link", { name: "Glossary", exact: true }).click();
      await page.waitForURL((url) => url.pathname === "/glossary/");
      await sidebar.getByRole("link", { name: "Travel", exact: true }).waitFor();
      assert.equal(await toggle.getAttribute("aria-expanded"), "true", "Policies is still open");
      const panel = await box(page, ".sidebar");
      const current = await box(page, '.sidebar a[aria-current="page"]');
      assert.ok(
        current.y >= panel.y && current.y + current.height <= panel.y + panel.height,
        "the current page's link is in view",
      );

      await toggle.click();
      await sidebar.getByRole("link", { name: "Home", exact: true }).click();
      await page.waitForURL((url) => url.pathname === "/");
      await toggle.waitFor();
      assert.equal(
        await toggle.getAttribute("aria-expanded"),
        "false",
        "closed again, it stays closed",
      );
    });
  });

  test("the Glossary's contents show its letters as a row, not one letter a line", async () => {
    await served.withPage("/glossary/", { viewport: { width: 1280, height: 800 } }, async (page) => {
      const letters = await page
        .locator("nav.toc-aside .toc-list .toc-list a")
        .evaluateAll((links) => links.map((a) => a.getBoundingClientRect().top));
      assert.ok(letters.length > 10, `${letters.length} letters`);
      assert.ok(
        new Set(letters).size <= Math.ceil(letters.length / 5),
        `${letters.length} letters on ${new Set(letters).size} lines`,
      );
    });
  });
});
