import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readAuthConfig } from "../../../src/server/config.ts";

const complete = {
  OIDC_ISSUER: "https://accounts.google.com",
  OIDC_CLIENT_ID: "client",
  OIDC_CLIENT_SECRET: "secret",
  PUBLIC_URL: "https://handbook.example.com",
  SESSION_SECRET: "x".repeat(32),
  ALLOWED_DOMAINS: "northwind.example",
};

describe("server settings from the environment", () => {
  test("with nothing set, every missing variable is named at once, with what to put in it", () => {
    const { auth, problems } = readAuthConfig({});
    assert.equal(auth, undefined);
    assert.deepEqual(
      problems.map((p) => p.split(" ")[0]),
      ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "PUBLIC_URL", "SESSION_SECRET", "neither"],
    );
    assert.match(problems[5]!, /ALLOWED_DOMAINS nor ALLOWED_GROUPS/);
    assert.match(problems[4]!, /at least 32 characters/);
  });

  test("a complete environment gives the settings, lists split on commas and spaces", () => {
    const { auth, problems } = readAuthConfig({ ...complete, ALLOWED_DOMAINS: "Northwind.example, @acme.example", ALLOWED_GROUPS: "readers staff" });
    assert.deepEqual(problems, []);
    assert.deepEqual(auth?.allowedDomains, ["northwind.example", "acme.example"]);
    assert.deepEqual(auth?.allowedGroups, ["readers", "staff"]);
    assert.equal(auth?.groupsClaim, "groups");
    assert.equal(auth?.sessionSeconds, 8 * 3600);
    assert.equal(auth?.publicUrl.href, "https://handbook.example.com/");
  });

  test("a session secret shorter than 32 characters is refused", () => {
    const { problems } = readAuthConfig({ ...complete, SESSION_SECRET: "short" });
    assert.deepEqual(problems, ["SESSION_SECRET is too short (5 characters): a random string of at least 32 characters, the same on every copy of the server (openssl rand -base64 48)"]);
  });

  test("plain http is refused except on this machine", () => {
    assert.match(readAuthConfig({ ...complete, PUBLIC_URL: "http://handbook.example.com" }).problems.join(), /PUBLIC_URL must start with https:\/\//);
    assert.match(readAuthConfig({ ...complete, OIDC_ISSUER: "http://idp.example.com" }).problems.join(), /OIDC_ISSUER must start with https:\/\//);
    assert.deepEqual(readAuthConfig({ ...complete, PUBLIC_URL: "http://127.0.0.1:8080", OIDC_ISSUER: "http://localhost:9090" }).problems, []);
  });

  test("PUBLIC_URL may carry the site's path prefix, but no other path", () => {
    assert.deepEqual(readAuthConfig({ ...complete, PUBLIC_URL: "https://intranet.example.com/handbook/" }, "/handbook/").problems, []);
    assert.match(readAuthConfig({ ...complete, PUBLIC_URL: "https://intranet.example.com/docs/" }, "/handbook/").problems.join(), /built for \/handbook\//);
  });
});
