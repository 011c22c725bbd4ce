/**
 * `npm run bench:search`: what search costs on a 10,000-page handbook.
 *
 * Generates a handbook (tests/helpers/generate.ts), builds it with the project's own command a few times and reports
 *   - index time: the build's own "Search: indexed N pages in X s" line, median over the builds: what Pagefind
 *     indexing and writing the bundle adds once the last page is rendered (pages reach it while they render);
 *   - the bundle on disk: bytes and files under <out>/pagefind, by part;
 *   - in Chromium, the bytes the page fetches from the moment the search shortcut is pressed until the results
 *     of the first query are drawn and the network is quiet, file by file, Pagefind's own files included; then
 *     what each further query adds. "Served" is what tests/helpers/browser.ts serveStatic sends, which does not
 *     compress; "gzip" is what gzip -6 (node:zlib) makes of the same file, or the file itself when that is
 *     smaller (Pagefind's index files are gzip streams already).
 * Results go to stdout and bench/SEARCH-RESULTS.md.
 *
 *   Then what opening the dialog's filters adds (they load every filter file), and the first query side by side
 *   with Pagefind's web worker switched on (the site runs it on the page's thread until the filters open), each variant
 *   --runs times in a fresh page, alternating, with and without a 4× CPU slowdown: bytes, time to results and the
 *   longest main-thread task.
 *
 *   npm run bench:search -- [--pages 10000] [--runs 3] [--queries pytorch,kubernetes]
 *                           [--out bench/SEARCH-RESULTS.md] [--site DIR] [--keep]
 *
 * --runs N builds N times (index time) and measures each first-query variant N times.
 * --site DIR measures an already built site in the browser and skips generating and building (no index time).
 * --keep leaves the generated handbook and the built site in the temporary folder and prints where.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { launchBrowser, serveStatic } from "../tests/helpers/browser.ts";
import { generateHandbook } from "../tests/helpers/generate.ts";

const projectDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const cli = path.join(projectDir, "src", "cli", "main.ts");
/** The issue's budget for the first query, in bytes (1 kB = 1000 bytes). */
const BUDGET = 150_000;
/** What Pagefind states for a 10,000-page site, in bytes. */
const PAGEFIND_STATED = 300_000;
/** The network counts as quiet when nothing has been in flight for this long, in milliseconds. */
const QUIET_MS = 750;
/** What every first query fetches whatever the client does: Pagefind's library, entry, metadata, WebAssembly, an index chunk. */
const FLOOR_PARTS = ["Pagefind library", "entry", "metadata", "search engine", "index chunk"];
/** Delay between key presses while typing a query, in milliseconds (under the dialog's 300 ms typing pause). */
const TYPING_DELAY_MS = 80;
/** The CPU slowdown the worker comparison also runs under, as Chromium's DevTools throttling ("4× slowdown"). */
const SLOW_CPU = 4;

/** One build's figures, from the build's own summary lines. */
interface BuildRun {
  /** Seconds Pagefind took to index and write the bundle. */
  indexSeconds: number;
  /** Pages in the index. */
  indexedPages: number;
  /** Seconds of the whole build, search included. */
  buildSeconds: number;
}

/** One response the page received while a query ran. */
interface Fetched {
  /** Path on the site, e.g. /pagefind/pagefind.js (query string dropped). */
  path: string;
  /** Bytes of the body as served: the file on disk, since serveStatic does not compress. */
  served: number;
  /** Bytes gzip -6 makes of the body, or the body itself when gzip does not make it smaller. */
  gzip: number;
  /** Body bytes as Chromium counted them (0 when Chromium does not report the size, as for a worker's script). */
  chromium: number;
  /** Bytes of HTTP response headers. */
  headers: number;
  /** What the file is. */
  part: string;
}

/** What one query cost in the browser. */
interface QueryRun {
  term: string;
  /** The result count the dialog's status line reports. */
  results: number;
  /** Results drawn in the list. */
  drawn: number;
  fetched: Fetched[];
  /** Milliseconds from the first key press (the shortcut, for the first query) until the results were drawn. */
  ms: number;
  /** The longest main-thread task while the query ran, in milliseconds (0 when none reached 50 ms). */
  longestTaskMs: number;
}

