import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import type { Locator, Page } from "playwright-core";
import { servedBuild, type PageOptions, type ServedBuild } from "../helpers/served-build.ts";
import { runAxe } from "../helpers/gates.ts";
import { projectDir, tempDir } from "../helpers/site.ts";

const AI_ENGINEER = "/teams/dev-team/ai-engineer/";
const AI_ENGINEER_TITLE = "AI (Artificial Intelligence) Engineer";
/** The Dev Team's pages in sidebar order: the AI Engineer page's open branch. */
const DEV_TEAM_ROLES = [
  "Front-End Engineer",
  "Back-End Engineer",
  "Full-Stack Engineer",
  "Mobile Engineer",
  "QA Engineer",
  "Engineering Manager",
  AI_ENGINEER_TITLE,
  "Technical Writer",
  "Staff Engineer",
];
const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 390, height: 844 };
/** How long a check waits for the page to settle (script loaded, nav.json fetched, CSS applied). */
const SETTLE_MS = 5000;

/** Waits until `locator` is visible (or hidden), then asserts it, so a failure reads as an assertion. */
async function assertVisible(locator: Locator, visible: boolean, what: string): Promise<void> {
  try {
    await locator.waitFor({ state: visible ? "visible" : "hidden", timeout: SETTLE_MS });
  } catch {
    // Fall through: the assertion below reports the state the user actually sees.
  }
  assert.equal(
    await locator.isVisible(),
    visible,
    `${what} should be ${visible ? "visible" : "hidden"}`,
  );
}

/** Waits until `locator` carries `name="value"`, then asserts it. */
async function assertAttribute(
  locator: Locator,
  name: string,
  value: string,
  what: string,
): Promise<void> {
  const read = () => locator.getAttribute(name, { timeout: 1000 }).catch(() => null);
  const deadline = Date.now() + SETTLE_MS;
  let actual = await read();
  while (actual !== value && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    actual = await read();
  }
  assert.equal(actual, value, `${what}: ${name}`);
}

/** Waits for the page to reach `pathname`, then asserts the address the user sees. */
async function assertAt(page: Page, pathname: string): Promise<void> {
  await page
    .waitForURL((url) => url.pathname === pathname, { timeout: SETTLE_MS })
    .catch(() => undefined);
  assert.equal(new URL(page.url()).pathname, pathname, "the page the browser is on");
}

/** Visible texts of the links directly under a sidebar item's own list. */
async function childLinkTexts(item: Locator): Promise<string[]> {
  return (await item.locator("xpath=./ul/li/a").allTextContents()).map((t) => t.trim());
}

/** A content folder built with `extra` and served (servedBuild), its shared page at WIDE. */
function served(content: string | (() => string), extra: string[], options: { bypassCSP?: boolean } = {}): ServedBuild {
  return servedBuild(content, extra, { viewport: WIDE, timeout: SETTLE_MS, ...options });
}

