// The accessibility gate: axe-core finds nothing on any page type at 390, 1280 and 1920 px, light and dark (and the
// theme chosen with the toggle), with the menu open and closed and the search dialog open and closed; and the site
// works from the keyboard alone.
//
// Kept fast (each axe run costs about a second, each new page about 0.4 s): one page per screen and theme visits every
// page type, then opens the menu and the search dialog; the full rule set runs once per screen, in the light theme,
// and the other themes of the same screen run only the rules that depend on colours; two themes run at a time.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chooseTheme, COLOUR_RULES, runAxe, serveHandbook, THEME_MODES, type PageType, type ServedHandbook, type ThemeMode } from "../helpers/gates.ts";

const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 390, height: 844 };

/** The screens checked; the menu is a drawer on the phone only (wider, the sidebar is always shown). */
const SCREENS = [
  { name: "phone", viewport: NARROW, menu: true },
  { name: "laptop", viewport: { width: 1280, height: 800 }, menu: false },
  { name: "wide screen", viewport: { width: 1920, height: 1080 }, menu: false },
] as const;
type Screen = (typeof SCREENS)[number];

/** The themes a screen is checked in, light first. The themes chosen with the toggle pin the same colours as the system's, so one screen checks them. */
const themesOf = (screen: Screen): ThemeMode[] => THEME_MODES.filter((mode) => !mode.toggledTo || screen.name === "laptop");

/** Runs the jobs two at a time (the machine has two cores), keeping their order. */
async function twoAtATime<T>(jobs: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < jobs.length; i += 2) results.push(...(await Promise.all(jobs.slice(i, i + 2).map((job) => job()))));
  return results;
}

describe("axe-core finds no violations", () => {
  let browser: Browser;
  let site: ServedHandbook["site"];
  let pageTypes: PageType[] = [];
  let served: ServedHandbook | undefined;

  before(async () => {
    served = await serveHandbook();
    ({ browser, site, pageTypes } = served);
  });

  after(async () => {
    await served?.close();
  });

  /**
   * One screen in one theme, on one page: every page type, then the menu opened with a branch opened from nav.json
   * (phone), then the search dialog showing results and filters. `rules` limits axe to those rules.
   */
  async function check(screen: Screen, mode: ThemeMode, rules?: readonly string[]): Promise<string[]> {
    const context = await browser.newContext({ viewport: screen.viewport, colorScheme: mode.colorScheme, reducedMotion: "reduce", bypassCSP: true });
    const found: string[] = [];
    const axe = async (page: Page, what: string) => found.push(...(await runAxe(page, rules)).map((v) => `${mode.name}, ${what}: ${v}`));
    try {
      const page = await context.newPage();
      await page.goto(site.url("/"));
      await chooseTheme(page, mode);
      for (const type of pageTypes) {
        const response = await page.goto(site.url(type.url));
        assert.equal(response?.status(), 200, type.url);
        await page.waitForLoadState("load");
        if (mode.toggledTo) assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), mode.toggledTo, `${type.url} keeps the chosen theme`);
        await axe(page, `${type.name} ${type.url}`);
      }
      await page.goto(site.url("/teams/dev-team/ai-engineer/"));
      if (screen.menu) await withMenuOpen(page, () => axe(page, "menu open"));
      await withSearchOpen(page, () => axe(page, "search open"));
    } finally {
      await context.close();
    }
    return found;
  }

  for (const screen of SCREENS) {
    const themes = themesOf(screen);
    const states = `menu ${screen.menu ? "open and closed" : "(a drawer on phones only)"}, search open and closed`;
    test(`${screen.name} (${screen.viewport.width} px), every page type, ${states}: ${themes.map((m) => m.name).join("; ")}`, async () => {
      const found = await twoAtATime(themes.map((mode, i) => () => check(screen, mode, i === 0 ? undefined : COLOUR_RULES)));
      assert.deepEqual(found.flat(), []);
    });
  }
});

/** Opens the phone's menu and a sidebar branch from nav.json, runs `fn`, and closes the menu. */
async function withMenuOpen(page: Page, fn: () => Promise<unknown>): Promise<void> {
  await page.locator("a.menu-toggle").click();
  await page.locator("#site-nav").waitFor({ state: "visible" });
  const toggle = page.getByRole("button", { name: "Policies: show or hide its pages" });
  await toggle.click();
  await page.locator('button.nav-toggle[aria-label="Policies: show or hide its pages"] + ul a').first().waitFor();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  await fn();
  await page.keyboard.press("Escape");
  await page.locator("#site-nav").waitFor({ state: "hidden" });
}

/** Opens search, shows results for "engineer" with the filters open, runs `fn`, and closes the dialog. */
async function withSearchOpen(page: Page, fn: () => Promise<unknown>): Promise<void> {
  await page.locator("button.search-button").click();
  await page.locator("#search-input").fill("engineer");
  await page.locator(".search-result").first().waitFor();
  await page.locator(".search-filters-toggle").click();
  await page.locator(".search-filters:not([hidden]) .search-pill-count").first().waitFor();
  await fn();
  await page.keyboard.press("Escape");
}

