// A built site served on 127.0.0.1 with a Chromium to read it, for a browser test's describe: built once per test run
// (sharedBuild), started before the describe's tests and closed after them.
import assert from "node:assert/strict";
import { after, before } from "node:test";
import type { Browser } from "playwright-core";
import { launchBrowser, serveStatic } from "./browser.ts";
import { sharedBuild } from "./site.ts";

/** What a describe reads its site with; set once its `before` has run. */
export interface ServedBuild {
  browser: Browser;
  server: Awaited<ReturnType<typeof serveStatic>>;
}

/** Registers the describe's before/after: build `contentDir` (with `extra` build options), serve it, open Chromium. */
export function servedBuild(contentDir: string, extra: string[] = []): ServedBuild {
  const served = {} as ServedBuild;
  before(async () => {
    const built = await sharedBuild(contentDir, extra);
    assert.equal(built.code, 0, built.stderr);
    served.server = await serveStatic(built.outDir);
    served.browser = await launchBrowser();
  });
  after(async () => {
    await served.browser?.close();
    await served.server?.close();
  });
  return served;
}
