// The production server (`serve-site`) as a child process, and raw HTTP requests to it: what the private-handbook
// tests and bench/server.ts share.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { projectDir, tempDir } from "./site.ts";

/** A running `serve-site` process. */
export interface ServedSite {
  origin: string;
  /** Everything it logged so far. */
  log: () => string;
  close(): Promise<void>;
}

/** Starts `serve-site` on `port` with `args` and `env`, and waits until it says it is serving. */
export async function startServeSite(port: number, args: string[], env: NodeJS.ProcessEnv): Promise<ServedSite> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join(projectDir, "src/cli/main.ts"), "serve-site", "--port", String(port), ...args],
    { cwd: projectDir, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const check = () => (output.includes("Serving ") ? resolve() : undefined);
    child.stderr!.on("data", check);
    child.once("exit", (code) => reject(new Error(`serve-site exited with ${code}:\n${output}`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    log: () => output,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** What a raw request got back. */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Sends `path` exactly as given (no normalising of `..` or percent-encoding, unlike fetch). */
export function rawRequest(origin: string, requestPath: string, headers: http.OutgoingHttpHeaders = {}, method = "GET"): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: requestPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** A tiny built site under `prefix`, with a secret beside its folder. */
export function tinySite(prefix: string): string {
  const dir = path.join(tempDir(), "site");
  const files: Record<string, string> = {
    "index.html": `<!doctype html><link rel="stylesheet" href="${prefix}assets/handbook.css"><h1>Home</h1>`,
    "404.html": "<!doctype html><h1>This page does not exist</h1>",
    "teams/index.html": `<!doctype html><h1>Teams</h1>${"<p>Who does what.</p>".repeat(200)}`,
    "assets/handbook.js": "console.log('handbook');".repeat(100),
    "pagefind/fragment/en_64f1ec6.pf_fragment": "fragment",
    ".handbook-build": "marker",
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  fs.writeFileSync(path.join(path.dirname(dir), "secret.txt"), "TOP-SECRET");
  fs.writeFileSync(path.join(path.dirname(dir), "site-secret.txt"), "TOP-SECRET");
  return dir;
}
