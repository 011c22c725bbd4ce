import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { clearCookie, cookieName, deriveKey, readCookie, seal, setCookie, unseal } from "../../../src/server/session.ts";

const key = deriveKey("a".repeat(40));

describe("session cookies", () => {
  test("a sealed session opens with the same secret, on any server copy", async () => {
    const token = await seal({ sub: "u1", email: "alice@northwind.example" }, key, "session", 60);
    const opened = await unseal(token, deriveKey("a".repeat(40)), "session");
    assert.equal(opened?.email, "alice@northwind.example");
    assert.doesNotMatch(token, /alice/, "the cookie does not show what it holds");
  });

  test("a changed, foreign, expired or misused cookie opens to nothing", async () => {
    const token = await seal({ sub: "u1" }, key, "session", 60);
    const flipped = token.slice(0, 60) + (token[60] === "A" ? "B" : "A") + token.slice(61);
    assert.equal(await unseal(flipped, key, "session"), undefined);
    assert.equal(await unseal(token, deriveKey("b".repeat(40)), "session"), undefined);
    assert.equal(await unseal(token, key, "session", new Date(Date.now() + 61_000)), undefined);
    assert.equal(await unseal(token, key, "sign-in"), undefined);
    assert.equal(await unseal("not-a-token", key, "session"), undefined);
    assert.equal(await unseal(undefined, key, "session"), undefined);
  });

  test("the cookie is HttpOnly, SameSite=Lax, expires, and is Secure with the __Host- prefix behind https", () => {
    assert.equal(setCookie(cookieName("handbook_session", true), "v", 3600, true), "__Host-handbook_session=v; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax; Secure");
    assert.equal(setCookie(cookieName("handbook_session", false), "v", 3600, false), "handbook_session=v; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax");
    assert.match(clearCookie("handbook_session", false), /^handbook_session=; Path=\/; Max-Age=0;/);
  });

  test("a cookie is read by its exact name", () => {
    assert.equal(readCookie("a=1; handbook_session=xyz; b=2", "handbook_session"), "xyz");
    assert.equal(readCookie("xhandbook_session=1", "handbook_session"), undefined);
    assert.equal(readCookie(undefined, "handbook_session"), undefined);
  });
});
