// The accessibility gate: axe-core finds nothing on any page type at 390, 1280 and 1920 px, light and dark, with the
// menu open and closed and the search dialog open and closed; the theme chosen with the toggle shows exactly the
// colours of the same theme chosen by the system; and the site works from the keyboard alone.
//
// Kept cheap (an axe run costs 0.3 to 1.6 s of CPU, a new context a renderer process): one page per screen visits
// every page type, then opens the menu and the search dialog; in each state the full rule set runs in the light theme,
// then the page is switched to the dark scheme (emulateMedia, exactly what the system's choice changes) and only the
// rules that depend on colours run again.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { sharedPage, type SharedPage } from "../helpers/browser.ts";
import {
  chooseTheme,
  colourDifferences,
  COLOUR_RULES,
  coloursOf,
  runAxe,
  serveHandbook,
  THEME_MODES,
  type Colours,
  type ServedHandbook,
  type ThemeMode,
} from "../helpers/gates.ts";

const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 390, height: 844 };

/** The screens checked; the menu is a drawer on the phone only (wider, the sidebar is always shown). */
const SCREENS = [
  { name: "phone", viewport: NARROW, menu: true },
  { name: "laptop", viewport: { width: 1280, height: 800 }, menu: false },
  { name: "wide screen", viewport: { width: 1920, height: 1080 }, menu: false },
] as const;
type Screen = (typeof SCREENS)[number];

/** The themes chosen with the toggle: the same colours as the system's, on every page; the laptop checks them. */
const TOGGLED = THEME_MODES.filter((mode) => mode.toggledTo);

let served: ServedHandbook | undefined;
before(async () => (served = await serveHandbook()));
after(async () => served?.close());

