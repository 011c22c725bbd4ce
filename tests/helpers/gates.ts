// What the browser gates share: the page types every gate visits, the themes, axe-core, and a listener for
// Content-Security-Policy violations and script errors.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import assert from "node:assert/strict";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, serveStatic } from "./browser.ts";
import { sharedBuild, projectDir } from "./site.ts";

/** One page of each kind the handbook has, in the handbook's own content. */
export interface PageType {
  name: string;
  url: string;
}

export const PAGE_TYPES: readonly PageType[] = [
  { name: "home", url: "/" },
  { name: "parent (Teams)", url: "/teams/" },
  { name: "team", url: "/teams/dev-team/" },
  { name: "role", url: "/teams/dev-team/ai-engineer/" },
  { name: "process page with code, a table and callouts", url: "/ways-of-working/writing-docs/" },
  { name: "404", url: "/404.html" },
  { name: "directory of skills and tools", url: "/skills-and-tools/" },
  { name: "tool", url: "/tools/kubernetes/" },
  { name: "skill", url: "/skills/accessibility/" },
  { name: "review status", url: "/review-status/" },
];

/** The page types of a built site; throws when the build did not write one of them, so no type drops out unseen. */
export function pageTypesIn(outDir: string): PageType[] {
  const file = (url: string) => path.join(outDir, url.endsWith("/") ? `${url}index.html` : url);
  const missing = PAGE_TYPES.filter((type) => !fs.existsSync(file(type.url)));
  if (missing.length > 0) throw new Error(`the build wrote no ${missing.map((t) => `${t.name} (${t.url})`).join(", ")}`);
  return [...PAGE_TYPES];
}

/** A way of showing the site: the operating system's scheme, and the reader's choice made with the header toggle. */
export interface ThemeMode {
  name: string;
  colorScheme: "light" | "dark";
  /** Pressing the header's theme toggle once picks the other theme; the data-theme it sets. */
  toggledTo?: "light" | "dark";
}

export const THEME_MODES: readonly ThemeMode[] = [
  { name: "light", colorScheme: "light" },
  { name: "dark", colorScheme: "dark" },
  { name: "dark chosen with the toggle on a light system", colorScheme: "light", toggledTo: "dark" },
  { name: "light chosen with the toggle on a dark system", colorScheme: "dark", toggledTo: "light" },
];

/** Applies a theme mode in a context: presses the header toggle once (the choice is saved for the site). */
export async function chooseTheme(page: Page, mode: ThemeMode): Promise<void> {
  if (!mode.toggledTo) return;
  const toggle = page.locator("button.theme-toggle");
  await toggle.click();
  await page.waitForFunction((t) => document.documentElement.dataset.theme === t, mode.toggledTo);
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** One axe-core violation, as a line a person can act on. */
export type AxeFinding = string;

/**
 * Runs axe-core (every rule but the experimental ones: WCAG 2.x A and AA, and best practices) on the page as it is
 * now. The page's context must bypass the CSP, as axe is injected as an inline script.
 */
export async function runAxe(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact?: string; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary ?? "" })) }));
  });
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target}: ${n.summary.replace(/\s+/g, " ")}`));
}

/**
 * Collects what the CSP blocks and what goes wrong in the page's scripts, in every page of the context:
 * `securitypolicyviolation` events (via an init script), console errors and uncaught exceptions.
 */
export async function watchForViolations(context: BrowserContext): Promise<string[]> {
  const problems: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  context.on("console", (message) => {
    if (message.type() === "error") problems.push(`${message.page()?.url() ?? ""}: ${message.text()}`);
  });
  context.on("weberror", (error) => problems.push(`${error.page()?.url() ?? ""}: page error: ${error.error().message}`));
  return problems;
}

/** The handbook's own content built, served and a browser started: what each gate visits its page types in. */
export interface ServedHandbook {
  browser: Browser;
  site: Awaited<ReturnType<typeof serveStatic>>;
  pageTypes: PageType[];
  close(): Promise<void>;
}

export async function serveHandbook(): Promise<ServedHandbook> {
  const result = await sharedBuild(path.join(projectDir, "content"));
  assert.equal(result.code, 0, result.stderr);
  const site = await serveStatic(result.outDir);
  const browser = await launchBrowser();
  return {
    browser,
    site,
    pageTypes: pageTypesIn(result.outDir),
    async close() {
      await browser.close();
      await site.close();
    },
  };
}
