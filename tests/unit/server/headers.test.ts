import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CONTENT_SECURITY_POLICY } from "../../../src/security/csp.ts";
import { cacheControl, securityHeaders } from "../../../src/server/headers.ts";

describe("response headers", () => {
  test("the pages' CSP is sent as a header, with frame-ancestors 'none' added", () => {
    const headers = securityHeaders(false);
    assert.equal(headers["Content-Security-Policy"], `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    assert.equal(headers["X-Content-Type-Options"], "nosniff");
    assert.equal(headers["Referrer-Policy"], "same-origin");
  });

  test("Strict-Transport-Security only when readers come over https", () => {
    assert.equal(securityHeaders(false)["Strict-Transport-Security"], undefined);
    assert.equal(securityHeaders(true)["Strict-Transport-Security"], "max-age=31536000");
  });

  test("Pagefind's hashed files are immutable; pages, handbook.js and Pagefind's own entry points are revalidated", () => {
    const immutable = "private, max-age=31536000, immutable";
    assert.equal(cacheControl("/pagefind/fragment/en_64f1ec6.pf_fragment"), immutable);
    assert.equal(cacheControl("/pagefind/index/en_ffa58d3.pf_index"), immutable);
    assert.equal(cacheControl("/pagefind/filter/en_3632526.pf_filter"), immutable);
    assert.equal(cacheControl("/pagefind/pagefind.en_65f216f8d4.pf_meta"), immutable);
    for (const revalidated of ["/", "/teams/", "/assets/handbook.js", "/assets/handbook.css", "/pagefind/pagefind.js", "/pagefind/pagefind-entry.json", "/pagefind/wasm.en.pagefind", "/roles.json"]) {
      assert.equal(cacheControl(revalidated), "private, no-cache", revalidated);
    }
  });

  test("a public handbook may be kept by shared caches", () => {
    assert.equal(cacheControl("/teams/", true), "public, no-cache");
  });
});