describe("axe-core finds no violations", () => {
  /**
   * One screen on one page: every page type, then the menu opened with a branch opened from nav.json (phone), then
   * the search dialog showing results and filters; each in light (all rules) and dark (colour rules). `colours`, when
   * given, receives each state's Colours in both themes, as `light <state>` and `dark <state>`.
   */
  async function check(page: Page, screen: Screen, colours?: Map<string, Colours>): Promise<string[]> {
    const { site, pageTypes } = served!;
    const found: string[] = [];
    const inBothThemes = async (what: string) => {
      found.push(...(await runAxe(page)).map((v) => `light, ${what}: ${v}`));
      if (colours) colours.set(`light ${what}`, await coloursOf(page));
      await page.emulateMedia({ colorScheme: "dark" });
      found.push(...(await runAxe(page, COLOUR_RULES)).map((v) => `dark, ${what}: ${v}`));
      if (colours) colours.set(`dark ${what}`, await coloursOf(page));
      await page.emulateMedia({ colorScheme: "light" });
    };
    for (const type of pageTypes) {
      const response = await page.goto(site.url(type.url));
      assert.equal(response?.status(), 200, type.url);
      await inBothThemes(`${type.name} ${type.url}`);
    }
    await page.goto(site.url("/teams/dev-team/ai-engineer/"));
    if (screen.menu) await withMenuOpen(page, () => inBothThemes("menu open"));
    await withSearchOpen(page, () => inBothThemes("search open"));
    return found;
  }

  /**
   * Chooses `mode`'s theme with the toggle, then visits every page type and opens search: each page keeps the choice
   * and shows exactly the colours (`system`, from check) of the same theme chosen by the system, so axe's colour
   * rules, run there, give the same verdict. Returns where the colours differ.
   */
  async function checkToggled(page: Page, mode: ThemeMode, system: Map<string, Colours>): Promise<string[]> {
    const { site, pageTypes } = served!;
    const differences: string[] = [];
    const compare = async (what: string) =>
      differences.push(...colourDifferences(await coloursOf(page), system.get(`${mode.toggledTo} ${what}`)!).map((d) => `${mode.name}, ${what}: ${d}`));
    await page.emulateMedia({ colorScheme: mode.colorScheme });
    await page.goto(site.url("/"));
    await chooseTheme(page, mode);
    // Where the pointer was for `system`: over nothing that changes on hover.
    await page.mouse.move(0, 0);
    for (const type of pageTypes) {
      await page.goto(site.url(type.url));
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), mode.toggledTo, `${type.url} keeps the chosen theme`);
      await compare(`${type.name} ${type.url}`);
    }
    await page.goto(site.url("/teams/dev-team/ai-engineer/"));
    await withSearchOpen(page, () => compare("search open"));
    return differences;
  }

  for (const screen of SCREENS) {
    const states = `menu ${screen.menu ? "open and closed" : "(a drawer on phones only)"}, search open and closed`;
    const toggled = screen.name === "laptop" ? `; ${TOGGLED.map((m) => m.name).join("; ")}: the system's colours, on every page` : "";
    test(`${screen.name} (${screen.viewport.width} px), every page type, ${states}: light, all rules; dark, colour rules${toggled}`, async () => {
      const context = await served!.browser.newContext({ viewport: screen.viewport, colorScheme: "light", reducedMotion: "reduce", bypassCSP: true });
      try {
        const page = await context.newPage();
        await page.mouse.move(0, 0);
        const colours = toggled ? new Map<string, Colours>() : undefined;
        assert.deepEqual(await check(page, screen, colours), []);
        for (const mode of colours ? TOGGLED : []) assert.deepEqual(await checkToggled(page, mode, colours!), []);
      } finally {
        await context.close();
      }
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
  let reader: SharedPage;
  before(async () => (reader = await sharedPage(served!.browser, { viewport: WIDE })));
  after(async () => reader?.close());

  /** A fresh document of `url` in the shared page (see sharedPage), at `viewport`. */
  async function open(url: string, viewport = WIDE, colorScheme: "light" | "dark" = "light"): Promise<{ page: Page }> {
    await reader.open(served!.site.url(url), { viewport, colorScheme });
    return { page: reader.page };
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
    const { page } = await open("/teams/dev-team/ai-engineer/");
    await page.keyboard.press("Tab");
    assert.equal(await focused(page), 'a.skip-link "Skip to content"');
    const box = await page.locator("a.skip-link").boundingBox();
    assert.ok(box && box.width > 20 && box.height > 10 && box.y >= 0 && box.x >= 0, `the focused skip link is on screen: ${JSON.stringify(box)}`);
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main-content");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => !!document.activeElement?.closest("main")), true, `the next Tab stays in the main content: ${await focused(page)}`);
  });

  test("every element Tab reaches shows where the focus is", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const { page } = await open("/ways-of-working/writing-docs/", WIDE, colorScheme);
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
    }
  });

  test("the search button is reached by Tab and opens search with Enter; Escape returns to it", async () => {
    const { page } = await open("/teams/");
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
  });

  test("a sidebar branch toggle is reached by Tab and opens and closes with Enter and Space", async () => {
    const { page } = await open("/teams/dev-team/ai-engineer/");
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
  });

  test("on a narrow screen the menu is reached by Tab, opens with Enter, leads into the sidebar, and Escape closes it", async () => {
    const { page } = await open("/teams/dev-team/ai-engineer/", NARROW);
    await tabTo(page, "a.menu-toggle", 5);
    await page.keyboard.press("Enter");
    await page.locator("#site-nav").waitFor({ state: "visible" });
    assert.equal(await page.locator("a.menu-toggle").getAttribute("aria-expanded"), "true");
    await tabTo(page, "#site-nav a", 10);
    await page.keyboard.press("Escape");
    await page.locator("#site-nav").waitFor({ state: "hidden" });
    assert.match(await focused(page), /^a\.menu-toggle/);
  });

  test("the theme toggle is reached by Tab and switches the theme with Enter", async () => {
    const { page } = await open("/");
    await tabTo(page, "button.theme-toggle");
    const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.keyboard.press("Enter");
    await page.waitForFunction((b) => getComputedStyle(document.body).backgroundColor !== b, before);
    assert.equal(await page.locator("button.theme-toggle").getAttribute("aria-pressed"), "true");
  });
});
