// The CSP gate in a browser: every page type, served with no headers so that only the page's own <meta> policy
// applies, runs everything it does (search with results, theme toggle, copy button, sidebar branches from nav.json,
// the narrow menu) with no Content-Security-Policy violation, no console error and no script error.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sharedPage, type SharedPage } from "../helpers/browser.ts";
import { serveHandbook, type PageType, type ServedHandbook } from "../helpers/gates.ts";

describe("the Content-Security-Policy in every page's <meta>", () => {
  let served: ServedHandbook | undefined;
  let reader: SharedPage;
  let pageTypes: PageType[] = [];

  before(async () => {
    served = await serveHandbook();
    pageTypes = served.pageTypes;
    // The copy button's test reads the clipboard.
    reader = await sharedPage(served.browser, {
      viewport: { width: 1280, height: 900 },
      permissions: ["clipboard-read", "clipboard-write"],
    });
  });

  after(async () => {
    await reader?.close();
    await served?.close();
  });

  /**
   * The tests' shared page (sharedPage), reset to `options`; its `problems` are the CSP violations, console errors and
   * script errors from then on.
   */
  async function watched(options: Parameters<SharedPage["reset"]>[0] = {}): Promise<SharedPage> {
    await reader.reset(options);
    return reader;
  }
  const site = { url: (path: string) => served!.site.url(path) };

  test("is enforced: an inline script and a style attribute added to a page are blocked and reported", async () => {
    const { page, problems } = await watched();
    await page.goto(site.url("/"));
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.inlineRan = true";
      document.body.append(script);
      const p = document.createElement("p");
      p.setAttribute("style", "color: red");
      document.body.append(p);
      return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
    });
    assert.equal(ran, false, "the inline script did not run");
    await page.waitForFunction(() => true);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
    assert.ok(problems.some((p) => /CSP violation: script-src/.test(p)), problems.join("\n"));
    assert.ok(problems.some((p) => /CSP violation: style-src/.test(p)), problems.join("\n"));
  });

  test("a frame of a file on the site, an SVG whose <script> would run beside the page, is blocked", async () => {
    const { page, problems } = await watched();
    // The SVG is served from the site's own origin, as one in the content folder would be.
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>parent.postMessage("svg script ran", "*")</script></svg>';
    await page.route("**/drawing.svg", (route) => route.fulfill({ contentType: "image/svg+xml", body: svg }));
    await page.goto(site.url("/"));
    const outcome = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          addEventListener("message", (e) => resolve(String(e.data)));
          document.addEventListener("securitypolicyviolation", (e) => resolve(`blocked by ${e.violatedDirective}`));
          const frame = document.createElement("iframe");
          frame.src = "/drawing.svg";
          document.body.append(frame);
        }),
    );
    assert.equal(outcome, "blocked by frame-src");
    assert.ok(problems.some((p) => /CSP violation: frame-src/.test(p)), problems.join("\n"));
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`every page type loads with no violation or error (${colorScheme})`, async (t) => {
      const { page, problems } = await watched({ colorScheme });
      t.diagnostic(`page types: ${pageTypes.map((type) => `${type.name} ${type.url}`).join(", ")}`);
      for (const type of pageTypes) {
        const response = await page.goto(site.url(type.url));
        assert.equal(response?.status(), 200, type.url);
        await page.waitForLoadState("load");
        assert.ok(await page.evaluate(() => getComputedStyle(document.body).fontFamily.includes("system-ui")), `${type.url}: the stylesheet applied`);
      }
      assert.deepEqual(problems, []);
    });
  }

  test("searching, filtering and opening a result run with no violation", async () => {
    const { page, problems } = await watched();
    await page.goto(site.url("/"));
    await page.keyboard.press("Control+K");
    await page.locator("#search-input").fill("kubernetes");
    await page.locator(".search-result").first().waitFor();
    await page.locator(".search-filters-toggle").click();
    const filter = page.locator(".search-filters:not([hidden]) .search-pill", { has: page.locator(".search-pill-count") }).first();
    await filter.click();
    await page.waitForFunction(() => / in /.test(document.querySelector("#search-status")?.textContent ?? ""));
    await page.locator(".search-result a").first().click();
    await page.waitForLoadState("load");
    assert.notEqual(new URL(page.url()).pathname, "/");
    assert.deepEqual(problems, []);
  });

  test("the theme toggle, the copy button, a sidebar branch and the narrow menu run with no violation", async () => {
    const { page, problems } = await watched({ viewport: { width: 390, height: 844 } });
    await page.goto(site.url("/ways-of-working/writing-docs/"));
    await page.locator("button.theme-toggle").click();
    await page.waitForFunction(() => document.documentElement.dataset.theme !== undefined);
    await page.reload();
    await page.waitForLoadState("load");
    const copy = page.locator("button.copy-code").first();
    await copy.click();
    const code = await page.locator(".code-block pre").first().textContent();
    assert.equal((await page.evaluate(() => navigator.clipboard.readText())).trim(), code?.trim(), "the copy button copied the code");
    await page.locator("a.menu-toggle").click();
    await page.getByRole("button", { name: "Teams: show or hide its pages" }).click();
    await page.locator('button[aria-label="Teams: show or hide its pages"] + ul a').first().waitFor();
    assert.deepEqual(problems, []);
  });
});
