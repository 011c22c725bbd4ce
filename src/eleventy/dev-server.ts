// Options for Eleventy's dev server (`npm start`). Any web page the developer visits can send requests to it, so a
// request must never stop it nor read a file outside the site, and it listens on this machine only unless told.
import { createRequire } from "node:module";
import type { IncomingMessage, ServerResponse } from "node:http";

/** Where the dev server listens unless `--host` says otherwise: this machine only. */
export const DEFAULT_HOST = "127.0.0.1";

/** Why the dev server refuses a request path: not valid percent-encoding (400), or leading out of the site (404). */
export interface RefusedPath {
  status: 400 | 404;
  reason: string;
}

/** Whether the dev server must refuse the request target `url`, and why; undefined for a path it may look up. */
export function refusedPath(url: string): RefusedPath | undefined {
  let pathname: string;
  try {
    // The dev server decodes the path this way, and throws (stopping the process) where this throws.
    pathname = decodeURIComponent(new URL(url, "http://localhost/").pathname);
  } catch {
    return { status: 400, reason: "the path is not a valid URL path" };
  }
  if (pathname.includes("\0")) return { status: 400, reason: "the path holds a NUL character" };
  // %2f and %5c decode to separators after the URL parser has resolved "..": what is left would leave the site.
  if (pathname.split(/[/\\]/).includes("..")) return { status: 404, reason: "the path leads out of the site" };
  return undefined;
}

type Next = () => unknown;

const LOOPBACK = ["127.0.0.1", "localhost", "::1"];

/**
 * Whether a request's Host header names this machine. A dev server that listens on loopback only answers requests for
 * loopback names: a web page that points its own host name at 127.0.0.1 (DNS rebinding) must not read the handbook.
 */
export function isLoopbackHost(header: string | undefined): boolean {
  if (!header) return false;
  const name = header.startsWith("[") ? header.slice(1, header.indexOf("]")) : header.replace(/:\d+$/, "");
  return LOOPBACK.includes(name.toLowerCase());
}

/** Answers a refused path itself; any other request goes on to the dev server, which may not stop the process. */
function guardRequests(host: string, logError: (line: string) => void) {
  const loopbackOnly = LOOPBACK.includes(host);
  return (req: IncomingMessage, res: ServerResponse, next: Next): unknown => guard(req, res, next, loopbackOnly, logError);
}

function guard(req: IncomingMessage, res: ServerResponse, next: Next, loopbackOnly: boolean, logError: (line: string) => void): unknown {
  if (loopbackOnly && !isLoopbackHost(req.headers.host)) {
    return answer(res, 403, "the dev server answers requests for localhost only (start it with --host to change that)");
  }
  const refused = refusedPath(req.url ?? "/");
  if (refused) return answer(res, refused.status, refused.reason);
  try {
    return next();
  } catch (error) {
    logError(`Dev server: ${req.url ?? ""} failed: ${(error as Error).message}`);
    return res.headersSent ? res.end() : answer(res, 500, "the dev server could not answer this request");
  }
}

function answer(res: ServerResponse, status: number, reason: string): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end(`${status}: ${reason}\n`);
}

/** The part of @11ty/eleventy-dev-server's class that listenOnHost replaces. */
interface DevServerClass {
  prototype: { _serverListen(this: DevServerInstance, port: number): void; [LISTENS_ON_HOST]?: true };
}
interface DevServerInstance {
  server: { listen(options: { port: number; host?: string }): void };
  options: { host?: string };
}
const LISTENS_ON_HOST = Symbol.for("handbook.devServerListensOnHost");

/**
 * @11ty/eleventy-dev-server 2.x passes only the port to `listen()`, so it listens on every interface, and has no
 * option for the address (11ty/dev-server#128). This makes it listen on its `host` option. Loaded only when
 * serving: the module takes a tenth of a second to load, which a build does not need.
 */
function listenOnHost(): void {
  const { prototype } = createRequire(import.meta.url)("@11ty/eleventy-dev-server") as DevServerClass;
  if (prototype[LISTENS_ON_HOST]) return;
  prototype[LISTENS_ON_HOST] = true;
  prototype._serverListen = function (port) {
    this.server.listen({ port, host: this.options.host ?? DEFAULT_HOST });
  };
}

/** What `npm start` tells the dev server besides the address. */
export interface DevServerSettings {
  host?: string | undefined;
  /** The port asked for (`--port`); when it is taken the dev server tries the next ones, and the start line says so. */
  port?: number | undefined;
  logError?: (line: string) => void;
  logInfo?: (line: string) => void;
  /** More middleware, after the request guard (the error overlay's). */
  middleware?: Array<(req: IncomingMessage, res: ServerResponse, next: Next) => unknown>;
}

/** The line the dev server starts with: where it serves, and which port it took instead of a busy one. */
export function startLine(url: string, asked: number | undefined): string {
  const port = Number(new URL(url).port);
  if (asked === undefined || port === asked) return `Server at ${url}`;
  return `Port ${asked} is in use: Server at ${url} instead`;
}

/** Eleventy's `setServerOptions` for `npm start`: listen on `host` (127.0.0.1 by default), refuse bad paths. */
export function devServerOptions({
  host = DEFAULT_HOST,
  port,
  logError = (line: string) => process.stderr.write(`${line}\n`),
  logInfo = (line: string) => process.stdout.write(`${line}\n`),
  middleware = [],
}: DevServerSettings = {}) {
  return {
    host,
    // The start message lists the network addresses too when other machines can connect.
    showAllHosts: !LOOPBACK.includes(host),
    middleware: [guardRequests(host, logError), ...middleware],
    messageOnStart: ({ hosts, localhostUrl }: { hosts: string[]; localhostUrl: string }) => {
      logInfo(startLine(localhostUrl, port));
      for (const other of hosts.filter((h) => h !== localhostUrl)) logInfo(`  also at ${other}`);
      // The line is written here, through the handbook's log; the dev server writes nothing of its own.
      return false;
    },
    setup: () => {
      listenOnHost();
      return {};
    },
  };
}