/** The bundle on disk, by part. */
interface BundleOnDisk {
  bytes: number;
  files: number;
  parts: Array<{ part: string; files: number; bytes: number }>;
}

// ---------------------------------------------------------------------------------------------------------
// Building

/** Builds the content into `out` with the project's command and reads the figures from its summary. */
function build(content: string, out: string): BuildRun {
  fs.rmSync(out, { recursive: true, force: true });
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", cli, "build", "--content", content, "--output", out],
    {
      cwd: projectDir,
      encoding: "utf8",
      maxBuffer: 256 * 2 ** 20,
    },
  );
  if (result.status !== 0) throw new Error(`the build failed:\n${result.stdout}\n${result.stderr}`);
  const indexed = /^Search: indexed (\d+) pages in ([\d.]+) s$/m.exec(result.stdout);
  const built = /^Built \d+ pages into .* in ([\d.]+) s$/m.exec(result.stdout);
  if (!indexed || !built)
    throw new Error(`the build's summary has no search or build line:\n${result.stdout}`);
  return {
    indexedPages: Number(indexed[1]),
    indexSeconds: Number(indexed[2]),
    buildSeconds: Number(built[1]),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The bundle

/** What a file of the Pagefind bundle is, from its path below the site (e.g. /pagefind/index/en_3fca8a4.pf_index). */
function partOf(sitePath: string, file: string | undefined): string {
  const name = path.posix.basename(sitePath);
  if (sitePath.includes("/fragment/")) return "result fragment";
  if (sitePath.includes("/index/")) return "index chunk";
  if (sitePath.includes("/filter/")) return `filter "${(file && filterName(file)) ?? "?"}"`;
  if (name.endsWith(".pf_meta")) return "metadata: every page's hash and word count";
  if (/^wasm\..*\.pagefind$/.test(name)) return "search engine (WebAssembly)";
  if (name === "pagefind-entry.json") return "entry: languages and index hash";
  if (name === "pagefind.js") return "Pagefind library";
  if (name === "pagefind-worker.js") return "Pagefind web worker";
  if (name === "pagefind-modular-ui.js") return "Pagefind Modular UI";
  return name.endsWith(".js") || name.endsWith(".css") ? "script or style" : "other";
}

/** The filter's name, read from the start of a .pf_filter file (gzip, "pagefind_dcd", then CBOR text). */
function filterName(file: string): string | undefined {
  try {
    let data = zlib.gunzipSync(fs.readFileSync(file)).subarray("pagefind_dcd".length);
    if (data[0]! >= 0x80 && data[0]! <= 0x97) data = data.subarray(1); // an array header
    const head = data[0]!;
    if (head >= 0x60 && head <= 0x77) return data.subarray(1, 1 + head - 0x60).toString("utf8");
    if (head === 0x78) return data.subarray(2, 2 + data[1]!).toString("utf8");
  } catch {
    // Not the layout this reader knows; the caller shows "?".
  }
  return undefined;
}

/** Bytes and files under <out>/pagefind, by part. */
function bundleOnDisk(outDir: string): BundleOnDisk {
  const dir = path.join(outDir, "pagefind");
  const parts = new Map<string, { files: number; bytes: number }>();
  let bytes = 0;
  let files = 0;
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, rel);
    const stat = fs.statSync(file);
    if (!stat.isFile()) continue;
    const sitePath = `/pagefind/${rel.split(path.sep).join("/")}`;
    let part = partOf(sitePath, file);
    if (/^wasm\./.test(rel)) part = `search engine (WebAssembly), ${rel.split(".")[1]}`;
    else if (part === "script or style" || part.startsWith("Pagefind ")) part = `${part}: ${rel}`;
    const entry = parts.get(part) ?? { files: 0, bytes: 0 };
    entry.files += 1;
    entry.bytes += stat.size;
    parts.set(part, entry);
    bytes += stat.size;
    files += 1;
  }
  return {
    bytes,
    files,
    parts: [...parts].map(([part, e]) => ({ part, ...e })).sort((a, b) => b.bytes - a.bytes),
  };
}

