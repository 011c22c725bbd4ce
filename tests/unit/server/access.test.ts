import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { mayRead, needsUserInfo, readerFromClaims, safeReturnPath } from "../../../src/server/access.ts";

const domains = { allowedDomains: ["northwind.example"], allowedGroups: [] };
const groups = { allowedDomains: [], allowedGroups: ["handbook-readers"] };
const both = { allowedDomains: ["northwind.example"], allowedGroups: ["handbook-readers"] };

describe("who may read", () => {
  test("an allowed e-mail domain lets a reader in, in any case; another domain does not", () => {
    assert.equal(mayRead(readerFromClaims({ sub: "1", email: "Alice@NorthWind.example" }, "groups", domains), domains), true);
    assert.equal(mayRead(readerFromClaims({ sub: "2", email: "mallory@elsewhere.example" }, "groups", domains), domains), false);
    assert.equal(mayRead(readerFromClaims({ sub: "3", email: "x@evil-northwind.example" }, "groups", domains), domains), false);
  });

  test("an e-mail the provider marks unverified is not used", () => {
    assert.equal(mayRead(readerFromClaims({ sub: "1", email: "alice@northwind.example", email_verified: false }, "groups", domains), domains), false);
  });

  test("a member of an allowed group is let in; the group may sit under a dotted claim path", () => {
    assert.equal(mayRead(readerFromClaims({ sub: "1", groups: ["staff", "handbook-readers"] }, "groups", groups), groups), true);
    assert.equal(mayRead(readerFromClaims({ sub: "1", groups: ["staff"] }, "groups", groups), groups), false);
    const keycloak = { sub: "1", realm_access: { roles: ["handbook-readers"] } };
    assert.equal(mayRead(readerFromClaims(keycloak, "realm_access.roles", groups), groups), true);
  });

  test("with both rules set, a reader must meet both", () => {
    const claims = (email: string, g: string[]) => readerFromClaims({ sub: "1", email, groups: g }, "groups", both);
    assert.equal(mayRead(claims("alice@northwind.example", ["handbook-readers"]), both), true);
    assert.equal(mayRead(claims("alice@northwind.example", []), both), false);
    assert.equal(mayRead(claims("mallory@elsewhere.example", ["handbook-readers"]), both), false);
  });

  test("only the allowed groups are kept in the session", () => {
    assert.deepEqual(readerFromClaims({ sub: "1", groups: Array.from({ length: 200 }, (_, i) => `g${i}`).concat("handbook-readers") }, "groups", groups).groups, ["handbook-readers"]);
  });

  test("the userinfo endpoint is asked only when the claims lack what the rules need", () => {
    assert.equal(needsUserInfo({ sub: "1" }, "groups", domains), true);
    assert.equal(needsUserInfo({ sub: "1", email: "a@b" }, "groups", domains), false);
    assert.equal(needsUserInfo({ sub: "1", email: "a@b" }, "groups", both), true);
  });
});

describe("where a reader goes back to after signing in", () => {
  test("a path on this site is kept, with its query", () => {
    assert.equal(safeReturnPath("/teams/dev-team/?tab=1", "/"), "/teams/dev-team/?tab=1");
    assert.equal(safeReturnPath("/handbook/teams/", "/handbook/"), "/handbook/teams/");
    assert.equal(safeReturnPath("/handbook", "/handbook/"), "/handbook");
  });

  test("anything that could lead to another site is refused", () => {
    for (const evil of [
      "//evil.example",
      "//evil.example/path",
      "/\\evil.example",
      "\\\\evil.example",
      "https://evil.example/",
      "http:evil.example",
      "javascript:alert(1)",
      "/%2F%2Fevil.example",
      "/%2f/evil.example",
      "/%5Cevil.example",
      "/%255C%255Cevil.example",
      "%2F%2Fevil.example",
      "/\t/evil.example",
      "/%09/evil.example",
      "/%0d%0aSet-Cookie:x=1",
      "/%c0%ae%c0%ae/",
      "evil.example",
      "",
    ]) {
      assert.equal(safeReturnPath(evil, "/"), undefined, evil);
    }
  });

  test("a path outside the site's prefix is refused", () => {
    assert.equal(safeReturnPath("/other/", "/handbook/"), undefined);
    assert.equal(safeReturnPath("/handbook/../other/", "/handbook/"), undefined);
  });
});