describe("using the handbook with the keyboard alone", () => {
  let browser: Browser;
  let site: ServedHandbook["site"];
  let served: ServedHandbook | undefined;

  before(async () => {
    served = await serveHandbook();
    ({ browser, site } = served);
  });

  after(async () => {
    await served?.close();
  });

  async function open(url: string, viewport = WIDE): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(site.url(url));
    await page.waitForLoadState("load");
    return { context, page };
  }

  /** What has focus, as `tag.class "text"`. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return "body";
      const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 60);
      return `${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ").join(".") : ""} "${name}"`;
    });

  /** Presses Tab until `selector` has focus (at most `limit` times); returns the stops on the way. */
  async function tabTo(page: Page, selector: string, limit = 60): Promise<string[]> {
    const stops: string[] = [];
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press("Tab");
      stops.push(await focused(page));
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return stops;
    }
    assert.fail(`Tab never reached ${selector}; it went: ${stops.join(" → ")}`);
  }

  test("the first Tab reaches the skip link, which shows and moves focus to the main content", async () => {
    const { context, page } = await open("/teams/dev-team/ai-engineer/");
    try {
      await page.keyboard.press("Tab");
      assert.equal(await focused(page), 'a.skip-link "Skip to content"');
      const box = await page.locator("a.skip-link").boundingBox();
      assert.ok(box && box.width > 20 && box.height > 10 && box.y >= 0 && box.x >= 0, `the focused skip link is on screen: ${JSON.stringify(box)}`);
      await page.keyboard.press("Enter");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "main-content");
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => !!document.activeElement?.closest("main")), true, `the next Tab stays in the main content: ${await focused(page)}`);
    } finally {
      await context.close();
    }
  });

  test("every element Tab reaches shows where the focus is", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ viewport: WIDE, colorScheme });
      try {
        const page = await context.newPage();
        await page.goto(site.url("/ways-of-working/writing-docs/"));
        await page.waitForLoadState("load");
        const unseen: string[] = [];
        let count = 0;
        for (let i = 0; i < 80; i++) {
          await page.keyboard.press("Tab");
          const style = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement | null;
            if (!el || el === document.body) return undefined;
            const s = getComputedStyle(el);
            return { visible: el.matches(":focus-visible"), outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
          });
          if (!style) break;
          count++;
          const shows = style.visible && ((style.outline !== "none" && style.width > 0) || style.shadow !== "none");
          if (!shows) unseen.push(`${await focused(page)}: outline ${style.outline} ${style.width}px, box-shadow ${style.shadow}`);
        }
        assert.ok(count > 20, `${count} stops`);
        assert.deepEqual(unseen, [], colorScheme);
      } finally {
        await context.close();
      }
    }
  });

  test("the search button is reached by Tab and opens search with Enter; Escape returns to it", async () => {
    const { context, page } = await open("/teams/");
    try {
      await tabTo(page, "button.search-button");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => (document.querySelector("dialog.search-dialog") as HTMLDialogElement).open);
      assert.equal(await page.evaluate(() => document.activeElement?.id), "search-input");
      await page.keyboard.type("incident");
      await page.locator(".search-result").first().waitFor();
      const chosen = () => page.evaluate(() => document.querySelector("#search-input")?.getAttribute("aria-activedescendant"));
      const first = await chosen();
      assert.ok(first, "the first result is chosen");
      await page.keyboard.press("ArrowDown");
      assert.notEqual(await chosen(), first, "ArrowDown chooses the next result");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "search-input", "while typing can go on");
      await page.keyboard.press("Escape");
      assert.equal(await page.evaluate(() => (document.querySelector("dialog.search-dialog") as HTMLDialogElement).open), false);
      assert.match(await focused(page), /^button\.search-button/);
    } finally {
      await context.close();
    }
  });

  test("a sidebar branch toggle is reached by Tab and opens and closes with Enter and Space", async () => {
    const { context, page } = await open("/teams/dev-team/ai-engineer/");
    try {
      const toggle = 'button.nav-toggle[aria-label="Policies: show or hide its pages"]';
      await tabTo(page, toggle, 120);
      await page.keyboard.press("Enter");
      await page.waitForFunction((s) => document.querySelector(s)?.getAttribute("aria-expanded") === "true", toggle);
      const children = page.locator(`${toggle} + ul a`);
      await children.first().waitFor({ state: "visible" });
      assert.ok((await children.count()) > 2);
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate((s) => document.activeElement === document.querySelector(`${s} + ul a`), toggle), true, `Tab goes on into the opened branch, not to ${await focused(page)}`);
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Space");
      await page.waitForFunction((s) => document.querySelector(s)?.getAttribute("aria-expanded") === "false", toggle);
      assert.equal(await children.first().isVisible(), false);
    } finally {
      await context.close();
    }
  });

  test("on a narrow screen the menu is reached by Tab, opens with Enter, leads into the sidebar, and Escape closes it", async () => {
    const { context, page } = await open("/teams/dev-team/ai-engineer/", NARROW);
    try {
      await tabTo(page, "a.menu-toggle", 5);
      await page.keyboard.press("Enter");
      await page.locator("#site-nav").waitFor({ state: "visible" });
      assert.equal(await page.locator("a.menu-toggle").getAttribute("aria-expanded"), "true");
      await tabTo(page, "#site-nav a", 10);
      await page.keyboard.press("Escape");
      await page.locator("#site-nav").waitFor({ state: "hidden" });
      assert.match(await focused(page), /^a\.menu-toggle/);
    } finally {
      await context.close();
    }
  });

  test("the theme toggle is reached by Tab and switches the theme with Enter", async () => {
    const { context, page } = await open("/");
    try {
      await tabTo(page, "button.theme-toggle");
      const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.keyboard.press("Enter");
      await page.waitForFunction((b) => getComputedStyle(document.body).backgroundColor !== b, before);
      assert.equal(await page.locator("button.theme-toggle").getAttribute("aria-pressed"), "true");
    } finally {
      await context.close();
    }
  });
});