/** Bytes gzip -6 makes of a body, or the body's own size when gzip does not shrink it. */
function gzipped(body: Buffer): number {
  return Math.min(body.length, zlib.gzipSync(body, { level: 6 }).length);
}

// ---------------------------------------------------------------------------------------------------------
// The browser

/** Records what a page fetches between start() and stop(); stop() waits until the network is quiet. */
function recorder(page: Page, outDir: string) {
  const inflight = new Set<Request>();
  let lastChange = performance.now();
  let log: Array<Promise<Fetched | undefined>> | undefined;
  const failed: string[] = [];

  const record = async (request: Request): Promise<Fetched | undefined> => {
    const response = await request.response();
    if (!response) return undefined;
    const sizes = await request.sizes();
    const sitePath = new URL(request.url()).pathname;
    const file = fileFor(outDir, sitePath);
    const body = file ? fs.readFileSync(file) : await response.body();
    return {
      path: sitePath,
      served: body.length,
      gzip: gzipped(body),
      chromium: sizes.responseBodySize,
      headers: sizes.responseHeadersSize,
      part: partOf(sitePath, file),
    };
  };
  const settle = (request: Request) => {
    inflight.delete(request);
    lastChange = performance.now();
  };
  page.on("request", (request) => {
    inflight.add(request);
    lastChange = performance.now();
  });
  page.on("requestfinished", (request) => {
    settle(request);
    log?.push(record(request));
  });
  page.on("requestfailed", (request) => {
    settle(request);
    if (log) failed.push(`${request.url()}: ${request.failure()?.errorText ?? "failed"}`);
  });

  return {
    /** Waits until nothing has been in flight for QUIET_MS. */
    async quiet(): Promise<void> {
      while (inflight.size > 0 || performance.now() - lastChange < QUIET_MS)
        await page.waitForTimeout(50);
    },
    start(): void {
      log = [];
      failed.length = 0;
    },
    async stop(): Promise<Fetched[]> {
      await this.quiet();
      const fetched = (await Promise.all(log ?? [])).filter((f): f is Fetched => f !== undefined);
      log = undefined;
      if (failed.length > 0)
        throw new Error(`requests failed during the query:\n${failed.join("\n")}`);
      return fetched;
    },
  };
}

/** The file a site path is served from, or undefined. */
function fileFor(outDir: string, sitePath: string): string | undefined {
  let file = path.join(outDir, ...decodeURIComponent(sitePath).split("/"));
  if (sitePath.endsWith("/")) file = path.join(file, "index.html");
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}

/** How the page runs Pagefind for one measurement. */
interface Variant {
  /** Pagefind's web worker switched on from the start (the site as built runs the first queries on the page's thread). */
  worker: boolean;
  /** Chromium's CPU throttling rate: 1 is the machine's own speed. */
  slowdown: number;
}

/** What one page session measured. */
interface Session {
  queries: QueryRun[];
  /** Opening the dialog's filters after the queries, when asked for. */
  filters?: QueryRun;
}

/** A page of the built site opened in `context` as the variant asks, recording long tasks and the network. */
async function openPage(
  context: BrowserContext,
  site: Awaited<ReturnType<typeof serveStatic>>,
  outDir: string,
  pagePath: string,
  variant: Variant,
) {
  if (variant.worker) {
    // The site's script as built, with Pagefind's worker switched back on.
    await context.route("**/assets/handbook.js", async (route) => {
      const response = await route.fetch();
      const script = await response.text();
      if (script.split("noWorker:!0").length !== 2)
        throw new Error(
          "handbook.js does not hold noWorker:!0 exactly once, to switch: update bench/search.ts",
        );
      const switched = script.replace("noWorker:!0", "noWorker:!1");
      await route.fulfill({ response, body: switched });
    });
  }
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // Long main-thread tasks (50 ms and more), to see what search costs the page itself.
  await page.addInitScript(() => {
    const tasks: number[][] = [];
    (window as unknown as { benchLongTasks: number[][] }).benchLongTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: true });
  });
  const network = recorder(page, outDir);
  await page.goto(site.url(pagePath), { waitUntil: "load" });
  await network.quiet();
  if (variant.slowdown !== 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: variant.slowdown });
  }
  const longestTaskSince = (from: number) =>
    page.evaluate(
      (since) =>
        Math.max(
          0,
          ...(window as unknown as { benchLongTasks: number[][] }).benchLongTasks
            .filter(([start]) => start! >= since)
            .map(([, duration]) => duration!),
        ),
      from,
    );
  return { page, problems, network, longestTaskSince };
}

