import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import sirv from "sirv";

/** Debian's Chromium, started the way this machine allows (no sandbox, no background networking). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * Serves a built site on a free loopback port, under `prefix` (e.g. "/handbook/"), as a static host would, with
 * `headers` on every response (a host's Content-Security-Policy, say).
 */
export async function serveStatic(
  dir: string,
  prefix = "/",
  headers: Record<string, string> = {},
): Promise<{ origin: string; url: (path: string) => string; close: () => Promise<void> }> {
  const files = sirv(dir, { dev: true, extensions: ["html"] });
  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const url = req.url ?? "/";
    if (prefix !== "/" && !url.startsWith(prefix)) {
      res.statusCode = 404;
      res.end("not found");
      return;
    }
    req.url = prefix === "/" ? url : url.slice(prefix.length - 1);
    files(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path: string) => origin + (prefix === "/" ? path : prefix.slice(0, -1) + path),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A TCP port free on 127.0.0.1 right now, for a server a test or benchmark starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
