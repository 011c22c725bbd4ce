import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { freePort } from "../helpers/browser.ts";
import { copyFixture, projectDir, tempDir } from "../helpers/site.ts";

// Any web page the developer visits can send requests to the dev server on localhost: no request may stop it, no
// path may read a file outside the site, and other machines cannot reach it unless --host says so.

/** Sends GET `rawPath` exactly as written (fetch would normalise it) and returns the status and body. */
function get(port: number, rawPath: string, headers: http.OutgoingHttpHeaders = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path: rawPath, headers }, (response) => {
      let body = "";
      response.on("data", (d: Buffer) => (body += d.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
  });
}

/** Whether a TCP connection to `host:port` is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** An address of this machine other than 127.0.0.1: its network address, else another loopback address (Linux). */
function otherAddress(): string {
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal);
  return external?.address ?? "127.0.0.2";
}

describe("the dev server (npm start), sent hostile requests", () => {
  let port = 0;
  let server: ChildProcess;
  let log = "";

  before(async () => {
    const content = copyFixture("basic");
    port = await freePort();
    const args = ["serve", "--content", content, "--output", path.join(tempDir(), "site"), "--port", String(port), "--no-search"];
    server = spawn(process.execPath, ["--import", "tsx", path.join(projectDir, "src/cli/main.ts"), ...args], {
      cwd: projectDir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Eleventy writes "Server at …" to stderr.
    await new Promise<void>((resolve, reject) => {
      for (const stream of [server.stdout!, server.stderr!]) {
        stream.on("data", (d: Buffer) => {
          log += d.toString();
          if (log.includes("Server at")) resolve();
        });
      }
      server.once("exit", () => reject(new Error(`the server stopped before it started:\n${log}`)));
    });
  });

  after(() => {
    server.kill("SIGTERM");
  });

  test("answers 400 to a path that is not valid percent-encoding, and 404 to one that leads out of the site", async () => {
    assert.equal((await get(port, "/%")).status, 400);
    assert.equal((await get(port, "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd")).status, 400);
    assert.equal((await get(port, "//")).status, 400);
    const escape = await get(port, "/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd");
    assert.equal(escape.status, 404);
    assert.doesNotMatch(escape.body, /root:/);
  });

  test("keeps serving the site after those requests", async () => {
    const page = await get(port, "/teams/dev-team/");
    assert.equal(page.status, 200);
    assert.match(page.body, /Dev Team/);
    assert.equal(server.exitCode, null, `the server stopped:\n${log}`);
  });

  test("refuses a request that names another host, as a page using DNS rebinding would send", async () => {
    const rebound = await get(port, "/teams/dev-team/", { Host: `rebind.evil.example:${port}` });
    assert.equal(rebound.status, 403);
    assert.doesNotMatch(rebound.body, /Dev Team/);
    assert.equal((await get(port, "/teams/dev-team/", { Host: `localhost:${port}` })).status, 200);
  });

  test("listens on this machine only by default", async () => {
    assert.equal(await accepts("127.0.0.1", port), true);
    assert.equal(await accepts(otherAddress(), port), false, `reachable at ${otherAddress()}`);
  });
});