describe("navigating the built handbook in a browser", () => {
  // The handbook as the other browser tests build it, so a test run builds it once.
  const handbook = served(path.join(projectDir, "content"), []);

  const sidebarOf = (page: Page) => page.getByRole("navigation", { name: "Handbook" });
  /** The sidebar item (li) whose own link reads `title`. */
  const itemOf = (page: Page, title: string) =>
    sidebarOf(page).getByRole("link", { name: title, exact: true }).locator("xpath=..");
  const toggleOf = (page: Page, title: string) =>
    sidebarOf(page).getByRole("button", { name: `${title}: show or hide its pages`, exact: true });

  test("a deep page shows its breadcrumbs, marks itself in the sidebar and opens its branch", async () => {
    await handbook.withPage(AI_ENGINEER, { viewport: WIDE }, async (page) => {
      const crumbs = page.locator("nav.breadcrumbs li");
      assert.deepEqual(
        (await crumbs.allInnerTexts()).map((t) => t.trim()),
        ["Teams", "Dev Team", AI_ENGINEER_TITLE],
      );
      await assertVisible(crumbs.first(), true, "the breadcrumbs");

      const current = sidebarOf(page).locator('a[aria-current="page"]');
      assert.equal(await current.count(), 1, "exactly one sidebar link is the current page");
      await assertVisible(current, true, "the current page's sidebar link");
      assert.equal((await current.innerText()).trim(), AI_ENGINEER_TITLE);

      const devTeam = itemOf(page, "Dev Team");
      const children = devTeam.locator("xpath=./ul/li/a");
      assert.deepEqual(await childLinkTexts(devTeam), DEV_TEAM_ROLES);
      for (const link of await children.all())
        await assertVisible(link, true, `Dev Team child "${await link.textContent()}"`);
      await assertAttribute(
        toggleOf(page, "Dev Team"),
        "aria-expanded",
        "true",
        "the Dev Team toggle",
      );

      // Every item with pages under it, open or closed, has its toggle, and no other item has one.
      assert.deepEqual(
        await sidebarOf(page)
          .getByRole("button")
          .evaluateAll((buttons) =>
            buttons.map(
              (b) => `${b.getAttribute("aria-label")} ${b.getAttribute("aria-expanded")}`,
            ),
          ),
        [
          "Onboarding: show or hide its pages false",
          "Teams: show or hide its pages true",
          "Dev Team: show or hide its pages true",
          "Platform & Security: show or hide its pages false",
          "Data Team: show or hide its pages false",
          "Design Team: show or hide its pages false",
          "Product Team: show or hide its pages false",
          "People & Operations: show or hide its pages false",
          "Careers: show or hide its pages false",
          "Ways of Working: show or hide its pages false",
          "Policies: show or hide its pages false",
          "People: show or hide its pages false",
          // Compare Roles is under Skills & Tools.
          "Skills & Tools: show or hide its pages false",
        ],
      );
    });
  });

  test("a closed branch opens and closes in place, without leaving the page", async () => {
    await handbook.withPage(AI_ENGINEER, { viewport: WIDE }, async (page) => {
      const toggle = toggleOf(page, "Policies");
      await assertVisible(toggle, true, "the Policies toggle (revealed by the script)");
      assert.equal(await toggle.getAttribute("aria-expanded"), "false");
      const security = sidebarOf(page).getByRole("link", { name: "Security Policy", exact: true });
      await assertVisible(security, false, "Security Policy before opening Policies");

      const before = page.url();
      await toggle.click();
      await assertVisible(security, true, "Security Policy after opening Policies");
      assert.deepEqual(await childLinkTexts(itemOf(page, "Policies")), [
        "Security Policy",
        "Privacy and Data Handling",
        "Acceptable Use",
        "Expenses",
        "Travel",
        "Code of Conduct",
        "Whistleblowing",
      ]);
      await assertAttribute(toggle, "aria-expanded", "true", "the Policies toggle after opening");
      assert.equal(page.url(), before, "opening a branch does not navigate");

      await toggle.click();
      await assertVisible(security, false, "Security Policy after closing Policies");
      await assertAttribute(toggle, "aria-expanded", "false", "the Policies toggle after closing");
      assert.equal(page.url(), before, "closing a branch does not navigate");
    });
  });

  test("a branch loaded in place can itself be opened", async () => {
    await handbook.withPage("/", { viewport: WIDE }, async (page) => {
      const dataTeamLink = sidebarOf(page).getByRole("link", { name: "Data Team", exact: true });
      assert.equal(
        await dataTeamLink.count(),
        0,
        "the home page's sidebar does not carry the Teams branch",
      );

      const before = page.url();
      const teams = toggleOf(page, "Teams");
      await assertVisible(teams, true, "the Teams toggle");
      await teams.click();
      await assertVisible(dataTeamLink, true, "Data Team after opening Teams");
      await assertAttribute(teams, "aria-expanded", "true", "the Teams toggle after opening");

      const dataTeam = toggleOf(page, "Data Team");
      await assertVisible(dataTeam, true, "the Data Team toggle inside the loaded branch");
      assert.equal(await dataTeam.getAttribute("aria-expanded"), "false");
      const dataEngineer = sidebarOf(page).getByRole("link", {
        name: "Data Engineer",
        exact: true,
      });
      await assertVisible(dataEngineer, false, "Data Engineer before opening Data Team");

      await dataTeam.click();
      await assertVisible(dataEngineer, true, "Data Engineer after opening Data Team");
      await assertAttribute(
        dataTeam,
        "aria-expanded",
        "true",
        "the Data Team toggle after opening",
      );
      assert.equal(page.url(), before, "opening nested branches does not navigate");
      assert.equal(
        new URL(await dataEngineer.evaluate((a: HTMLAnchorElement) => a.href)).pathname,
        "/teams/data/data-engineer/",
      );
    });
  });

  test("on a narrow screen the Menu button shows and hides the sidebar", async () => {
    await handbook.withPage(AI_ENGINEER, { viewport: NARROW }, async (page) => {
      const sidebar = sidebarOf(page);
      await assertVisible(sidebar, false, "the sidebar on a narrow screen at first");
      const menu = page.locator("header").getByRole("button", { name: "Menu" });
      await assertVisible(menu, true, "the Menu button");
      await assertAttribute(menu, "aria-expanded", "false", "the Menu button at first");

      await menu.click();
      await assertVisible(sidebar, true, "the sidebar after pressing Menu");
      await assertVisible(
        sidebar.locator('a[aria-current="page"]'),
        true,
        "the current page's link in the opened menu",
      );
      await assertAttribute(menu, "aria-expanded", "true", "the Menu button once open");

      await page.keyboard.press("Escape");
      await assertVisible(sidebar, false, "the sidebar after Escape");
      await assertAttribute(menu, "aria-expanded", "false", "the Menu button after Escape");
    });
  });

  test("without JavaScript the Menu link still shows the sidebar on a narrow screen", async () => {
    await handbook.withPage(AI_ENGINEER, { viewport: NARROW, javaScriptEnabled: false }, async (page) => {
      const sidebar = sidebarOf(page);
      await assertVisible(sidebar, false, "the sidebar on a narrow screen at first");
      const menu = page.locator("header").getByRole("link", { name: "Menu" });
      await assertVisible(menu, true, "the Menu link");
      await menu.click();
      assert.equal(new URL(page.url()).hash, "#site-nav");
      await assertVisible(sidebar, true, "the sidebar after following Menu");
      await assertVisible(
        sidebar.locator('a[aria-current="page"]'),
        true,
        "the current page's link in the opened menu",
      );
    });
  });

  test("without JavaScript a wide screen shows no dead toggles and its sidebar links navigate", async () => {
    await handbook.withPage(AI_ENGINEER, { viewport: WIDE, javaScriptEnabled: false }, async (page) => {
      const sidebar = sidebarOf(page);
      await assertVisible(sidebar, true, "the sidebar on a wide screen");
      assert.equal(
        await sidebar.locator("button").count(),
        0,
        "no toggle without the script: it would do nothing",
      );
      assert.deepEqual(
        (await sidebar.locator("a").allInnerTexts()).map((t) => t.trim()),
        [
          "Home",
          "Onboarding",
          "Teams",
          "Dev Team",
          ...DEV_TEAM_ROLES,
          "Platform & Security",
          "Data Team",
          "Design Team",
          "Product Team",
          "People & Operations",
          "Careers",
          "Ways of Working",
          "Policies",
          "People",
          "Glossary",
          "Skills & Tools",
          "Review status",
        ],
        "the sidebar's links without the script",
      );

      await sidebar.getByRole("link", { name: "Policies", exact: true }).click();
      await assertAt(page, "/policies/");
      assert.equal((await page.locator("article h1").innerText()).trim(), "Policies");
      assert.equal(
        (await sidebarOf(page).locator('a[aria-current="page"]').innerText()).trim(),
        "Policies",
      );
    });
  });

  test("Next and Previous walk the pages in sidebar order", async () => {
    await handbook.withPage(AI_ENGINEER, { viewport: WIDE }, async (page) => {
      const pager = () => page.getByRole("navigation", { name: "Previous and next pages" });
      const next = pager().getByRole("link", { name: /^Next/ });
      await assertVisible(next, true, "the Next link");
      await next.click();
      await assertAt(page, "/teams/dev-team/technical-writer/");
      assert.equal((await page.locator("article h1").innerText()).trim(), "Technical Writer");

      const previous = pager().getByRole("link", { name: /^Previous/ });
      await assertVisible(previous, true, "the Previous link");
      assert.match(
        await previous.innerText(),
        new RegExp(AI_ENGINEER_TITLE.replace(/[()]/g, "\\$&")),
      );
      await previous.click();
      await assertAt(page, AI_ENGINEER);
      assert.equal((await page.locator("article h1").innerText()).trim(), AI_ENGINEER_TITLE);
    });
  });
});

