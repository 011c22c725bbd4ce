// The dev server (`npm start`) as a writer meets it: a content error shows over every open page until it is fixed,
// and only as the handbook's file:line message in the terminal; a busy port is named; a search right after an edit
// finds the edit. None of the overlay reaches the files a build writes.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser.ts";
import { copyFixture, projectDir, tempDir } from "../helpers/site.ts";

/** Waits until `check` holds, polling, or fails after 60 s naming `what`. */
async function eventually(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > 60_000) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the dev server, as a writer meets it", () => {
  let content = "";
  let out = "";
  let busy: net.Server;
  let busyPort = 0;
  let server: ChildProcess;
  let log = "";
  let origin = "";
  let browser: Browser;
  let context: BrowserContext;
  const short = () => path.join(content, "short.md");
  let good = "";

  before(async () => {
    content = copyFixture("reading");
    good = fs.readFileSync(short(), "utf8");
    out = path.join(tempDir(), "site");
    // The port the server is told to use is taken.
    busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    busyPort = (busy.address() as AddressInfo).port;
    const args = ["serve", "--content", content, "--output", out, "--port", String(busyPort)];
    server = spawn(process.execPath, ["--import", "tsx", path.join(projectDir, "src/cli/main.ts"), ...args], {
      cwd: projectDir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (d: Buffer) => (log += d.toString()));
    server.stderr!.on("data", (d: Buffer) => (log += d.toString()));
    await eventually("the server is up", () => /Server at (http:\S+)/.test(log));
    origin = /Server at (http:\/\/[^/\s]+)/.exec(log)![1]!.replace("localhost", "127.0.0.1");
    browser = await launchBrowser();
    context = await browser.newContext();
  });

  after(async () => {
    server.kill("SIGTERM");
    busy.close();
    await browser?.close();
  });

  const overlay = (page: Page) => page.locator("#handbook-dev-overlay [role=alert]");

  test("a busy port is named, with the port used instead; the lines count pages, and search comes after them", () => {
    const port = Number(new URL(origin).port);
    assert.notEqual(port, busyPort);
    const lines = log.split("\n");
    assert.ok(lines.includes(`Port ${busyPort} is in use: Server at http://localhost:${port}/ instead`), log);
    const built = lines.findIndex((l) => /^Built 5 pages \(\d+ files written\) in [\d.]+ s$/.test(l));
    const indexed = lines.findIndex((l) => /^Search: indexed 4 pages in [\d.]+ s$/.test(l));
    assert.ok(built >= 0 && indexed > built, log);
    assert.doesNotMatch(log, /\[11ty\]|Wrote \d+ files/, "Eleventy's own lines, which count files, are not shown");
  });

  test("a content error shows over every open page, only as the file:line message, until it is fixed", async () => {
    const [guide, home] = [await context.newPage(), await context.newPage()];
    await guide.goto(`${origin}/guide/`);
    await home.goto(`${origin}/`);
    assert.equal(await overlay(guide).count(), 0);
    const before = log.length;
    fs.writeFileSync(short(), good.replace(/^nav_order: .*$/m, "parent: No Such Page"));
    await eventually("the rebuild stops", () => log.slice(before).includes("Rebuild stopped"));
    const report = log.slice(before);
    assert.match(report, /short\.md:\d+:\d+ error parent "No Such Page"/);
    assert.doesNotMatch(report, /\n\s+at |Problem writing|ContentError/, report);
    for (const page of [guide, home]) {
      await overlay(page).waitFor();
      assert.match((await overlay(page).textContent()) ?? "", /1 error in the content.*short\.md:\d+:\d+ error parent "No Such Page"/s);
    }
    // A page opened while the error stands shows it too.
    const later = await context.newPage();
    await later.goto(`${origin}/short/`);
    await overlay(later).waitFor();

    fs.writeFileSync(short(), good);
    for (const page of [guide, home, later]) await overlay(page).waitFor({ state: "detached", timeout: 30_000 });
    await Promise.all([guide.close(), home.close(), later.close()]);
  });

  test("a search right after an edit finds the edit", async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/short/`);
    // The search index is loaded before the edit, as a reader who searched before would have it.
    fs.appendFileSync(short(), "\nA word added while serving: quetzalcoatl.\n");
    await page.waitForFunction(() => document.body.textContent?.includes("quetzalcoatl"), undefined, { timeout: 30_000 });
    await page.keyboard.press("Control+K");
    await page.keyboard.type("quetzalcoatl");
    await page.locator(".search-result-link[href='/short/']").waitFor({ timeout: 10_000 });
    await page.close();
  });

  test("the files the server wrote, like a built site, hold none of the overlay", () => {
    const pageFile = fs.readFileSync(path.join(out, "short", "index.html"), "utf8");
    assert.doesNotMatch(pageFile, /\.handbook\/overlay|reload-client/);
    assert.doesNotMatch(fs.readFileSync(path.join(out, "assets", "handbook.js"), "utf8"), /handbook-dev-overlay|problems\.json/);
  });
});
