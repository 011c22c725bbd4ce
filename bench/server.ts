/**
 * `npm run bench:server`: requests per second of the production server (`npm run serve`) on this machine.
 *
 * Builds the handbook's own content (or takes --site DIR), starts `serve-site` as its own process on 127.0.0.1
 * with sign-in settings (the provider is never asked: the requests carry a valid session cookie, sealed with the
 * server's SESSION_SECRET, as a signed-in browser's would) and measures with autocannon:
 *   - a page (HTML, brotli-compressed on every request, as browsers ask for it),
 *   - a search index chunk (a Pagefind .pf_index file, already compressed, served as is),
 *   - the same page from a `--public` server, to show what the session check costs.
 * Each target --runs times for --seconds, in turns; the medians are printed. Only 127.0.0.1 is ever sent to.
 *
 *   npm run bench:server -- [--runs 3] [--seconds 10] [--connections 10] [--site DIR]
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { deriveKey, seal } from "../src/server/session.ts";
import { freePort } from "../tests/helpers/browser.ts";
import { startServeSite, type ServedSite } from "../tests/helpers/server.ts";
import { buildInto, projectDir } from "../tests/helpers/site.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    site: { type: "string" },
  },
});
const runs = Number(values.runs);
const seconds = Number(values.seconds);
const connections = Number(values.connections);

/** One autocannon run's figures. */
interface Run {
  rps: number;
  p50: number;
  p99: number;
  mbps: number;
}

async function measure(url: string, headers: Record<string, string>): Promise<Run> {
  const result = await autocannon({ url, connections, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, mbps: result.throughput.average / 1e6 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function siteDir(): Promise<string> {
  if (values.site) return path.resolve(values.site);
  process.stdout.write("Building the handbook's content…\n");
  const build = await buildInto(path.join(projectDir, "content"));
  if (build.code !== 0) throw new Error(build.stderr);
  return build.outDir;
}

const dir = await siteDir();
const chunkDir = path.join(dir, "pagefind", "index");
const chunk = fs.readdirSync(chunkDir).sort((a, b) => fs.statSync(path.join(chunkDir, b)).size - fs.statSync(path.join(chunkDir, a)).size)[0]!;
const secret = randomBytes(36).toString("base64");
const [privatePort, publicPort] = [await freePort(), await freePort()];
const signInEnv = {
  // Never contacted: every request is signed in already.
  OIDC_ISSUER: "http://127.0.0.1:9",
  OIDC_CLIENT_ID: "bench",
  OIDC_CLIENT_SECRET: "bench",
  PUBLIC_URL: `http://127.0.0.1:${privatePort}`,
  SESSION_SECRET: secret,
  ALLOWED_DOMAINS: "northwind.example",
};
const servers: ServedSite[] = [
  await startServeSite(privatePort, ["--dir", dir], signInEnv),
  await startServeSite(publicPort, ["--dir", dir, "--public"], {}),
];
const email = "alice@northwind.example";
const cookie = `handbook_session=${await seal({ sub: email, email, groups: [] }, deriveKey(secret), "session", 3600)}`;
const browserLike = { "accept-encoding": "gzip, deflate, br", accept: "text/html" };
const targets = [
  { name: "page, signed in (br)", url: `${servers[0]!.origin}/teams/dev-team/ai-engineer/`, headers: { ...browserLike, cookie } },
  { name: `search chunk ${chunk} (${fs.statSync(path.join(chunkDir, chunk)).size} B), signed in`, url: `${servers[0]!.origin}/pagefind/index/${chunk}`, headers: { ...browserLike, cookie } },
  { name: "page, --public (br)", url: `${servers[1]!.origin}/teams/dev-team/ai-engineer/`, headers: browserLike },
];
const results = new Map<string, Run[]>(targets.map((t) => [t.name, []]));
try {
  for (let run = 1; run <= runs; run++) {
    for (const target of targets) {
      const figures = await measure(target.url, target.headers);
      results.get(target.name)!.push(figures);
      process.stdout.write(`run ${run}: ${target.name}: ${Math.round(figures.rps)} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms\n`);
    }
  }
} finally {
  await Promise.all(servers.map((s) => s.close()));
}
process.stdout.write(`\nMedians of ${runs} runs of ${seconds} s, ${connections} connections, 127.0.0.1, ${new Date().toISOString().slice(0, 10)}:\n\n`);
process.stdout.write("| target | req/s | p50 latency | p99 latency | MB/s |\n| --- | ---: | ---: | ---: | ---: |\n");
for (const [name, list] of results) {
  const m = (key: keyof Run) => median(list.map((r) => r[key]));
  process.stdout.write(`| ${name} | ${Math.round(m("rps"))} | ${m("p50")} ms | ${m("p99")} ms | ${m("mbps").toFixed(1)} |\n`);
}
