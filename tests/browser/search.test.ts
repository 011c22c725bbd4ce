import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page, Request } from "playwright-core";
import { launchBrowser, serveStatic, sharedPage, type SharedPage } from "../helpers/browser.ts";
import { sharedBuild, fixture, loadPage, projectDir } from "../helpers/site.ts";

/** The strictest policy Pagefind runs under: nothing inline, nothing from elsewhere; WebAssembly allowed. */
const CSP = "default-src 'self' 'wasm-unsafe-eval'";

type Site = Awaited<ReturnType<typeof serveStatic>>;
type OpenOptions = Parameters<SharedPage["open"]>[1];

let browser: Browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

/**
 * Builds a content folder with search and serves it (under `prefix`) with the CSP header; `reader` is the page the
 * describe's tests share (sharedPage), at 1280 × 900, whose `problems` collects CSP violations and script errors.
 */
async function buildAndServe(
  contentDir: string,
  prefix = "/",
): Promise<{ site: Site; outDir: string; reader: SharedPage }> {
  const extra = prefix === "/" ? [] : ["--path-prefix", prefix];
  const result = await sharedBuild(contentDir, extra);
  assert.equal(result.code, 0, result.stderr);
  return {
    site: await serveStatic(result.outDir, prefix, { "content-security-policy": CSP }),
    outDir: result.outDir,
    reader: await sharedPage(browser, { viewport: { width: 1280, height: 900 } }),
  };
}

/** Opens the dialog with Ctrl+K, types `term` and waits until the results for it are drawn. */
/** Holds back the files matching `pattern` (a slow connection) until the returned function is called. */
async function holdBack(page: Page, pattern: string): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  return release;
}

async function search(page: Page, term: string): Promise<void> {
  if (!(await page.locator("dialog.search-dialog").evaluate((d: HTMLDialogElement) => d.open)))
    await page.keyboard.press("Control+K");
  await page.locator("#search-input").fill(term);
  await waitForResults(page, term);
}

/** Waits until the status line reports the results for `term` (after any filter). */
async function waitForResults(page: Page, term: string, within?: string): Promise<void> {
  await page.waitForFunction(
    ([t, w]) => {
      const status = document.querySelector("#search-status")?.textContent ?? "";
      const list = document.querySelector("#search-results");
      return (
        list?.getAttribute("aria-busy") === "false" &&
        status.endsWith(`for “${t}”${w ? ` in ${w}` : ""}`)
      );
    },
    [term, within] as const,
  );
}

/** Opens the filters under the status line ("Filters" appears once a search has results). */
async function openFilters(page: Page): Promise<void> {
  const toggle = page.locator(".search-filters-toggle");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
}

/** The drawn results: href, title and path of each. */
function results(page: Page): Promise<Array<{ href: string; title: string; path: string }>> {
  return page.$$eval(".search-result", (items) =>
    items.map((item) => ({
      href: item.querySelector(".search-result-link")?.getAttribute("href") ?? "",
      title: item.querySelector(".search-result-title")?.textContent ?? "",
      path: item.querySelector(".search-result-path")?.textContent ?? "",
    })),
  );
}

