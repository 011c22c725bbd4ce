// A built site served on 127.0.0.1 with a Chromium to read it, for a browser test's describe: built once per test run
// (sharedBuild), started before the describe's tests and closed after them.
import assert from "node:assert/strict";
import { after, before } from "node:test";
import type { Browser, BrowserContextOptions } from "playwright-core";
import { launchBrowser, serveStatic, sharedPage, type SharedPage } from "./browser.ts";
import { sharedBuild } from "./site.ts";

/** What a describe reads its site with; set once its `before` has run. */
export interface ServedBuild {
  browser: Browser;
  server: Awaited<ReturnType<typeof serveStatic>>;
  outDir: string;
  /** The page the describe's tests share (sharedPage), made with the context options given. */
  reader: SharedPage;
}

/**
 * Registers the describe's before/after: build `contentDir` (with `extra` build options; a function when the folder is
 * made in an earlier `before`), serve it, open Chromium and a shared page with `options`.
 */
export function servedBuild(
  contentDir: string | (() => string),
  extra: string[] = [],
  options: BrowserContextOptions = {},
): ServedBuild {
  const served = {} as ServedBuild;
  before(async () => {
    const built = await sharedBuild(typeof contentDir === "string" ? contentDir : contentDir(), extra);
    assert.equal(built.code, 0, built.stderr);
    served.outDir = built.outDir;
    served.server = await serveStatic(built.outDir);
    served.browser = await launchBrowser();
    served.reader = await sharedPage(served.browser, options);
  });
  after(async () => {
    await served.reader?.close();
    await served.browser?.close();
    await served.server?.close();
  });
  return served;
}