describe("a long list in the sidebar of a built handbook", () => {
  const ROLES = 120;
  const role = (i: number) => `Role ${String(i).padStart(3, "0")}`;
  const ROLE_70 = "/team/r070/";
  let content = "";
  before(() => {
    content = path.join(tempDir(), "content");
    fs.mkdirSync(path.join(content, "team"), { recursive: true });
    fs.writeFileSync(path.join(content, "index.md"), "---\ntitle: Home\nnav_order: 1\n---\n# Home\n");
    fs.writeFileSync(path.join(content, "team", "index.md"), "---\ntitle: Team\nnav_order: 2\n---\n# Team\n");
    for (let i = 0; i < ROLES; i++) {
      const file = path.join(content, "team", `r${String(i).padStart(3, "0")}.md`);
      fs.writeFileSync(file, `---\ntitle: ${role(i)}\nparent: Team\nnav_order: ${i}\n---\n# ${role(i)}\n`);
    }
  });
  // axe is added from another origin, so the context bypasses the CSP.
  const site = served(() => content, ["--no-search"], { bypassCSP: true });
  const open = (options: PageOptions, fn: (page: Page) => Promise<void>) => site.withPage(ROLE_70, options, fn);
  const teamList = (page: Page) =>
    page.getByRole("navigation", { name: "Handbook" }).getByRole("link", { name: "Team", exact: true }).locator("xpath=../ul");

  test("without JavaScript it shows the 50 pages around the open one and links the others to the parent's list", async () => {
    await open({ javaScriptEnabled: false }, async (page) => {
      const links = (await teamList(page).locator("xpath=./li/a").allInnerTexts()).map((t) => t.trim());
      assert.deepEqual(links, ["45 more pages", ...Array.from({ length: 50 }, (_, i) => role(45 + i)), "25 more pages"]);
      assert.equal((await teamList(page).locator('a[aria-current="page"]').innerText()).trim(), role(70));

      await teamList(page).getByRole("link", { name: "25 more pages" }).click();
      await assertAt(page, "/team/");
      const list = page.getByRole("region", { name: "In this section" }).getByRole("link");
      assert.equal(await list.count(), ROLES, "the Team page lists every role");
      await assertVisible(page.locator("#child-pages-title"), true, "the list's heading, scrolled to");
    });
  });

  test("with JavaScript \"Show 25 more pages\" shows every page in place, moves focus to the first one added, and passes axe (dark theme)", async () => {
    await open({ colorScheme: "dark" }, async (page) => {
      const more = teamList(page).getByRole("button", { name: "Show 25 more pages" });
      await assertVisible(more, true, "the button the script makes of the link");
      assert.deepEqual(await runAxe(page), [], "before showing the pages");
      const before = page.url();
      await more.focus();
      await page.keyboard.press("Enter");
      await assertVisible(teamList(page).getByRole("link", { name: role(119), exact: true }), true, "the last role");
      const links = (await teamList(page).locator("xpath=./li/a").allInnerTexts()).map((t) => t.trim());
      assert.deepEqual(links, Array.from({ length: ROLES }, (_, i) => role(i)), "every role, in order, once");
      assert.equal(await teamList(page).getByRole("button").count(), 0, "no \"more\" button is left");
      assert.equal(page.url(), before, "showing the pages does not navigate");
      assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), role(95));
      assert.equal((await teamList(page).locator('a[aria-current="page"]').innerText()).trim(), role(70));
      assert.deepEqual(await runAxe(page), [], "after showing them");
    });
  });

  test("with JavaScript the \"more\" button above the shown pages moves focus to the first page of the list", async () => {
    await open({}, async (page) => {
      await assertVisible(teamList(page).getByRole("button", { name: "Show 45 more pages" }), true, "the button");
      assert.deepEqual(await runAxe(page), [], "in the light theme");
      await teamList(page).getByRole("button", { name: "Show 45 more pages" }).click();
      await assertVisible(teamList(page).getByRole("link", { name: role(0), exact: true }), true, "the first role");
      assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), role(0));
      assert.equal(await teamList(page).locator("xpath=./li").count(), ROLES);
    });
  });
});