/** The href of the result the field's arrow keys have chosen (aria-activedescendant). */
const chosen = (page: Page) =>
  page.evaluate(() => {
    const id = document.querySelector("#search-input")?.getAttribute("aria-activedescendant");
    return id ? (document.getElementById(id)?.getAttribute("href") ?? null) : null;
  });

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el
      ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className ? `.${String(el.className).split(" ")[0]}` : ""}`
      : "";
  });

const dialogOpen = (page: Page) =>
  page.locator("dialog.search-dialog").evaluate((d: HTMLDialogElement) => d.open);

describe("search over the handbook", () => {
  let site: Site;
  let reader: SharedPage;
  before(async () => {
    ({ site, reader } = await buildAndServe(path.join(projectDir, "content")));
  });
  after(async () => {
    await reader?.close();
    await site?.close();
  });
  /** A fresh document of the site in the shared page, and what goes wrong in it. */
  const open = async (url: string, options?: OpenOptions) => (await reader.open(site.url(url), options), reader);

  test("without JavaScript there is no search button", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url("/teams/"));
    assert.equal(await page.locator(".search-button").count(), 1);
    assert.equal(await page.locator(".search-button").isVisible(), false);
    await context.close();
  });

  test("the search button opens the dialog with focus in the search field", async () => {
    const { page } = await open("/teams/");
    await page.locator(".search-button").click();
    assert.equal(await dialogOpen(page), true);
    assert.equal(await focused(page), "input#search-input.search-input");
  });

  test("Control+K opens the dialog with focus in the search field", async () => {
    const { page } = await open("/teams/");
    assert.equal(await dialogOpen(page), false);
    await page.keyboard.press("Control+K");
    assert.equal(await dialogOpen(page), true);
    assert.equal(await focused(page), "input#search-input.search-input");
  });

  test('"/" opens the dialog, and is typed as text once in the field', async () => {
    const { page } = await open("/teams/");
    await page.keyboard.press("/");
    assert.equal(await dialogOpen(page), true);
    assert.equal(await focused(page), "input#search-input.search-input");
    await page.keyboard.type("ci/cd");
    assert.equal(await page.locator("#search-input").inputValue(), "ci/cd");
  });

  test("Escape closes the dialog and returns focus to where it was, even with text typed on a slow connection", async () => {
    const { page, problems } = await open("/teams/");
    // Pagefind's script is held back until the end, so the field handles Escape on its own.
    const release = await holdBack(page, "**/pagefind/pagefind.js");
    await page.locator(".site-title").focus();
    await page.keyboard.press("Control+K");
    await page.keyboard.type("pytorch");
    await page.keyboard.press("Escape");
    assert.equal(await dialogOpen(page), false);
    assert.equal(await focused(page), "a.site-title");
    release();
    await page.locator(".search-button").click();
    await waitForResults(page, "pytorch");
    await page.keyboard.press("Escape");
    assert.equal(await dialogOpen(page), false);
    assert.equal(await focused(page), "button.search-button");
    assert.deepEqual(problems, []);
  });

  test("what is typed while search loads is searched once typing pauses, not by its first letters", async () => {
    const { page, problems } = await open("/");
    const release = await holdBack(page, "**/pagefind/pagefind.js");
    await page.evaluate(() => {
      // Every status line the dialog shows, to see what it ever reported results for.
      const status = document.querySelector("#search-status")!;
      const seen: string[] = [];
      (window as unknown as { statusesSeen: string[] }).statusesSeen = seen;
      new MutationObserver(() => seen.push(status.textContent ?? "")).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.keyboard.press("Control+K");
    await page.keyboard.type("pyt");
    // The reader pauses long enough for a search to start, still waiting for Pagefind, then goes on typing.
    await page.waitForFunction(() => document.querySelector("#search-results")?.getAttribute("aria-busy") === "true");
    await page.keyboard.type("orch");
    release();
    await waitForResults(page, "pytorch");
    const seen = await page.evaluate(() => (window as unknown as { statusesSeen: string[] }).statusesSeen);
    assert.deepEqual(
      seen.filter((text) => text !== "" && !text.endsWith("for “pytorch”")),
      [],
    );
    assert.deepEqual(problems, []);
  });

  test("`ai engineer` finds the AI Engineer page first, with its path and the match highlighted", async () => {
    const { page } = await open("/");
    await search(page, "ai engineer");
    const [first] = await results(page);
    assert.deepEqual(first, {
      href: "/teams/dev-team/ai-engineer/",
      title: "AI (Artificial Intelligence) Engineer",
      path: "Teams › Dev Team",
    });
    const marks = await page
      .locator(".search-result")
      .first()
      .locator(".search-result-excerpt mark")
      .allTextContents();
    assert.ok(
      marks.some((m) => /engineer/i.test(m)),
      `highlighted: ${marks.join(", ")}`,
    );
  });

  test("`pytorch` has the AI Engineer page among the first five results", async () => {
    const { page } = await open("/");
    await search(page, "pytorch");
    const hrefs = (await results(page)).slice(0, 5).map((r) => r.href);
    assert.ok(hrefs.includes("/teams/dev-team/ai-engineer/"), hrefs.join(", "));
  });

  test("the first result is chosen; ArrowDown and ArrowUp choose others while the field keeps focus; Enter follows the chosen one", async () => {
    const { page } = await open("/");
    await search(page, "pytorch");
    const links = await page.$$eval('#search-results [role="option"]', (as) =>
      as.map((a) => a.getAttribute("href")),
    );
    assert.ok(links.length >= 3);
    assert.equal(await chosen(page), links[0], "the first result is chosen as results arrive");
    assert.equal(await page.locator('[aria-selected="true"]').count(), 1);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    assert.equal(await chosen(page), links[2]);
    await page.keyboard.press("ArrowUp");
    assert.equal(await chosen(page), links[1]);
    assert.equal(await focused(page), "input#search-input.search-input", "typing can go on");
    await Promise.all([page.waitForURL(site.url(links[1]!)), page.keyboard.press("Enter")]);
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).hash, links[1]);
  });

  test("Enter pressed right after typing, before the results arrive, opens the first result when they do", async () => {
    const { page, problems } = await open("/teams/");
    const release = await holdBack(page, "**/pagefind/pagefind.js");
    await page.keyboard.press("Control+K");
    await page.keyboard.type("pytorch");
    await page.keyboard.press("Enter");
    assert.equal(await dialogOpen(page), true, "nothing to open yet");
    release();
    await page.waitForURL(site.url("/tools/pytorch/"));
    assert.equal(await page.locator("article h1").textContent(), "PyTorch");
    assert.deepEqual(problems, []);
  });

  test("every result says what it is and, for a team's page, which team; the keys are listed at the foot", async () => {
    const { page } = await open("/");
    await search(page, "engineer");
    const about = await page.$$eval(".search-result", (items) =>
      items.map((item) => ({
        kind: item.querySelector(".search-result-kind")?.textContent ?? "",
        where: item.querySelector(".search-result-about")?.textContent ?? "",
        href: item.querySelector(".search-result-link")?.getAttribute("href") ?? "",
      })),
    );
    assert.ok(about.length > 5);
    for (const result of about) assert.match(result.kind, /^\p{Lu}\p{Ll}+/u, `${result.href} says what it is`);
    const roles = about.filter((r) => r.kind === "Role");
    assert.ok(roles.length > 0);
    for (const role of roles) assert.match(role.where, /(Dev|Data|Design|Product|Platform|People)\b[^›]*Team|Operations|Security/, role.href);
    assert.equal(await page.locator(".search-keys").isVisible(), true);
    assert.match((await page.locator(".search-keys").textContent()) ?? "", /↑ ↓ to choose.*↵ to open.*Esc to close/);
  });

  test("highlights are whole words without their punctuation, and the first one is on the excerpt's first line", async () => {
    const { page } = await open("/");
    await search(page, "pytorch");
    const excerpts = await page.$$eval(".search-result-excerpt", (paragraphs) =>
      paragraphs.map((p) => {
        const mark = p.querySelector("mark");
        const line = parseFloat(getComputedStyle(p).lineHeight);
        return {
          text: p.textContent ?? "",
          mark: mark?.textContent ?? null,
          firstLine: mark ? mark.getBoundingClientRect().top - p.getBoundingClientRect().top < line : null,
        };
      }),
    );
    const marked = excerpts.filter((e) => e.mark !== null);
    assert.ok(marked.length >= excerpts.length - 1, `${marked.length} of ${excerpts.length} excerpts show a highlight`);
    for (const e of marked) {
      assert.equal(e.mark, "PyTorch", e.text);
      assert.equal(e.firstLine, true, `the highlight is on the first line: ${e.text}`);
    }
  });

  test("a word that matches nothing says so and what to try, instead of showing an unrelated page", async () => {
    const { page } = await open("/");
    await search(page, "xqzzy");
    assert.deepEqual(await results(page), []);
    assert.equal(await page.locator("#search-status").textContent(), "No results for “xqzzy”");
    const empty = page.locator(".search-empty");
    assert.equal(await empty.isVisible(), true);
    assert.match((await empty.textContent()) ?? "", /spelling.*fewer words/s);
    assert.equal(await page.locator(".search-filters-toggle").isVisible(), false);
    await page.locator("#search-input").fill("pytorch");
    await waitForResults(page, "pytorch");
    assert.equal(await empty.isVisible(), false);
  });

  test("in the dark theme the dialog is lighter than the page, over a backdrop that dims it", async () => {
    const { page } = await open("/", { colorScheme: "dark" });
    await page.keyboard.press("Control+K");
    const css = await page.evaluate(() => {
      const dialog = document.querySelector("dialog.search-dialog")!;
      return [
        getComputedStyle(document.body).backgroundColor,
        getComputedStyle(dialog).backgroundColor,
        getComputedStyle(dialog, "::backdrop").backgroundColor,
      ];
    });
    const [pageColour, dialog, backdrop] = css.map((colour) => (colour.match(/[\d.]+/g) ?? []).map(Number));
    const colours = { page: pageColour!, dialog: dialog!, backdrop: backdrop! };
    const light = (c: number[]) => c[0]! + c[1]! + c[2]!;
    assert.ok(light(colours.dialog) > light(colours.page) + 15, `dialog ${colours.dialog} over page ${colours.page}`);
    assert.ok((colours.backdrop[3] ?? 1) >= 0.6, `backdrop ${colours.backdrop}`);
  });

  test("the 404 page offers search, filled with the words of the address that was not found", async () => {
    // The test server answers a missing address with /404.html, as a static host does.
    const { page } = await open("/pytorch/", { viewport: { width: 390, height: 844 } });
    const field = page.getByRole("searchbox", { name: "Search the handbook for the page" });
    assert.equal(await field.inputValue(), "pytorch");
    await page.locator(".not-found-search").getByRole("button", { name: "Search" }).click();
    await waitForResults(page, "pytorch");
    assert.ok((await results(page)).some((r) => r.href === "/tools/pytorch/"));
    // On a phone the dialog closes with a visible Cancel.
    await page.getByRole("button", { name: "Cancel" }).click();
    assert.equal(await dialogOpen(page), false);
  });

  test("a team filter leaves only that team's pages, as many as its count said", async () => {
    const { page } = await open("/");
    await search(page, "engineer");
    const before = await results(page);
    assert.ok(
      before.some((r) => !r.href.startsWith("/teams/data/")),
      "other teams match before filtering",
    );
    await openFilters(page);
    const pill = page.locator('.search-filter[data-filter="team"] .search-pill', {
      hasText: "Data Team",
    });
    const count = Number(await pill.locator(".search-pill-count").textContent());
    assert.ok(count > 0);
    await pill.click();
    await waitForResults(page, "engineer", "Data Team");
    while (await page.locator(".search-more").isVisible())
      await page.locator(".search-more").click();
    const after = await results(page);
    assert.equal(after.length, count);
    for (const r of after)
      assert.ok(r.href.startsWith("/teams/data/"), `${r.href} is not in the Data Team`);
    assert.equal(await pill.getAttribute("aria-pressed"), "true");
    // Closed, the filters still apply, and their button says one is chosen.
    await page.locator(".search-filters-toggle").click();
    assert.equal(await page.locator("#search-filters").isVisible(), false);
    assert.equal(await page.locator(".search-filters-toggle").textContent(), "Filters1 chosen");
    assert.equal(await page.locator("#search-status").textContent(), `${count} results for “engineer” in Data Team`);
  });

  test("the first query fetches no filter file; opening the filters loads them and shows counts", async () => {
    const { page, problems } = await open("/");
    const fetched: string[] = [];
    const record = (request: Request) => fetched.push(new URL(request.url()).pathname);
    page.on("request", record);
    const release = await holdBack(page, "**/*.pf_filter");
    await search(page, "engineer");
    assert.ok((await results(page)).length > 0);
    assert.ok(fetched.some((p) => p.startsWith("/pagefind/index/")), fetched.join(", "));
    assert.deepEqual(fetched.filter((p) => p.startsWith("/pagefind/filter/")), []);
    await openFilters(page);
    await page.locator(".search-filters-note", { hasText: "Loading filters…" }).waitFor();
    release();
    const pills = page.locator('.search-filter[data-filter="team"] .search-pill', { hasText: "Data Team" });
    await pills.waitFor();
    assert.ok(Number(await pills.locator(".search-pill-count").textContent()) > 0);
    assert.equal(await page.locator(".search-filters-note").isVisible(), false);
    page.off("request", record);
    assert.ok(fetched.some((p) => p.startsWith("/pagefind/filter/")));
    assert.deepEqual(problems, []);
  });

  test("opening the filters keeps the results shown, and more still follow", async () => {
    const { page, problems } = await open("/");
    await search(page, "engineer");
    await page.locator(".search-more").click();
    await page.waitForFunction(() => document.querySelectorAll(".search-result").length > 10);
    const shown = await results(page);
    await openFilters(page);
    await page.locator('.search-filter[data-filter="team"] .search-pill-count').first().waitFor();
    assert.deepEqual(await results(page), shown);
    await page.locator(".search-more").click();
    await page.waitForFunction((n) => document.querySelectorAll(".search-result").length > n, shown.length);
    assert.deepEqual((await results(page)).slice(0, shown.length), shown);
    assert.deepEqual(problems, []);
  });

  test("a kind filter leaves only role pages", async () => {
    const { page } = await open("/");
    await search(page, "security");
    await openFilters(page);
    await page
      .locator('.search-filter[data-filter="kind"] .search-pill[data-value="role"]')
      .click();
    await waitForResults(page, "security", "role");
    const found = await results(page);
    assert.ok(found.length > 0);
    const roleish = found.filter((r) => /^Teams › [^›]+$/.test(r.path));
    assert.deepEqual(roleish, found, "every result is a page directly under a team");
    assert.ok(
      !found.some((r) => r.href.startsWith("/policies/")),
      "the security policy is not a role",
    );
  });

  test("a matching heading links to its section, and that section exists on the page", async () => {
    const { page } = await open("/");
    await search(page, "pytorch");
    const ai = page.locator(".search-result", {
      has: page.locator('.search-result-link[href="/teams/dev-team/ai-engineer/"]'),
    });
    const tools = ai.locator(".search-subresult-link", {
      has: page.locator(".search-subresult-title", { hasText: /^Tools$/ }),
    });
    assert.equal(await tools.getAttribute("href"), "/teams/dev-team/ai-engineer/#tools");
    await Promise.all([
      page.waitForURL(site.url("/teams/dev-team/ai-engineer/#tools")),
      tools.click(),
    ]);
    assert.equal(await dialogOpen(page), false);
    assert.equal(await page.locator("#tools").textContent(), "Tools");
  });

  test("search runs under a Content-Security-Policy of 'self' plus 'wasm-unsafe-eval'", async () => {
    const { page, problems } = await open("/teams/dev-team/");
    await search(page, "kubernetes");
    assert.ok((await results(page)).length > 0);
    await openFilters(page);
    await page.locator('.search-filter[data-filter="team"] .search-pill').nth(1).click();
    await page.waitForFunction(() =>
      / in /.test(document.querySelector("#search-status")?.textContent ?? ""),
    );
    assert.deepEqual(problems, []);
  });
});

describe("what stays out of the index", () => {
  let site: Site;
  let outDir: string;
  let reader: SharedPage;
  before(async () => {
    ({ site, outDir, reader } = await buildAndServe(fixture("search")));
  });
  after(async () => {
    await reader?.close();
    await site?.close();
  });
  const open = async (url: string) => (await reader.open(site.url(url)), reader);

  test("a normal page's word finds it", async () => {
    const { page } = await open("/");
    await search(page, "wombatglow");
    assert.deepEqual(await results(page), [
      { href: "/visible/", title: "Visible Page: Found, Always", path: "" },
    ]);
  });

  test("a search_exclude page is never found, though it is built", async () => {
    assert.match(loadPage(outDir, "/hidden/")("article").text(), /quokkafrost/);
    const { page } = await open("/");
    await search(page, "quokkafrost");
    assert.deepEqual(await results(page), []);
    assert.equal(
      await page.locator("#search-status").textContent(),
      "No results for “quokkafrost”",
    );
  });

  test("a page without a title is never found, though it is built", async () => {
    assert.match(loadPage(outDir, "/untitled/")("article").text(), /numbatdusk/);
    const { page } = await open("/");
    await search(page, "numbatdusk");
    assert.deepEqual(await results(page), []);
  });
});

describe("search under a path prefix", () => {
  let site: Site;
  let reader: SharedPage;
  before(async () => {
    ({ site, reader } = await buildAndServe(fixture("search"), "/handbook/"));
  });
  after(async () => {
    await reader?.close();
    await site?.close();
  });
  const open = async (url: string) => (await reader.open(site.url(url)), reader);

  test("results link below /handbook/ and the bundle loads from there", async () => {
    const { page, problems } = await open("/visible/");
    await search(page, "wombatglow");
    const [first] = await results(page);
    assert.equal(first?.href, "/handbook/visible/");
    const details = page.locator(".search-subresult-link", { hasText: "Details" });
    assert.equal(await details.getAttribute("href"), "/handbook/visible/#details");
    // The filters (and the Pagefind worker that takes over with them) load from below /handbook/ too.
    await openFilters(page);
    await page.locator('.search-filter[data-filter="kind"] .search-pill-count').first().waitFor();
    assert.equal(await page.locator(".search-result-link").first().getAttribute("href"), "/handbook/visible/");
    await page.keyboard.press("Escape");
    await Promise.all([page.waitForURL(site.url("/")), page.locator(".site-title").click()]);
    await search(page, "wombatglow");
    await Promise.all([
      page.waitForURL(site.url("/visible/")),
      page.locator(".search-result-link").first().click(),
    ]);
    assert.equal(await page.locator("article h1").textContent(), "Visible Page");
    assert.deepEqual(problems, []);
  });
});
