import fs from "node:fs";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  type Response,
  type ViewportSize,
} from "playwright-core";
import sirv from "sirv";

/**
 * Debian's Chromium, started the way this machine allows (no sandbox, no background networking), where nothing leaves
 * the machine: every host name resolves to nothing, and tests use 127.0.0.1 (a route can still answer for a name).
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
}

/**
 * Serves a built site on a free loopback port, under `prefix` (e.g. "/handbook/"), as a static host would (a missing
 * address gets the site's 404.html), with `headers` on every response (a host's Content-Security-Policy, say).
 */
export async function serveStatic(
  dir: string,
  prefix = "/",
  headers: Record<string, string> = {},
): Promise<{ origin: string; url: (path: string) => string; close: () => Promise<void> }> {
  const files = sirv(dir, { dev: true, extensions: ["html"] });
  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const url = req.url ?? "/";
    if (prefix !== "/" && !url.startsWith(prefix)) {
      res.statusCode = 404;
      res.end("not found");
      return;
    }
    req.url = prefix === "/" ? url : url.slice(prefix.length - 1);
    files(req, res, () => {
      res.statusCode = 404;
      const notFound = path.join(dir, "404.html");
      if (!fs.existsSync(notFound)) {
        res.end("not found");
        return;
      }
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(fs.readFileSync(notFound));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path: string) => origin + (prefix === "/" ? path : prefix.slice(0, -1) + path),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A TCP port free on 127.0.0.1 right now, for a server a test or benchmark starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A page that the tests of a describe share; `open` gives each test a fresh document in a reset page. */
export interface SharedPage {
  context: BrowserContext;
  page: Page;
  /** Script errors, console errors and CSP violations of the documents opened since the last `open`. */
  problems: string[];
  /**
   * Undoes what a test may have changed (see sharedPage), leaving the page where it is; the viewport and colour
   * scheme become `options`' or else the context's.
   */
  reset(options?: { viewport?: ViewportSize; colorScheme?: "light" | "dark" }): Promise<void>;
  /** Resets the page, then opens `url`. */
  open(url: string, options?: { viewport?: ViewportSize; colorScheme?: "light" | "dark" }): Promise<Response | null>;
  close(): Promise<void>;
}

/**
 * One context and page for a describe's tests: a new context costs a renderer process, and its first pages compile
 * every script again. `reset`, and `open` before it opens a page, undo what a test may have changed: the site's
 * localStorage and sessionStorage (a chosen theme, the sidebar's open branches) and cookies are emptied, route
 * handlers removed, the viewport and colour scheme set back to `options`' and the mouse moved to the corner. Tests
 * that need other context options (no JavaScript, permissions) make a context of their own.
 */
export async function sharedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<SharedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`),
    );
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${page.url()}: ${message.text()}`);
  });
  const viewport = options.viewport ?? { width: 1280, height: 720 };
  const colorScheme = options.colorScheme ?? "light";
  const reset: SharedPage["reset"] = async (given = {}) => {
    if (page.url().startsWith("http"))
      await page.evaluate(() => {
        localStorage.clear();
        sessionStorage.clear();
        // Again once the page is left: the sidebar saves its scroll position then.
        addEventListener("pagehide", () => (localStorage.clear(), sessionStorage.clear()));
      });
    await Promise.all([
      context.clearCookies(),
      context.unrouteAll({ behavior: "ignoreErrors" }),
      page.unrouteAll({ behavior: "ignoreErrors" }),
      page.setViewportSize(given.viewport ?? viewport),
      page.emulateMedia({ colorScheme: given.colorScheme ?? colorScheme }),
      page.mouse.move(0, 0),
    ]);
    problems.length = 0;
  };
  return {
    context,
    page,
    problems,
    reset,
    async open(url, given = {}) {
      await reset(given);
      // Only the hash changing would keep the document: leave it first.
      if (new URL(url).hash) await page.goto("about:blank");
      return page.goto(url);
    },
    close: () => context.close(),
  };
}
