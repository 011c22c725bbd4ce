import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { badPath, createStaticHandler, readPathPrefix } from "../../../src/server/static.ts";
import { rawRequest, tinySite } from "../../helpers/server.ts";

async function serve(dir: string, prefix: string) {
  const server = http.createServer(createStaticHandler(dir, prefix));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(r)) };
}

describe("the built site's files", () => {
  let site: Awaited<ReturnType<typeof serve>>;
  before(async () => (site = await serve(tinySite("/"), "/")));
  after(() => site.close());
  const get = (p: string, headers = {}) => rawRequest(site.origin, p, headers);

  test("a folder serves its index.html; without the slash it redirects to it", async () => {
    assert.match((await get("/teams/")).body.toString(), /<h1>Teams<\/h1>/);
    const bare = await get("/teams?x=1");
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.location, "/teams/?x=1");
  });

  test("a missing page gets the site's 404.html with status 404", async () => {
    const missing = await get("/no-such-page/");
    assert.equal(missing.status, 404);
    assert.match(missing.body.toString(), /This page does not exist/);
  });

  test("dotfiles such as the build's marker are not served", async () => {
    assert.equal((await get("/.handbook-build")).status, 404);
  });

  test("no path, however written, reaches a file outside the folder", async () => {
    for (const attempt of ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/..%5csecret.txt", "/..\\secret.txt", "/%c0%ae%c0%ae/secret.txt", "/%252e%252e/secret.txt", "/teams/../../secret.txt", "/../site-secret.txt", "/%00/../secret.txt"]) {
      const response = await get(attempt);
      assert.ok([400, 404].includes(response.status), `${attempt}: ${response.status}`);
      assert.doesNotMatch(response.body.toString(), /TOP-SECRET/, attempt);
    }
  });

  test("pages are revalidated with an ETag; hashed search files are immutable", async () => {
    const page = await get("/teams/");
    assert.equal(page.headers["cache-control"], "private, no-cache");
    const again = await get("/teams/", { "if-none-match": String(page.headers.etag) });
    assert.equal(again.status, 304);
    assert.equal(again.headers["cache-control"], "private, no-cache");
    assert.equal((await get("/pagefind/fragment/en_64f1ec6.pf_fragment")).headers["cache-control"], "private, max-age=31536000, immutable");
  });

  test("only GET and HEAD", async () => {
    assert.equal((await rawRequest(site.origin, "/teams/", {}, "POST")).status, 405);
    const head = await rawRequest(site.origin, "/teams/", {}, "HEAD");
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
  });
});

describe("a site built with a path prefix", () => {
  let site: Awaited<ReturnType<typeof serve>>;
  let dir: string;
  before(async () => {
    dir = tinySite("/handbook/");
    site = await serve(dir, readPathPrefix(dir));
  });
  after(() => site.close());

  test("the prefix is read from the built pages", () => {
    assert.equal(readPathPrefix(dir), "/handbook/");
    assert.equal(readPathPrefix(tinySite("/")), "/");
  });

  test("files are served under the prefix; the prefix without its slash redirects; other paths are 404", async () => {
    assert.match((await rawRequest(site.origin, "/handbook/teams/")).body.toString(), /Teams/);
    assert.equal((await rawRequest(site.origin, "/handbook")).headers.location, "/handbook/");
    assert.equal((await rawRequest(site.origin, "/teams/")).status, 404);
    assert.equal((await rawRequest(site.origin, "/handbook/../handbook/teams/")).status, 400);
  });
});

describe("paths refused outright", () => {
  test("dot segments, backslashes, NUL and malformed encoding", () => {
    assert.equal(badPath("/teams/dev-team/"), undefined);
    assert.equal(badPath("/a%20b/"), undefined);
    for (const bad of ["/../x", "/%2e%2e/x", "/./x", "/a\\b", "/%5c", "/%00", "/%c0%ae", "/%e0%a4%a"]) assert.ok(badPath(bad), bad);
  });
});
