// The handbook published privately, with real parts: a site built by the project's own command (with a path
// prefix), a real OpenID provider (oidc-provider, scripts/dev-idp.ts), two copies of `serve-site` sharing one
// SESSION_SECRET, and Chromium.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startDevIdp, type DevIdp } from "../../scripts/dev-idp.ts";
import { deriveKey, seal } from "../../src/server/session.ts";
import { freePort, launchBrowser, sharedPage, type SharedPage } from "../helpers/browser.ts";
import { rawRequest, startServeSite, type ServedSite } from "../helpers/server.ts";
import { sharedBuild, fixture } from "../helpers/site.ts";

const PREFIX = "/handbook/";
const ALICE = "alice@northwind.example";
const MALLORY = "mallory@elsewhere.example";

describe("a private handbook behind sign-in", () => {
  let outDir: string;
  let idp: DevIdp;
  let serverA: ServedSite;
  let serverB: ServedSite;
  let browser: Browser;
  let reader: SharedPage;
  const visited: string[] = [];
  const secret = randomBytes(36).toString("base64");
  /** A session cookie as a server with the same secret writes it. */
  const sessionCookie = async (email: string, seconds = 3600, now = new Date()) =>
    `handbook_session=${await seal({ sub: email, email, groups: [] }, deriveKey(secret), "session", seconds, now)}`;

  before(async () => {
    const build = await sharedBuild(fixture("search"), ["--path-prefix", PREFIX]);
    assert.equal(build.code, 0, build.stderr);
    outDir = build.outDir;
    fs.writeFileSync(path.join(path.dirname(outDir), "secret.txt"), "TOP-SECRET-OUTSIDE-THE-SITE");
    const [portA, portB] = [await freePort(), await freePort()];
    const callbacks = [portA, portB].map((port) => `http://127.0.0.1:${port}${PREFIX}auth/callback`);
    idp = await startDevIdp({ redirectUris: callbacks });
    const env = (port: number) => ({
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: "handbook",
      OIDC_CLIENT_SECRET: "dev-client-secret-not-for-production",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SESSION_SECRET: secret,
      ALLOWED_DOMAINS: "northwind.example",
    });
    // No --path-prefix: each server reads it from the built site.
    [serverA, serverB] = await Promise.all([startServeSite(portA, ["--dir", outDir], env(portA)), startServeSite(portB, ["--dir", outDir], env(portB))]);
    browser = await launchBrowser();
    // The provider's login page asks for a web font; launchBrowser lets nothing leave this machine.
    reader = await sharedPage(browser);
    reader.page.on("request", (request) => visited.push(request.url()));
  });
  after(async () => {
    await reader?.close();
    await browser?.close();
    await Promise.all([serverA?.close(), serverB?.close()]);
    await idp?.close();
  });

  /**
   * The page the tests share, reset as a fresh browser (sharedPage: no cookies, nothing stored; the provider's
   * session is a cookie too), with `cookie` set for server A; every request it makes from now is listed in `visited`.
   */
  async function fresh(cookie?: string): Promise<{ context: BrowserContext; page: Page; visited: string[] }> {
    await reader.reset();
    if (cookie) {
      const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
      await reader.context.addCookies([{ name, value, url: serverA.origin }]);
    }
    visited.length = 0;
    return { context: reader.context, page: reader.page, visited };
  }

  /** Opens `url`, signs in as `email` on the provider's login page it leads to, and waits to be back at `url`. */
  async function openSigningIn(page: Page, url: string, email: string): Promise<void> {
    await page.goto(url);
    assert.ok(page.url().startsWith(idp.issuer), `on the provider's page, not ${page.url()}`);
    await page.locator('input[name="login"]').fill(email);
    await page.locator('input[name="password"]').fill("any password");
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(url);
  }

  test("a visitor who is not signed in is sent to sign in, and lands on the page they asked for", async () => {
    const { page } = await fresh();
    const asked = `${serverA.origin}${PREFIX}visible/?from=bookmark`;
    await openSigningIn(page, asked, ALICE);
    assert.equal(await page.locator("article h1").textContent(), "Visible Page");
  });

  test("search works once signed in: the index is served to the reader", async () => {
    const { page } = await fresh();
    await openSigningIn(page, `${serverA.origin}${PREFIX}`, ALICE);
    await page.keyboard.press("Control+K");
    await page.locator("#search-input").fill("wombatglow");
    await page.locator(".search-result-link").first().waitFor();
    assert.equal(await page.locator(".search-result-link").first().getAttribute("href"), `${PREFIX}visible/`);
  });

  test("a reader outside the allowed domains gets 403 with a page that says why, once, with no loop", async () => {
    const { page, visited } = await fresh();
    await openSigningIn(page, `${serverA.origin}${PREFIX}visible/`, MALLORY);
    assert.equal(await page.locator("h1").textContent(), "You cannot read this handbook");
    assert.match(await page.locator("main").textContent() ?? "", new RegExp(`signed in as ${MALLORY}`));
    const response = await page.reload();
    assert.equal(response?.status(), 403);
    assert.equal(visited.filter((url) => url.startsWith(`${idp.issuer}/auth?`)).length, 1, visited.join("\n"));
  });

  test("a forged cookie is refused: the reader is sent to sign in", async () => {
    const valid = await sessionCookie(ALICE);
    const honest = await fresh(valid);
    await honest.page.goto(`${serverA.origin}${PREFIX}visible/`);
    assert.equal(await honest.page.locator("article h1").textContent(), "Visible Page", "the cookie as the server wrote it is accepted");
    const forged = valid.slice(0, -6) + (valid.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
    const { page } = await fresh(forged);
    await page.goto(`${serverA.origin}${PREFIX}visible/`);
    assert.ok(page.url().startsWith(idp.issuer), page.url());
  });

  test("an expired cookie is refused; after signing in again the reader is back on their page", async () => {
    const expired = await sessionCookie(ALICE, 3600, new Date(Date.now() - 2 * 3600_000));
    const { page } = await fresh(expired);
    await openSigningIn(page, `${serverA.origin}${PREFIX}hidden/`, ALICE);
    assert.equal(await page.locator("article h1").textContent(), "Hidden Page");
  });

  test("signing out ends the session", async () => {
    const { context, page } = await fresh();
    await openSigningIn(page, `${serverA.origin}${PREFIX}`, ALICE);
    await page.goto(`${serverA.origin}${PREFIX}auth/logout`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${serverA.origin}${PREFIX}auth/signed-out`);
    assert.deepEqual((await context.cookies()).filter((c) => c.name === "handbook_session"), []);
    const roles = await page.request.get(`${serverA.origin}${PREFIX}roles.json`);
    assert.equal(roles.status(), 401);
    // Signing in again asks who is signing in, though the provider still knows Alice: another account can be used.
    await page.getByRole("link", { name: /Sign in again/ }).click();
    await page.locator('input[name="login"]').waitFor();
    assert.ok(page.url().startsWith(idp.issuer), page.url());
  });

  test("two server copies with the same SESSION_SECRET accept each other's sessions", async () => {
    const { page, visited } = await fresh();
    await openSigningIn(page, `${serverA.origin}${PREFIX}`, ALICE);
    const before = visited.length;
    await page.goto(`${serverB.origin}${PREFIX}visible/`);
    assert.equal(await page.locator("article h1").textContent(), "Visible Page");
    assert.deepEqual(visited.slice(before).filter((url) => url.startsWith(idp.issuer)), [], "server B did not send the reader to sign in");
  });

  test("every file needs sign-in, the search index and /roles.json included; /healthz is open", async () => {
    for (const file of ["", "visible/", "roles.json", "nav.json", "pagefind/pagefind-entry.json", "pagefind/pagefind.js", "404.html", "no-such-page/"]) {
      const response = await rawRequest(serverA.origin, `${PREFIX}${file}`);
      assert.equal(response.status, 401, `${file}: ${response.status}`);
      const opened = await rawRequest(serverA.origin, `${PREFIX}${file}`, { accept: "text/html" });
      assert.equal(opened.status, 302, `${file} opened in a browser`);
      assert.ok(opened.headers.location?.startsWith(`${idp.issuer}/auth?`));
    }
    const health = await rawRequest(serverA.origin, "/healthz");
    assert.equal(health.status, 200);
  });

  test("/../ and encoded traversal never leave the site folder", async () => {
    const cookie = await sessionCookie(ALICE);
    const attempts = [
      "/../secret.txt",
      `${PREFIX}../secret.txt`,
      `${PREFIX}../../secret.txt`,
      `${PREFIX}%2e%2e/secret.txt`,
      `${PREFIX}%2E%2E%2Fsecret.txt`,
      `${PREFIX}..%2fsecret.txt`,
      `${PREFIX}..%5csecret.txt`,
      `${PREFIX}..\\secret.txt`,
      `${PREFIX}%c0%ae%c0%ae/secret.txt`,
      `${PREFIX}%252e%252e/secret.txt`,
      `${PREFIX}visible/..%2f..%2f..%2fsecret.txt`,
    ];
    for (const attempt of attempts) {
      const response = await rawRequest(serverA.origin, attempt, { cookie });
      assert.ok([400, 404].includes(response.status), `${attempt}: ${response.status}`);
      assert.doesNotMatch(response.body.toString(), /TOP-SECRET/, attempt);
    }
  });

  test("responses carry the security headers, compression and the right caching", async () => {
    const cookie = await sessionCookie(ALICE);
    const page = await rawRequest(serverA.origin, `${PREFIX}visible/`, { cookie, "accept-encoding": "gzip, deflate, br" });
    assert.equal(page.status, 200);
    assert.match(String(page.headers["content-security-policy"]), /^default-src 'self';.*; frame-ancestors 'none'$/);
    assert.equal(page.headers["x-content-type-options"], "nosniff");
    assert.equal(page.headers["referrer-policy"], "same-origin");
    assert.equal(page.headers["content-encoding"], "br");
    assert.equal(page.headers["cache-control"], "private, no-cache");
    const again = await rawRequest(serverA.origin, `${PREFIX}visible/`, { cookie, "if-none-match": String(page.headers.etag) });
    assert.equal(again.status, 304);
    const chunk = fs.readdirSync(path.join(outDir, "pagefind", "fragment"))[0]!;
    const fragment = await rawRequest(serverA.origin, `${PREFIX}pagefind/fragment/${chunk}`, { cookie });
    assert.equal(fragment.headers["cache-control"], "private, max-age=31536000, immutable");
    const script = await rawRequest(serverA.origin, `${PREFIX}assets/handbook.js`, { cookie, "accept-encoding": "gzip" });
    assert.equal(script.headers["cache-control"], "private, no-cache");
    assert.equal(script.headers["content-encoding"], "gzip");
    const missing = await rawRequest(serverA.origin, `${PREFIX}no-such-page/`, { cookie });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.toString(), fs.readFileSync(path.join(outDir, "404.html"), "utf8"));
  });
});
