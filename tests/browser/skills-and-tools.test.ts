import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { servedBuild } from "../helpers/served-build.ts";
import { projectDir } from "../helpers/site.ts";

/** Waits until the status line reports the results for `term` (within the chosen filter values, if any). */
async function waitForResults(page: Page, term: string, within?: string): Promise<void> {
  await page.waitForFunction(
    ([t, w]) => {
      const status = document.querySelector("#search-status")?.textContent ?? "";
      const list = document.querySelector("#search-results");
      return list?.getAttribute("aria-busy") === "false" && status.endsWith(`for “${t}”${w ? ` in ${w}` : ""}`);
    },
    [term, within] as const,
  );
}

/** The href of every result, after showing them all. */
async function allResults(page: Page): Promise<string[]> {
  while (await page.locator(".search-more").isVisible()) {
    const before = await page.locator(".search-result").count();
    await page.locator(".search-more").click();
    await page.waitForFunction((n) => document.querySelectorAll(".search-result").length > n, before);
  }
  return page.$$eval(".search-result-link", (links) => links.map((a) => a.getAttribute("href") ?? ""));
}

describe("searching the handbook by tool and skill", () => {
  const served = servedBuild(path.join(projectDir, "content"), [], { viewport: { width: 1280, height: 900 } });
  let roles: Array<{ title: string; url: string; tools: string[]; skills: string[] }>;
  before(() => {
    roles = (JSON.parse(fs.readFileSync(path.join(served.outDir, "roles.json"), "utf8")) as { roles: typeof roles }).roles;
  });

  /** The home page, fresh, in the page the tests share (sharedPage). */
  async function home(): Promise<Page> {
    await served.reader.open(served.server.url("/"));
    return served.reader.page;
  }

  test("`engineer` with the PyTorch tool filter: every result is a role that lists PyTorch, or the PyTorch page", async () => {
    const page = await home();
    await page.keyboard.press("Control+K");
    await page.locator("#search-input").fill("engineer");
    await waitForResults(page, "engineer");
    const unfiltered = await allResults(page);

    await page.locator(".search-filters-toggle").click();
    const select = page.getByRole("combobox", { name: "Filter by tool" });
    const option = await select.locator("option", { hasText: /^PyTorch \(\d+\)$/ }).textContent();
    await select.selectOption("PyTorch");
    await waitForResults(page, "engineer", "PyTorch");
    const filtered = await allResults(page);

    const withPyTorch = new Set(roles.filter((r) => r.tools.includes("PyTorch")).map((r) => r.url));
    assert.ok(filtered.length > 0 && filtered.length < unfiltered.length, `${filtered.length} of ${unfiltered.length}`);
    for (const href of filtered) assert.ok(withPyTorch.has(href) || href === "/tools/pytorch/", `${href} does not list PyTorch`);
    assert.ok(filtered.includes("/teams/dev-team/ai-engineer/"), filtered.join(", "));
    // The count the option showed is the number of results the filter gives.
    assert.equal(option, `PyTorch (${filtered.length})`);

    // "Any tool" takes the filter off again.
    await select.selectOption("");
    await waitForResults(page, "engineer");
    assert.equal((await allResults(page)).length, unfiltered.length);
  });

  test("`PyTorch` finds the PyTorch tool page first, and every role that lists it", async () => {
    const page = await home();
    await page.keyboard.press("Control+K");
    await page.locator("#search-input").fill("PyTorch");
    await waitForResults(page, "PyTorch");
    const hrefs = await allResults(page);
    assert.equal(hrefs[0], "/tools/pytorch/");
    for (const role of roles.filter((r) => r.tools.includes("PyTorch"))) assert.ok(hrefs.includes(role.url), `${role.url} missing`);
  });

  test("the skill filter is a list of the skills in the results, and narrows them", async () => {
    const page = await home();
    await page.keyboard.press("Control+K");
    await page.locator("#search-input").fill("engineer");
    await waitForResults(page, "engineer");
    await page.locator(".search-filters-toggle").click();
    const select = page.getByRole("combobox", { name: "Filter by skill" });
    await select.waitFor();
    const labels = await select.locator("option").allTextContents();
    assert.equal(labels[0], "Any skill");
    assert.ok(labels.some((l) => /^Python \(\d+\)$/.test(l)), labels.join(", "));
    await select.selectOption("Python");
    await waitForResults(page, "engineer", "Python");
    const withPython = new Set(roles.filter((r) => r.skills.includes("Python")).map((r) => r.url));
    for (const href of await allResults(page)) assert.ok(withPython.has(href) || href === "/skills/python/", href);
  });
});
