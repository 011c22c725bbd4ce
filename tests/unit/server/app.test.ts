import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { after, before, describe, test } from "node:test";
import { DEV_CLIENT, startDevIdp, type DevIdp } from "../../../scripts/dev-idp.ts";
import { createHandler } from "../../../src/server/app.ts";
import { readAuthConfig } from "../../../src/server/config.ts";
import { deriveKey, readCookie, seal, unseal } from "../../../src/server/session.ts";
import { rawRequest, tinySite } from "../../helpers/server.ts";

const SECRET = "s".repeat(40);
const key = deriveKey(SECRET);
const NAVIGATE = { "sec-fetch-mode": "navigate", accept: "text/html" };

/** The server in this process, for the tiny site, signing in with `idp`; `publicUrl` defaults to where it listens. */
async function start(idp: DevIdp | undefined, publicUrl?: string) {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { auth, problems } = readAuthConfig({
    OIDC_ISSUER: idp?.issuer,
    OIDC_CLIENT_ID: DEV_CLIENT.id,
    OIDC_CLIENT_SECRET: DEV_CLIENT.secret,
    PUBLIC_URL: publicUrl ?? origin,
    SESSION_SECRET: SECRET,
    ALLOWED_DOMAINS: "northwind.example",
  });
  assert.ok(!idp || problems.length === 0, problems.join("\n"));
  server.on("request", createHandler({ dir: tinySite("/"), prefix: "/", ...(idp ? { auth } : {}), log: () => {} }));
  return { origin, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The attempt a sign-in redirect remembers: state, and the sealed return path. */
async function attemptOf(response: { headers: http.IncomingHttpHeaders }) {
  const state = new URL(String(response.headers.location)).searchParams.get("state")!;
  const cookie = [response.headers["set-cookie"] ?? []].flat().find((c) => c.startsWith(`handbook_signin_${state}=`))!;
  const sealed = readCookie(cookie.split(";")[0], `handbook_signin_${state}`);
  return { state, cookie: cookie.split(";")[0]!, attempt: await unseal(sealed, key, "sign-in") };
}

const session = async (email: string) => `handbook_session=${await seal({ sub: email, email, groups: [] }, key, "session", 600)}`;

describe("the server's gate", () => {
  let idp: DevIdp;
  let site: Awaited<ReturnType<typeof start>>;
  before(async () => {
    idp = await startDevIdp({ redirectUris: ["http://127.0.0.1/unused"] });
    site = await start(idp);
  });
  after(async () => {
    await site.close();
    await idp.close();
  });
  const get = (path: string, headers: http.OutgoingHttpHeaders = {}, method = "GET") => rawRequest(site.origin, path, headers, method);

  test("/healthz is open; a page asks a browser to sign in, with PKCE (S256), state and nonce; a script's fetch gets 401", async () => {
    assert.equal((await get("/healthz")).status, 200);
    const page = await get("/teams/", NAVIGATE);
    assert.equal(page.status, 302);
    const location = new URL(String(page.headers.location));
    assert.equal(location.origin, idp.issuer);
    assert.equal(location.searchParams.get("code_challenge_method"), "S256");
    assert.match(location.searchParams.get("code_challenge") ?? "", /^[\w-]{43}$/);
    assert.ok(location.searchParams.get("nonce"));
    assert.equal(location.searchParams.get("redirect_uri"), `${site.origin}/auth/callback`);
    const { cookie, attempt } = await attemptOf(page);
    assert.ok(cookie && attempt, "the attempt is remembered in a sealed cookie");
    assert.match(String(page.headers["set-cookie"]), /HttpOnly; SameSite=Lax/);
    assert.equal((await get("/pagefind/fragment/en_64f1ec6.pf_fragment", { "sec-fetch-mode": "cors" })).status, 401);
  });

  test("the page asked for is remembered only when it is on this site", async () => {
    assert.equal((await attemptOf(await get("/teams/?tab=2", NAVIGATE))).attempt?.r, "/teams/?tab=2");
    assert.equal((await attemptOf(await get("//evil.example/", NAVIGATE))).attempt?.r, "/");
    assert.equal((await attemptOf(await get(`/auth/login?next=${encodeURIComponent("https://evil.example/")}`))).attempt?.r, "/");
    assert.equal((await attemptOf(await get(`/auth/login?next=${encodeURIComponent("/%2F%2Fevil.example")}`))).attempt?.r, "/");
    assert.equal((await attemptOf(await get("/auth/login?next=%2Fteams%2F"))).attempt?.r, "/teams/");
  });

  test("a callback without its attempt, or refused by the provider, shows a page that says so, not a redirect", async () => {
    assert.equal((await get("/auth/callback?code=abc&state=x", {}, "HEAD")).status, 404, "a HEAD request never spends a code");
    const stray = await get("/auth/callback?code=abc&state=nothing-started");
    assert.equal(stray.status, 400);
    assert.equal(stray.headers.location, undefined);
    assert.match(stray.body.toString(), /Sign-in did not complete.*has expired or was started in another browser/s);
    const { state, cookie } = await attemptOf(await get("/teams/", NAVIGATE));
    const refused = await get(`/auth/callback?error=access_denied&error_description=The+user+cancelled&state=${state}`, { cookie });
    assert.equal(refused.status, 400);
    assert.match(refused.body.toString(), /The sign-in provider answered: The user cancelled\./);
    assert.match(refused.body.toString(), /href="\/auth\/login\?next=%2Fteams%2F"/);
  });

  test("a signed-in reader outside the allowed domains gets 403 with a page naming them, escaped", async () => {
    const response = await get("/teams/", { cookie: await session("<b>mallory</b>@elsewhere.example") });
    assert.equal(response.status, 403);
    assert.match(response.body.toString(), /You cannot read this handbook/);
    assert.match(response.body.toString(), /&lt;b>mallory&lt;\/b>@elsewhere\.example/);
    assert.doesNotMatch(response.body.toString(), /<b>mallory/);
  });

  test("an allowed reader gets the file", async () => {
    const response = await get("/teams/", { cookie: await session("alice@northwind.example") });
    assert.equal(response.status, 200);
    assert.match(response.body.toString(), /<h1>Teams<\/h1>/);
  });

  test("signing out takes a POST from this site; GET only shows the button", async () => {
    const cookie = await session("alice@northwind.example");
    const page = await get("/auth/logout", { cookie });
    assert.equal(page.headers["set-cookie"], undefined);
    assert.match(page.body.toString(), /<form method="post" action="\/auth\/logout">/);
    const foreign = await get("/auth/logout", { cookie, origin: "https://evil.example" }, "POST");
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers["set-cookie"], undefined);
    const out = await get("/auth/logout", { cookie, origin: site.origin }, "POST");
    assert.equal(out.status, 303);
    assert.equal(out.headers.location, "/auth/signed-out");
    assert.match(String(out.headers["set-cookie"]), /^handbook_session=; Path=\/; Max-Age=0/);
  });

  test("after signing out, signing in again lets the reader pick another account (prompt=login)", async () => {
    const signedOut = await get("/auth/signed-out");
    assert.match(signedOut.body.toString(), /<a href="\/auth\/login\?prompt=login">/);
    const again = await get("/auth/login?prompt=login");
    assert.equal(new URL(String(again.headers.location)).searchParams.get("prompt"), "login");
    assert.equal(new URL(String((await get("/teams/", NAVIGATE)).headers.location)).searchParams.get("prompt"), null);
  });
});

describe("behind https", () => {
  test("cookies are Secure with the __Host- prefix, and HSTS is sent", async () => {
    const idp = await startDevIdp({ redirectUris: ["https://handbook.example.com/auth/callback"] });
    const site = await start(idp, "https://handbook.example.com");
    const response = await rawRequest(site.origin, "/teams/", NAVIGATE);
    assert.match(String(response.headers["set-cookie"]), /^__Host-handbook_signin_[\w-]+=[^;]+; Path=\/; Max-Age=600; HttpOnly; SameSite=Lax; Secure$/);
    assert.equal(response.headers["strict-transport-security"], "max-age=31536000");
    await site.close();
    await idp.close();
  });
});

describe("--public", () => {
  test("serves without sign-in, compressed (brotli first), and lets shared caches keep files", async () => {
    const site = await start(undefined);
    const page = await rawRequest(site.origin, "/teams/", { "accept-encoding": "gzip, deflate, br" });
    assert.equal(page.status, 200);
    assert.equal(page.headers["content-encoding"], "br");
    assert.match(zlib.brotliDecompressSync(page.body).toString(), /Who does what/);
    assert.equal(page.headers["cache-control"], "public, no-cache");
    const script = await rawRequest(site.origin, "/assets/handbook.js", { "accept-encoding": "gzip" });
    assert.equal(script.headers["content-encoding"], "gzip");
    assert.equal((await rawRequest(site.origin, "/teams/")).headers["content-encoding"], undefined);
    await site.close();
  });
});
