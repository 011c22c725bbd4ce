// The built site's files, through sirv. sirv (not in dev mode) lists the folder once at start and serves only the
// files it listed, so no request path, however encoded, reaches a file outside the folder; paths with `..`, a
// backslash, a NUL or malformed percent-encoding are refused before that.
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import sirv from "sirv";
import { cacheControl } from "./headers.ts";

/** Serves one request from the site folder. */
export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The path prefix a site was built with, read from the stylesheet link the layout writes into every page
 * (`<link rel="stylesheet" href="/handbook/assets/handbook.css">`); "/" when there is none.
 */
export function readPathPrefix(dir: string): string {
  for (const page of ["index.html", "404.html"]) {
    const file = path.join(dir, page);
    if (!fs.existsSync(file)) continue;
    const href = /<link\b[^>]*\bhref="([^"]*)assets\/handbook\.css"/.exec(fs.readFileSync(file, "utf8"))?.[1];
    if (href !== undefined && href.startsWith("/")) return href;
  }
  return "/";
}

/** Why a request path is refused outright (400), or undefined: malformed encoding, `..` or `.` segments, `\`, NUL. */
export function badPath(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return "malformed percent-encoding";
  }
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\\\u0000]/.test(decoded)) return "a backslash or NUL";
  if (decoded.split("/").some((segment) => segment === ".." || segment === ".")) return "a . or .. segment";
  return undefined;
}

/** A handler for the built site in `dir`, served under `prefix`; the site's own 404.html answers what is not there. */
export function createStaticHandler(dir: string, prefix: string, isPublic = false): StaticHandler {
  const root = path.resolve(dir);
  const files = sirv(root, { dev: false, etag: true, extensions: ["html"], dotfiles: false });
  const folders = foldersWithIndex(root);
  const notFoundFile = path.join(root, "404.html");
  const notFound = fs.existsSync(notFoundFile) ? fs.readFileSync(notFoundFile) : Buffer.from("<!doctype html><title>Not found</title><h1>Not found</h1>");
  const sendNotFound = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(404, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": cacheControl("/404.html", isPublic) });
    res.end(req.method === "HEAD" ? undefined : notFound);
  };
  return (req, res) => {
    const [pathname = "/", query] = (req.url ?? "/").split(/\?(.*)/s);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
      return res.end("Only GET and HEAD are served here.\n");
    }
    const bad = badPath(pathname);
    if (bad) {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
      return res.end(`Bad request: the path has ${bad}.\n`);
    }
    if (!pathname.startsWith(prefix)) return pathname === prefix.slice(0, -1) ? redirect(res, prefix, query) : sendNotFound(req, res);
    const inSite = pathname.slice(prefix.length - 1);
    if (!inSite.endsWith("/") && folders.has(decodeURIComponent(inSite))) return redirect(res, `${pathname}/`, query);
    res.setHeader("Cache-Control", cacheControl(inSite, isPublic));
    req.url = inSite + (query === undefined ? "" : `?${query}`);
    files(req, res, () => sendNotFound(req, res));
  };
}

function redirect(res: ServerResponse, location: string, query: string | undefined): void {
  res.writeHead(301, { Location: location + (query === undefined ? "" : `?${query}`), "Cache-Control": "no-cache" });
  res.end();
}

/** Every folder of the site that has an index.html, as a site path without the trailing slash ("/teams"). */
function foldersWithIndex(root: string): Set<string> {
  const folders = new Set<string>();
  for (const rel of fs.readdirSync(root, { recursive: true }) as string[]) {
    if (path.basename(rel) === "index.html" && path.dirname(rel) !== ".") folders.add(`/${path.dirname(rel).split(path.sep).join("/")}`);
  }
  return folders;
}
