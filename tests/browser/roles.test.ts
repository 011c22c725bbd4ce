// What a reader does with the roles in a browser: filters the Skills & Tools directory, compares two roles, follows a
// name's link from a role page, and finds a name's page (by its alias too) and the company's page for their own word.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, beforeEach, describe, test } from "node:test";
import type { Page } from "playwright-core";
import type { RolesJson } from "../../src/roles/roles-json.ts";
import { COLOUR_RULES, runAxe } from "../helpers/gates.ts";
import { servedBuild } from "../helpers/served-build.ts";
import { projectDir } from "../helpers/site.ts";

/** The texts of the directory's names a reader can see. */
const shownNames = (page: Page) => page.$$eval(".name-item:not([hidden]) .name-link", (links) => links.map((a) => a.textContent ?? ""));

describe("the roles in a browser", () => {
  // axe is added from another origin, so the context bypasses the CSP (the CSP has its own gate).
  const served = servedBuild(path.join(projectDir, "content"), [], {
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
  });
  const site = { url: (url: string) => served.server.url(url) };
  let json: RolesJson;
  let page: Page;
  before(() => {
    json = JSON.parse(fs.readFileSync(path.join(served.outDir, "roles.json"), "utf8")) as RolesJson;
    page = served.reader.page;
  });
  // Each test starts from the shared page reset (sharedPage): light, 1280 × 900, nothing stored.
  beforeEach(() => served.reader.reset());

  test("the directory's filter narrows both lists as the reader types, aliases included, and empties letters it hides", async () => {
    await page.goto(site.url("/skills-and-tools/"));
    const all = (await shownNames(page)).length;
    const filter = page.getByLabel("Filter tools and skills");
    await filter.fill("k8s");
    await page.waitForFunction(() => document.querySelector(".directory-filter-status")?.textContent?.includes("“k8s”"));
    // Kubernetes is a tool and a skill: one page, listed in both lists.
    assert.deepEqual(await shownNames(page), ["Kubernetes", "Kubernetes"]);
    assert.deepEqual(await page.$$eval("[data-letter-group]:not([hidden]) .letter-heading", (h) => h.map((e) => e.textContent)), ["K", "K"]);
    assert.equal(await page.locator(".directory-filter-status").textContent(), "Showing 1 tool and 1 skill matching “k8s”.");
    await filter.fill("python");
    await page.waitForFunction(() => document.querySelector(".directory-filter-status")?.textContent?.includes("“python”"));
    assert.deepEqual(await shownNames(page), ["Python"]);
    assert.match((await page.locator(".directory-filter-status").textContent()) ?? "", /^Showing 0 tools and 1 skill matching “python”\.$/);
    await filter.fill("zzzz");
    await page.waitForFunction(() => document.querySelector(".directory-filter-status")?.textContent?.startsWith("No tool"));
    assert.deepEqual(await shownNames(page), []);
    await filter.fill("");
    await page.waitForFunction((n) => document.querySelectorAll(".name-item:not([hidden])").length === n, all);
    assert.ok(all > 150, `${all} names`);
  });

  test("the comparison shows what two roles share and what each needs, from /roles.json, and keeps the pair in the address", async () => {
    const [a, b] = ["/teams/dev-team/ai-engineer/", "/teams/data/machine-learning-engineer/"].map((url) => json.roles.find((r) => r.url === url)!);
    await page.goto(site.url(`/compare-roles/?a=${encodeURIComponent(a!.url)}`));
    await page.waitForSelector(".compare-result:not([hidden]) h2");
    // Linked from a role page with one role: the other picker moves to another role.
    assert.equal(await page.locator("#compare-a").inputValue(), a!.url);
    assert.notEqual(await page.locator("#compare-b").inputValue(), a!.url);

    await page.locator("#compare-b").selectOption(b!.url);
    await page.waitForFunction((t) => document.querySelector(".compare-result h2")?.textContent?.endsWith(t), b!.title);
    const groups = await page.$$eval(".compare-group", (sections) =>
      sections.map((s) => [...s.querySelectorAll(".compare-names a")].map((x) => x.textContent ?? "").sort()),
    );
    const key = (n: { name: string; kind: string }) => `${n.kind}:${n.name}`;
    const [inA, inB] = [new Set(a!.names.map(key)), new Set(b!.names.map(key))];
    assert.deepEqual(groups, [
      a!.names.filter((n) => inB.has(key(n))).map((n) => n.name).sort(),
      b!.names.filter((n) => !inA.has(key(n))).map((n) => n.name).sort(),
      a!.names.filter((n) => !inB.has(key(n))).map((n) => n.name).sort(),
    ]);
    assert.ok(groups[0]!.includes("PyTorch"), groups[0]!.join(", "));
    assert.match((await page.locator(".compare-families").textContent()) ?? "", /Engineering family.*Data family|Data family.*Engineering family/);
    const address = new URL(page.url());
    assert.deepEqual([address.searchParams.get("a"), address.searchParams.get("b")], [a!.url, b!.url]);
    // A shared name links to its page.
    await page.locator(".compare-group").first().getByRole("link", { name: "PyTorch", exact: true }).click();
    await page.waitForURL(/\/tools\/pytorch\/$/);
  });

  test("a role page links each name of its Skills and Tools to the name's page", async () => {
    await page.goto(site.url("/teams/dev-team/ai-engineer/"));
    // PyTorch is named twice: in a sentence of Skills and in Tools.
    await page.locator("article").getByRole("link", { name: "PyTorch", exact: true }).last().click();
    await page.waitForURL(/\/tools\/pytorch\/$/);
    assert.equal(await page.locator("article h1").textContent(), "PyTorch");
    assert.ok(await page.locator("article").getByRole("link", { name: "AI (Artificial Intelligence) Engineer" }).count());
  });

  test("without JavaScript the directory lists every name and the comparison page is an index of roles", async () => {
    const plain = await served.browser.newContext({ javaScriptEnabled: false });
    try {
      const p = await plain.newPage();
      await p.goto(site.url("/skills-and-tools/"));
      assert.equal(await p.locator(".directory-filter").isVisible(), false);
      // A tool that is also a skill is in both lists (with one page).
      const listed = json.roles.flatMap((r) => r.names.map((n) => `${n.kind} ${n.url}`));
      assert.equal((await shownNames(p)).length, new Set(listed).size);
      await p.goto(site.url("/compare-roles/"));
      assert.equal(await p.locator(".compare-form").isVisible(), false);
      assert.equal(await p.locator(".compare-role-list > li").count(), json.roles.length);
    } finally {
      await plain.close();
    }
  });

  test("axe finds nothing on the filtered directory and the drawn comparison: light, all rules; dark, colour rules", async () => {
    // The ladder and the unfiltered pages are the accessibility gate's page types.
    const found: string[] = [];
    const inBothThemes = async (what: string) => {
      found.push(...(await runAxe(page)).map((v) => `light, ${what}: ${v}`));
      await page.emulateMedia({ colorScheme: "dark" });
      found.push(...(await runAxe(page, COLOUR_RULES)).map((v) => `dark, ${what}: ${v}`));
      await page.emulateMedia({ colorScheme: "light" });
    };
    await page.goto(site.url("/skills-and-tools/"));
    await page.getByLabel("Filter tools and skills").fill("data");
    await page.waitForFunction(() => document.querySelector(".directory-filter-status")?.textContent !== "");
    await inBothThemes("directory");
    await page.goto(site.url(`/compare-roles/?a=${encodeURIComponent("/teams/dev-team/ai-engineer/")}&b=${encodeURIComponent("/teams/product/product-manager/")}`));
    await page.waitForSelector(".compare-result:not([hidden]) h2");
    await inBothThemes("comparison");
    assert.deepEqual(found, []);
  });

  /** Opens the search dialog on the home page. */
  async function openSearch(): Promise<void> {
    await page.goto(site.url("/"));
    await page.keyboard.press("Control+K");
  }

  /** The hrefs of the results the open search dialog shows for `term`, in order. */
  async function search(term: string): Promise<string[]> {
    await page.locator("#search-input").fill(term);
    await page.waitForFunction(
      (t) =>
        document.querySelector("#search-results")?.getAttribute("aria-busy") === "false" &&
        (document.querySelector("#search-status")?.textContent ?? "").endsWith(`for “${t}”`),
      term,
    );
    return page.$$eval(".search-result-link", (links) => links.map((a) => a.getAttribute("href") ?? ""));
  }

  test("an alias finds its name's page first: k8s finds Kubernetes", async () => {
    await openSearch();
    assert.equal((await search("k8s"))[0], "/tools/kubernetes/");
  });

  test("a name finds its page first, then the roles that list it", async () => {
    await openSearch();
    const found = await search("Python");
    const listing = json.roles.filter((r) => r.names.some((n) => n.name === "Python")).map((r) => r.url);
    assert.equal(found[0], "/skills/python/");
    assert.deepEqual(new Set(found.slice(1, 1 + listing.length)), new Set(listing));
  });

  test("a reader's word finds the page that uses the company's word first (_data/synonyms.json)", async () => {
    const expected = {
      vacation: "/people/time-off/",
      PTO: "/people/time-off/",
      WFH: "/people/remote-work/",
      promotion: "/people/promotions/",
      laptop: "/onboarding/equipment/",
      // Words no page uses, found only through the synonyms.
      OOO: "/people/time-off/",
      appraisal: "/people/performance-reviews/",
      quit: "/people/leaving/",
      computer: "/onboarding/equipment/",
      "new starter": "/onboarding/",
      "career path": "/people/internal-mobility/",
    };
    const found: Record<string, string | undefined> = {};
    await openSearch();
    for (const term of Object.keys(expected)) found[term] = (await search(term))[0];
    assert.deepEqual(found, expected);
  });
});
