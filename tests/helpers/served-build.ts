// A built site served on 127.0.0.1 with a Chromium to read it, for a browser test's describe: built once per test run
// (sharedBuild), started before the describe's tests and closed after them, with one page its tests share.
import assert from "node:assert/strict";
import { after, before } from "node:test";
import type { Browser, BrowserContextOptions, Page, ViewportSize } from "playwright-core";
import { launchBrowser, serveStatic, sharedPage, type SharedPage } from "./browser.ts";
import { sharedBuild } from "./site.ts";

/** How a test wants its page; `javaScriptEnabled: false` takes a context of its own. */
export interface PageOptions {
  viewport?: ViewportSize;
  colorScheme?: "light" | "dark";
  javaScriptEnabled?: false;
}

/** What a describe reads its site with; set once its `before` has run. */
export interface ServedBuild {
  browser: Browser;
  server: Awaited<ReturnType<typeof serveStatic>>;
  outDir: string;
  /** The page the describe's tests share (sharedPage), made with the context options given. */
  reader: SharedPage;
  /**
   * Opens `url` (which must answer 200) with `options` and hands the page to `fn`: the shared page, reset; without
   * JavaScript, the page of a context of its own (the describe's context options, then `options`), closed after.
   */
  withPage(url: string, options: PageOptions, fn: (page: Page) => Promise<void>): Promise<void>;
}

/**
 * Registers the describe's before/after: build `contentDir` (with `extra` build options; a function when the folder is
 * made in an earlier `before`), serve it, open Chromium and a shared page with `options` (`timeout`: the default for
 * waits in its pages).
 */
export function servedBuild(
  contentDir: string | (() => string),
  extra: string[] = [],
  { timeout, ...options }: BrowserContextOptions & { timeout?: number } = {},
): ServedBuild {
  const served = {
    async withPage(url, given, fn) {
      if (given.javaScriptEnabled !== false) {
        assert.equal((await served.reader.open(served.server.url(url), given))?.status(), 200, `GET ${url}`);
        return fn(served.reader.page);
      }
      const context = await served.browser.newContext({ ...options, ...given });
      if (timeout) context.setDefaultTimeout(timeout);
      try {
        const page = await context.newPage();
        assert.equal((await page.goto(served.server.url(url)))?.status(), 200, `GET ${url}`);
        await fn(page);
      } finally {
        await context.close();
      }
    },
  } as ServedBuild;
  before(async () => {
    const built = await sharedBuild(typeof contentDir === "string" ? contentDir : contentDir(), extra);
    assert.equal(built.code, 0, built.stderr);
    served.outDir = built.outDir;
    served.server = await serveStatic(built.outDir);
    served.browser = await launchBrowser();
    served.reader = await sharedPage(served.browser, options);
    if (timeout) served.reader.context.setDefaultTimeout(timeout);
  });
  after(async () => {
    await served.reader?.close();
    await served.browser?.close();
    await served.server?.close();
  });
  return served;
}