type OpenPage = Awaited<ReturnType<typeof openPage>>;

/** Types `term` into the search dialog (opening it with its shortcut) and waits for the results of that term. */
async function runQuery(
  { page, network, longestTaskSince }: OpenPage,
  pagePath: string,
  term: string,
  variant: Variant,
) {
  network.start();
  const since = await page.evaluate(() => performance.now());
  const started = performance.now();
  const dialogOpen = () =>
    page.locator("dialog.search-dialog").evaluate((d: HTMLDialogElement) => d.open);
  if (!(await dialogOpen())) {
    await page.keyboard.press("Control+K");
    if (!(await dialogOpen()))
      throw new Error(`the search shortcut did not open the dialog on ${pagePath}`);
  }
  await page.keyboard.press("Control+A");
  await page.keyboard.type(term, { delay: TYPING_DELAY_MS });
  await page.waitForFunction(
    (t) => {
      const line = document.querySelector("#search-status")?.textContent ?? "";
      return (
        document.querySelector("#search-results")?.getAttribute("aria-busy") === "false" &&
        line.endsWith(`for “${t}”`)
      );
    },
    term,
    { timeout: 120_000 },
  );
  const ms = performance.now() - started;
  const fetched = await network.stop();
  const status = (await page.locator("#search-status").textContent()) ?? "";
  const drawn = await page.locator(".search-result").count();
  const run: QueryRun = {
    term,
    results: /^No /.test(status) ? 0 : Number.parseInt(status, 10),
    drawn,
    fetched,
    ms,
    longestTaskMs: await longestTaskSince(since),
  };
  console.error(
    `  "${term}"${variant.worker ? ", worker" : ""}${variant.slowdown !== 1 ? `, ${variant.slowdown}× slower CPU` : ""}: ${status}; ${fetched.length} files, ${sum(fetched, "served")} bytes served`,
  );
  return run;
}

/** Opens the dialog's filters after the last query and waits until every group is drawn with its counts. */
async function openFilterPanel(
  { page, network, longestTaskSince }: OpenPage,
  last: QueryRun,
): Promise<QueryRun> {
  network.start();
  const since = await page.evaluate(() => performance.now());
  const started = performance.now();
  await page.locator(".search-filters-toggle").click();
  // Drawn with counts: every group's values carry one, and the loading note is gone.
  await page.waitForFunction(
    () =>
      document.querySelector(".search-filters-note")?.hasAttribute("hidden") === true &&
      document.querySelector('.search-filter[data-filter="team"] .search-pill-count') !== null,
    undefined,
    { timeout: 120_000 },
  );
  const ms = performance.now() - started;
  const fetched = await network.stop();
  console.error(
    `  opened the filters: ${fetched.length} files, ${sum(fetched, "served")} bytes served`,
  );
  return {
    term: last.term,
    results: last.results,
    drawn: await page.locator(".search-result").count(),
    fetched,
    ms,
    longestTaskMs: await longestTaskSince(since),
  };
}

/**
 * Opens a page of the built site in a fresh Chromium context and runs each query in its search dialog, as a reader
 * would; then, if `openFilters`, opens the dialog's filters and waits for their counts.
 */
async function session(
  browser: Browser,
  site: Awaited<ReturnType<typeof serveStatic>>,
  outDir: string,
  pagePath: string,
  terms: string[],
  variant: Variant,
  openFilters: boolean,
): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const opened = await openPage(context, site, outDir, pagePath, variant);
    const queries: QueryRun[] = [];
    for (const term of terms) queries.push(await runQuery(opened, pagePath, term, variant));
    const filters = openFilters ? await openFilterPanel(opened, queries.at(-1)!) : undefined;
    if (opened.problems.length > 0)
      throw new Error(`the page reported errors:\n${opened.problems.join("\n")}`);
    return { queries, filters };
  } finally {
    await context.close();
  }
}

