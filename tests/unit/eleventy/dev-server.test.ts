import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseSiteArgs, UsageError } from "../../../src/cli/args.ts";
import { devServerOptions, isLoopbackHost, refusedPath } from "../../../src/eleventy/dev-server.ts";

describe("refusedPath", () => {
  test("lets through the paths of a site, percent-encoded or not", () => {
    for (const url of ["/", "/teams/dev-team/", "/assets/handbook.css?v=1", "/caf%C3%A9/", "/a%20b.pdf", "/a/../b/", "/a/%2e%2e/b/"]) {
      assert.equal(refusedPath(url), undefined, url);
    }
  });

  test("refuses with 400 a path that is not valid percent-encoding or no URL path at all", () => {
    for (const url of ["/%", "/%zz/", "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/%ff", "//", "/a%00.html"]) {
      assert.equal(refusedPath(url)?.status, 400, url);
    }
  });

  test("refuses with 404 a path whose encoded slashes lead out of the site", () => {
    for (const url of ["/..%2f..%2fetc%2fpasswd", "/%2e%2e%2fsecret", "/a/..%5c..%5cwin.ini", "/teams/..%2F..%2F..%2F"]) {
      assert.deepEqual(refusedPath(url), { status: 404, reason: "the path leads out of the site" }, url);
    }
  });
});

describe("isLoopbackHost", () => {
  test("accepts the names of this machine, with or without a port", () => {
    for (const host of ["localhost:8080", "127.0.0.1:8080", "[::1]:8080", "LOCALHOST", "127.0.0.1"]) assert.ok(isLoopbackHost(host), host);
  });

  test("refuses any other name, so a rebound DNS name cannot read the dev server", () => {
    for (const host of ["evil.example:8080", "127.0.0.1.evil.example", "localhost.evil.example:8080", "", undefined]) {
      assert.equal(isLoopbackHost(host), false, String(host));
    }
  });
});

describe("the dev server's address", () => {
  test("is this machine only unless --host says otherwise", () => {
    assert.equal(devServerOptions(parseSiteArgs([]).options).host, "127.0.0.1");
    assert.equal(devServerOptions(parseSiteArgs([]).options).showAllHosts, false);
  });

  test("--host 0.0.0.0 lets other machines connect, and the start message lists the network addresses", () => {
    const options = devServerOptions(parseSiteArgs(["--host", "0.0.0.0"]).options);
    assert.equal(options.host, "0.0.0.0");
    assert.equal(options.showAllHosts, true);
  });

  test("--host that is no IP address is a usage error that says what to give", () => {
    assert.throws(() => parseSiteArgs(["--host", "my laptop"]), (e: unknown) => {
      assert.ok(e instanceof UsageError);
      assert.match(e.message, /^--host must be an IP address, e\.g\. 0\.0\.0\.0 .*not "my laptop"$/);
      return true;
    });
  });
});
