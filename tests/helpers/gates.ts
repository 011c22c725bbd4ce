// What the browser gates share: the page types every gate visits, the themes, axe-core, and the colours a page shows.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
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
  { name: "role comparison", url: "/compare-roles/" },
  { name: "career ladder", url: "/careers/engineering/" },
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

let axeUrl: Promise<string> | undefined;

/**
 * axe-core served from a loopback port of its own, cacheable: a page adds it by URL, so Chromium compiles it once
 * per context rather than receiving its 550 kB through the protocol and compiling it on every page.
 */
function servedAxe(): Promise<string> {
  axeUrl ??= new Promise((resolve) => {
    const server = http.createServer((_, res) => {
      res.writeHead(200, { "content-type": "text/javascript", "cache-control": "max-age=3600", connection: "close" });
      res.end(axeSource);
    });
    // It must not keep the test process alive once its tests are done.
    server.unref();
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/axe.min.js`));
  });
  return axeUrl;
}

/** One axe-core violation, as a line a person can act on. */
export type AxeFinding = string;

/** The axe rules whose outcome depends on colours: all a second theme of the same layout can change. */
export const COLOUR_RULES: readonly string[] = ["color-contrast", "link-in-text-block"];

/**
 * Runs axe-core (every rule but the experimental ones: WCAG 2.x A and AA, and best practices; or only `rules`) on the
 * page as it is now. The page's context must bypass the CSP, as axe is added from another origin.
 */
export async function runAxe(page: Page, rules?: readonly string[]): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: await servedAxe() });
  const violations = await page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact?: string; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"], ...(only ? { runOnly: { type: "rule", values: only } } : {}) });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary ?? "" })) }));
  }, rules as string[] | undefined);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target}: ${n.summary.replace(/\s+/g, " ")}`));
}

/** The handbook's own content built, served and a browser started: what each gate visits its page types in. */
export interface ServedHandbook {
  browser: Browser;
  site: Awaited<ReturnType<typeof serveStatic>>;
  pageTypes: PageType[];
  close(): Promise<void>;
}

export async function serveHandbook(): Promise<ServedHandbook> {
  const served = await serveBuilt(path.join(projectDir, "content"));
  return { ...served, pageTypes: pageTypesIn(served.outDir) };
}

/** A content folder built once for the test run (sharedBuild), served, and a browser started. */
export async function serveBuilt(contentDir: string, extra: string[] = []): Promise<Omit<ServedHandbook, "pageTypes"> & { outDir: string }> {
  const result = await sharedBuild(contentDir, extra);
  assert.equal(result.code, 0, result.stderr);
  const site = await serveStatic(result.outDir);
  const browser = await launchBrowser();
  return {
    browser,
    site,
    outDir: result.outDir,
    async close() {
      await browser.close();
      await site.close();
    },
  };
}

/**
 * The colours of every element of the body (and of the root and the body), and of its ::before and ::after where they
 * have content and its ::marker, ::placeholder and ::backdrop, once the page has settled: each computed property that
 * paints a colour, a shadow or a see-through (color, background-color and -image, border and outline colours, fill,
 * stroke, box-shadow, text-shadow, opacity, filter, …). Two pages with the same Colours get the same verdict from
 * axe's colour rules.
 */
export interface Colours {
  /** Each element as `index tag.class` (and ::pseudo), in document order. */
  elements: string[];
  /** elements[i]'s computed values are styles[ids[i]], in the order of `properties`. */
  ids: number[];
  styles: string[];
  properties: string[];
}

/** Reads Colours (see there) once the page has settled: two frames drawn and its transitions ended. */
export async function coloursOf(page: Page): Promise<Colours> {
  await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const ending = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(ending.map((a) => a.finished.catch(() => undefined)));
  });
  return page.evaluate(() => {
    const paints = /color|shadow|^fill|^stroke|^background-image$|^opacity$|filter$|blend-mode$|^visibility$|^text-decoration/;
    // Not the logical border colours (the physical ones say the same), and not color-scheme: where a chosen theme
    // says "dark" and the system's says "light dark", the colours it picks (Canvas, Field, …) are the same.
    const skip = /^border-(block|inline)|^color-scheme$/;
    const properties = [...getComputedStyle(document.documentElement)].filter((p) => paints.test(p) && !skip.test(p)).sort();
    const styles: string[] = [];
    const index = new Map<string, number>();
    const elements: string[] = [];
    const ids: number[] = [];
    // The root, the body and what is in it: not the head, where axe adds its script.
    [document.documentElement, document.body, ...document.body.querySelectorAll("*")].forEach((el, i) => {
      // (No named functions in here: the TypeScript loader would wrap them in a helper the page does not have.)
      const pseudos = [""];
      for (const pseudo of ["::before", "::after"]) if (!/^(none|normal)$/.test(getComputedStyle(el, pseudo).content)) pseudos.push(pseudo);
      if (el.matches("li, summary")) pseudos.push("::marker");
      if (el.matches("input, textarea")) pseudos.push("::placeholder");
      if (el.matches("dialog")) pseudos.push("::backdrop");
      for (const pseudo of pseudos) {
        const computed = getComputedStyle(el, pseudo || null);
        const style = properties.map((p) => computed.getPropertyValue(p)).join("\n");
        if (!index.has(style)) index.set(style, styles.push(style) - 1);
        elements.push(`${i} ${el.tagName.toLowerCase()}${el.classList.length ? "." + [...el.classList].join(".") : ""}${pseudo}`);
        ids.push(index.get(style)!);
      }
    });
    return { elements, ids, styles, properties };
  });
}

/** Where two pages' Colours differ, as lines (at most `limit`): `element property: a ≠ b`. */
export function colourDifferences(a: Colours, b: Colours, limit = 10): string[] {
  if (a.elements.join("\n") !== b.elements.join("\n")) {
    const at = a.elements.findIndex((element, i) => element !== b.elements[i]);
    return [`the pages differ at element ${at}: ${a.elements[at] ?? "(none)"} ≠ ${b.elements[at] ?? "(none)"}`];
  }
  const found: string[] = [];
  for (let i = 0; i < a.ids.length && found.length < limit; i++) {
    const [x, y] = [a.styles[a.ids[i]!]!.split("\n"), b.styles[b.ids[i]!]!.split("\n")];
    a.properties.forEach((property, p) => {
      if (x[p] !== y[p]) found.push(`${a.elements[i]} ${property}: ${x[p]} ≠ ${y[p]}`);
    });
  }
  return found.slice(0, limit);
}