/** The first query with and without Pagefind's worker, at full speed and under a slower CPU, `runs` times each. */
const VARIANTS: Variant[] = [
  { worker: false, slowdown: 1 },
  { worker: true, slowdown: 1 },
  { worker: false, slowdown: SLOW_CPU },
  { worker: true, slowdown: SLOW_CPU },
];

/** All the browser measurements: the queries and the filters in one page, then the first query in each variant. */
async function measureInBrowser(
  outDir: string,
  pagePath: string,
  terms: string[],
  runs: number,
): Promise<{
  main: Session;
  compared: Array<{ variant: Variant; runs: QueryRun[] }>;
  chromium: string;
}> {
  const site = await serveStatic(outDir);
  const browser = await launchBrowser();
  try {
    const main = await session(browser, site, outDir, pagePath, terms, VARIANTS[0]!, true);
    const compared = VARIANTS.map((variant) => ({ variant, runs: [] as QueryRun[] }));
    // Alternating, so that the machine's load falls on every variant alike.
    for (let i = 0; i < runs; i++) {
      for (const entry of compared) {
        const { queries } = await session(
          browser,
          site,
          outDir,
          pagePath,
          terms.slice(0, 1),
          entry.variant,
          false,
        );
        entry.runs.push(queries[0]!);
      }
    }
    return { main, compared, chromium: browser.version() };
  } finally {
    await browser.close();
    await site.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Report

function sum<K extends "served" | "gzip" | "chromium" | "headers">(
  list: Fetched[],
  key: K,
): number {
  return list.reduce((total, f) => total + f[key], 0);
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const int = (n: number) => n.toLocaleString("en-US");

function machine(): string {
  const cpus = os.cpus();
  return [
    `${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores`,
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory`,
    `Node ${process.version}`,
    `${os.type()} ${os.release()} ${os.arch()}`,
  ].join(", ");
}

/** The 1-minute load average, which says how much else the machine was doing while the times were taken. */
const load = () => os.loadavg()[0]!.toFixed(1);

function pagefindVersion(): string {
  const pkg = JSON.parse(
    fs.readFileSync(path.join(projectDir, "node_modules", "pagefind", "package.json"), "utf8"),
  ) as { version: string };
  return pkg.version;
}

/** Fetched files grouped by part, largest first. */
function byPart(
  fetched: Fetched[],
): Array<{ part: string; files: number; served: number; gzip: number }> {
  const parts = new Map<string, { files: number; served: number; gzip: number }>();
  for (const f of fetched) {
    const entry = parts.get(f.part) ?? { files: 0, served: 0, gzip: 0 };
    entry.files += 1;
    entry.served += f.served;
    entry.gzip += f.gzip;
    parts.set(f.part, entry);
  }
  return [...parts].map(([part, e]) => ({ part, ...e })).sort((a, b) => b.served - a.served);
}

interface Report {
  /** Load averages when the benchmark started and when it finished. */
  load: [string, string];
  pages: number;
  pagePath: string;
  builds: BuildRun[];
  bundle: BundleOnDisk;
  queries: QueryRun[];
  /** Opening the dialog's filters after the queries. */
  filters?: QueryRun;
  /** The first query in each variant, several runs each. */
  compared: Array<{ variant: Variant; runs: QueryRun[] }>;
  chromium: string;
}

/** The report's opening lines and its "Index" section: index time and the bundle on disk. */
function renderIndex(r: Report): string[] {
  const lines: string[] = [];
  lines.push(
    `Machine: ${machine()}. Load average ${r.load[0]} at the start, ${r.load[1]} at the end (times grow with it).`,
    `Chromium ${r.chromium} (headless, /usr/bin/chromium), Pagefind ${pagefindVersion()}. 1 kB = 1,000 bytes.`,
    "",
  );
  if (r.builds.length > 0) {
    const indexed = r.builds[0]!.indexedPages;
    lines.push(
      `Handbook: ${int(r.pages)} pages written by tests/helpers/generate.ts (seed 1), ${int(indexed)} of them in the search index.`,
      "",
      "## Index",
      "",
      "| figure | median | runs |",
      "| --- | ---: | --- |",
      `| index time: what indexing ${int(indexed)} pages from memory and writing the bundle adds once the last page is rendered (the build's "Search: indexed" line; pages reach Pagefind as they are rendered) | ${median(r.builds.map((b) => b.indexSeconds)).toFixed(2)} s | ${r.builds.map((b) => b.indexSeconds.toFixed(2)).join(", ")} s |`,
      `| the whole build, search included, for scale | ${median(r.builds.map((b) => b.buildSeconds)).toFixed(1)} s | ${r.builds.map((b) => b.buildSeconds.toFixed(1)).join(", ")} s |`,
      "",
    );
  } else {
    lines.push(
      `Site: an existing build (--site); ${int(r.pages)} HTML pages on disk. Index time not measured.`,
      "",
      "## Index",
      "",
    );
  }
  lines.push(
    `Bundle on disk (<out>/pagefind): **${kB(r.bundle.bytes)} in ${int(r.bundle.files)} files**. A reader's browser fetches only the few it needs.`,
    "",
    "| part | files | bytes |",
    "| --- | ---: | ---: |",
    ...r.bundle.parts.map((p) => `| ${p.part} | ${int(p.files)} | ${int(p.bytes)} |`),
    "",
  );
  return lines;
}

/** The "First query in Chromium" section: every file the first query fetched, by part, against the budget. */
function renderFirstQuery(r: Report): string[] {
  const lines: string[] = [];
  const first = r.queries[0]!;
  const served = sum(first.fetched, "served");
  const gz = sum(first.fetched, "gzip");
  const verdict = (bytes: number) => (bytes <= BUDGET ? "within" : `over by ${kB(bytes - BUDGET)}`);
  lines.push(
    "## First query in Chromium",
    "",
    `Opened ${r.pagePath}, pressed Ctrl+K, typed “${first.term}” (${TYPING_DELAY_MS} ms a key) and waited until the results were drawn and` +
      ` nothing had been in flight for ${QUIET_MS} ms. Counted: every response from the key press on. ${int(first.results)} results,` +
      ` ${first.drawn} drawn. "Served" is what the test server sends, uncompressed (serveStatic does not compress);` +
      ` "gzip" is gzip -6 of the same file, or the file itself where gzip does not shrink it (Pagefind's index files are gzip streams already).`,
    "",
    "| # | file | what | served bytes | gzip bytes |",
    "| ---: | --- | --- | ---: | ---: |",
    ...first.fetched.map(
      (f, i) => `| ${i + 1} | ${f.path} | ${f.part} | ${int(f.served)} | ${int(f.gzip)} |`,
    ),
    `| | **total** (${first.fetched.length} files) | | **${int(served)}** | **${int(gz)}** |`,
    "",
    "By part:",
    "",
    "| part | files | served bytes | gzip bytes | share of served |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...byPart(first.fetched).map(
      (p) =>
        `| ${p.part} | ${p.files} | ${int(p.served)} | ${int(p.gzip)} | ${((100 * p.served) / served).toFixed(0)} % |`,
    ),
    "",
    `First query: **${kB(served)} served, ${kB(gz)} with gzip** (plus ${kB(sum(first.fetched, "headers"))} of response headers).` +
      ` Budget ${kB(BUDGET)}: served ${verdict(served)}, gzip ${verdict(gz)}. Pagefind states under ${kB(PAGEFIND_STATED)} for 10,000 pages.`,
  );
  const floor = first.fetched.filter((f) => FLOOR_PARTS.some((part) => f.part.startsWith(part)));
  const meta = first.fetched.find((f) => f.part.startsWith("metadata"));
  const indexed = r.builds[0]?.indexedPages;
  lines.push(
    "",
    `Whatever the page does, a query with Pagefind fetches its library, its entry file, the metadata, the search engine and` +
      ` at least one index chunk: here ${floor.map((f) => `${kB(f.gzip)} (${f.part.split(":")[0]})`).join(" + ")} =` +
      ` **${kB(sum(floor, "gzip"))} with gzip**, ${kB(Math.abs(BUDGET - sum(floor, "gzip")))} ${sum(floor, "gzip") > BUDGET ? "over" : "under"} the budget` +
      " before a single result is shown. The rest is the results' fragments (one per result drawn)." +
      (meta && indexed
        ? ` The metadata lists every page's hash and word count, ${(meta.gzip / indexed).toFixed(1)} bytes a page here, so it grows with the site;`
        : " The metadata grows with the number of pages;") +
      " the search engine is fixed; index chunks are cut by Pagefind at a fixed number of word positions, so a frequent word's chunk stays large.",
  );
  const unreported = first.fetched.filter((f) => f.chromium !== f.served);
  if (unreported.length > 0) {
    lines.push(
      "",
      `Chromium's own body count differs for ${unreported.map((f) => `${f.path} (${int(f.chromium)})`).join(", ")};` +
        " the table counts the file served. (Chromium reports 0 for a dedicated worker's script.)",
    );
  }
  lines.push(
    "",
    `Time from the shortcut to the results drawn: ${(first.ms / 1000).toFixed(2)} s (typing and the dialog's 300 ms typing pause included; local server, no throttling).` +
      ` Longest main-thread task meanwhile: ${first.longestTaskMs > 0 ? `${first.longestTaskMs.toFixed(0)} ms` : "none of 50 ms or more"}.`,
  );
  return lines;
}

/** The "Further queries" and "Opening the filters" sections. */
function renderLaterQueries(r: Report): string[] {
  const lines: string[] = [];
  if (r.queries.length > 1) {
    lines.push(
      "",
      "## Further queries",
      "",
      "| query | results | files fetched | served bytes | gzip bytes | what | time to results | longest task |",
      "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
      ...r.queries.slice(1).map(
        (q) =>
          `| ${q.term} | ${int(q.results)} | ${q.fetched.length} | ${int(sum(q.fetched, "served"))} | ${int(sum(q.fetched, "gzip"))} | ` +
          `${
            byPart(q.fetched)
              .map((p) => `${p.files} × ${p.part}`)
              .join(", ") || "nothing"
          } | ${(q.ms / 1000).toFixed(2)} s | ${q.longestTaskMs > 0 ? `${q.longestTaskMs.toFixed(0)} ms` : "< 50 ms"} |`,
      ),
    );
  }
  if (r.filters) {
    const f = r.filters;
    lines.push(
      "",
      "## Opening the filters",
      "",
      `After the last query, clicked “Filters” and waited until the groups were drawn with their counts. A search only fetches the` +
        " filter files of the filters it uses; the counts need them all, so the dialog loads them when the reader opens the filters." +
        " With them loaded Pagefind counts every value on every search, so from here on it runs in its web worker: the worker's script" +
        " and a second start of Pagefind there: the metadata, the search engine and the last query's index chunk again (the results drawn stay as they are). The test" +
        " server sends Cache-Control: no-store, so they are fetched again here; from a host that lets the browser cache them they come from its cache.",
      "",
      "| file | what | served bytes | gzip bytes |",
      "| --- | --- | ---: | ---: |",
      ...f.fetched.map((x) => `| ${x.path} | ${x.part} | ${int(x.served)} | ${int(x.gzip)} |`),
      `| **total** (${f.fetched.length} files) | | **${int(sum(f.fetched, "served"))}** | **${int(sum(f.fetched, "gzip"))}** |`,
      "",
      `Time from the click to the counts drawn: ${(f.ms / 1000).toFixed(2)} s. Longest main-thread task meanwhile: ${f.longestTaskMs > 0 ? `${f.longestTaskMs.toFixed(0)} ms` : "none of 50 ms or more"}.`,
    );
  }
  return lines;
}

/** The "Pagefind's web worker or the page's thread" section. */
function renderWorkerComparison(r: Report): string[] {
  const lines: string[] = [];
  const first = r.queries[0]!;
  if (r.compared.length > 0 && r.compared[0]!.runs.length > 0) {
    const ms = (values: number[]) => values.map((v) => v.toFixed(0)).join(", ");
    lines.push(
      "",
      "## Pagefind's web worker or the page's thread",
      "",
      `The site runs Pagefind on the page's thread (\`noWorker\`) until the reader opens the filters. For comparison, the first query (“${first.term}”) again, each in a fresh page,` +
        ` with the site's script as built and with Pagefind's web worker switched on from the start, at the machine's speed and under Chromium's ${SLOW_CPU}× CPU slowdown` +
        ` (DevTools throttling; the network is not throttled). ${r.compared[0]!.runs.length} runs each, alternating; medians, then every run.` +
        ' A long task is one of 50 ms or more; "0" is a run without one.',
      "",
      "| Pagefind runs on | CPU | served bytes | gzip bytes | time to results | runs (ms) | longest main-thread task | runs (ms) |",
      "| --- | --- | ---: | ---: | ---: | --- | ---: | --- |",
      ...r.compared.map(({ variant, runs }) => {
        const firstRun = runs[0]!;
        return (
          `| ${variant.worker ? "a web worker" : "the page's thread (as built)"} | ${variant.slowdown === 1 ? "as is" : `${variant.slowdown}× slower`} |` +
          ` ${int(sum(firstRun.fetched, "served"))} | ${int(sum(firstRun.fetched, "gzip"))} |` +
          ` ${(median(runs.map((q) => q.ms)) / 1000).toFixed(2)} s | ${ms(runs.map((q) => q.ms))} |` +
          ` ${median(runs.map((q) => q.longestTaskMs)).toFixed(0)} ms | ${ms(runs.map((q) => q.longestTaskMs))} |`
        );
      }),
    );
  }
  return lines;
}

/** The report as Markdown. */
function render(r: Report): string {
  return [
    ...renderIndex(r),
    ...renderFirstQuery(r),
    ...renderLaterQueries(r),
    ...renderWorkerComparison(r),
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pages: { type: "string", default: "10000" },
      runs: { type: "string", default: "3" },
      queries: { type: "string", default: "pytorch,kubernetes" },
      out: { type: "string", default: path.join(projectDir, "bench", "SEARCH-RESULTS.md") },
      site: { type: "string" },
      keep: { type: "boolean", default: false },
    },
  });
  const terms = values.queries
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  const runs = Number(values.runs);
  if (terms.length === 0) throw new Error("--queries needs at least one term");
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a whole number of 1 or more, not ${values.runs}`);

  const loadAtStart = load();
  const work = values.site
    ? undefined
    : fs.mkdtempSync(path.join(os.tmpdir(), "handbook-search-bench-"));
  try {
    let outDir: string;
    let pages: number;
    const builds: BuildRun[] = [];
    if (values.site) {
      outDir = path.resolve(values.site);
      pages = (fs.readdirSync(outDir, { recursive: true }) as string[]).filter((f) =>
        f.endsWith("index.html"),
      ).length;
    } else {
      const content = path.join(work!, "content");
      outDir = path.join(work!, "site");
      pages = generateHandbook(content, Number(values.pages)).pages;
      console.error(`Generated ${pages} pages; building ${runs} time(s)…`);
      for (let i = 0; i < runs; i++) {
        const run = build(content, outDir);
        builds.push(run);
        console.error(
          `  build ${i + 1}: index ${run.indexSeconds.toFixed(2)} s, whole build ${run.buildSeconds.toFixed(1)} s`,
        );
      }
    }
    const bundle = bundleOnDisk(outDir);
    console.error("Measuring queries in Chromium…");
    const pagePath = "/";
    const {
      main: measured,
      compared,
      chromium,
    } = await measureInBrowser(outDir, pagePath, terms, runs);
    const report = render({
      load: [loadAtStart, load()],
      pages,
      pagePath,
      builds,
      bundle,
      queries: measured.queries,
      filters: measured.filters,
      compared,
      chromium,
    });
    console.log(`\n${report}`);
    fs.writeFileSync(
      values.out,
      `# Search benchmark\n\nWritten by \`npm run bench:search\` on ${new Date().toISOString().slice(0, 10)}.\n\n${report}\n`,
    );
    console.log(`\nWritten to ${path.relative(process.cwd(), values.out)}`);
    if (work && values.keep) console.log(`Kept the handbook and the site in ${work}`);
  } finally {
    if (work && !values.keep) fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("bench/search.ts")) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
