// `npm run serve`: the production server for a built site, behind sign-in (src/server/).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { normaliseBase } from "../content/urls.ts";
import { createHandler } from "../server/app.ts";
import { readAuthConfig } from "../server/config.ts";
import { readPathPrefix } from "../server/static.ts";
import { UsageError } from "./args.ts";

/** The options of serve-site. */
export const serveSiteOptions = {
  dir: { type: "string", default: "_site" },
  port: { type: "string" },
  host: { type: "string", default: "127.0.0.1" },
  "path-prefix": { type: "string" },
  public: { type: "boolean", default: false },
  help: { type: "boolean", short: "h" },
} as const;

/** Serves a built site until the process is stopped; -1 while serving, 1 when it cannot start. */
export async function serveBuiltSite(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (line) => process.stderr.write(line + "\n"),
): Promise<number | "help"> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: serveSiteOptions, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return "help";
  const port = Number(values.port ?? env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${values.port ?? env.PORT}"`);
  const dir = path.resolve(values.dir);
  if (!fs.existsSync(path.join(dir, "index.html"))) {
    log(`error: ${values.dir} has no index.html; build the site first (npm run build) or give its folder with --dir`);
    return 1;
  }
  const prefix = values["path-prefix"] !== undefined ? normaliseBase(values["path-prefix"]) : readPathPrefix(dir);
  const { auth, problems } = values.public ? { auth: undefined, problems: [] } : readAuthConfig(env, prefix);
  if (problems.length > 0) {
    problems.forEach((problem) => log(`error: ${problem}`));
    log('The handbook is served only behind sign-in: set these variables (README, "Publishing privately"), or pass --public if it is meant for anyone.');
    return 1;
  }
  const server = http.createServer(createHandler({ dir, prefix, ...(auth ? { auth } : {}), log }));
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, values.host, resolve));
  const address = server.address() as { port: number };
  const who = auth ? `readers signed in with ${auth.issuer.href} (${[...auth.allowedDomains.map((d) => `@${d}`), ...auth.allowedGroups.map((g) => `group ${g}`)].join(", ")})` : "anyone (--public)";
  log(`Serving ${values.dir} at http://${values.host}:${address.port}${prefix} to ${who}`);
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return -1;
}
