/**
 * Dev-server rebuild figures (used by `npm run bench`, or on their own): start `npm start` on a generated handbook
 * outside the project, open pages in Chromium, edit one page's body and one page's title, and time each edit until
 * every page it affects is correct on disk, and until the browser shows the new page.
 *
 *   npx tsx bench/serve.ts [--size 1000] [--edits 3] [--no-search]
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { freePort, launchBrowser } from "../tests/helpers/browser.ts";
import { generateHandbook } from "../tests/helpers/generate.ts";

const projectDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/** What the rebuild measurement saw. */
export interface RebuildFigures {
  pages: number;
  /** Seconds from saving a body edit until the page's HTML on disk holds it, per edit. */
  body: number[];
  /** Seconds from saving a title edit until every page showing the title has the new one on disk, per edit. */
  title: number[];
  /** Seconds from saving a body edit until the browser, open on the page, shows it. */
  bodyReload: number[];
  /** Seconds from saving a title edit until the browser, open on a sibling page, shows the new title in its sidebar. */
  titleReload: number[];
  /** Pages checked for each title edit: the page, its parent and its siblings (their sidebars show it). */
  titlePagesChecked: number;
  /** Pages still wrong when a measurement ended (0 unless the 60 s limit was reached). */
  bodyStale: number;
  titleStale: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function urlOf(rel: string): string {
  return `/${rel.replace(/\.md$/, "").replace(/(^|\/)index$/, "")}/`.replace(/\/+/g, "/");
}

function htmlOf(out: string, rel: string): string {
  try {
    return fs.readFileSync(path.join(out, urlOf(rel), "index.html"), "utf8");
  } catch {
    return "";
  }
}

/** The parts of a page that show other pages' titles: sidebar, breadcrumbs, child list, previous/next. */
function navigationOf(html: string): string {
  const parts = [
    /<nav id="site-nav"[\s\S]*?<\/nav>/,
    /<nav class="breadcrumbs"[\s\S]*?<\/nav>/,
    /<section class="child-pages"[\s\S]*?<\/section>/,
    /<nav class="prev-next"[\s\S]*?<\/nav>/,
  ];
  return parts.map((re) => re.exec(html)?.[0] ?? "").join("\n");
}

/** Polls until `wrong()` returns 0 or 60 s pass; returns the seconds taken and what was still wrong. */
async function until(
  wrong: () => number | Promise<number>,
  from = performance.now(),
): Promise<{ seconds: number; stale: number }> {
  let stale = await wrong();
  while (stale > 0 && performance.now() - from < 60_000) {
    await sleep(5);
    stale = await wrong();
  }
  return { seconds: (performance.now() - from) / 1000, stale };
}

/** Seconds from `from` until the page in the browser passes `test` (it reloads or is patched by the dev server). */
async function browserUntil(
  page: Page,
  test: string,
  arg: string[],
  from: number,
): Promise<number> {
  await page.waitForFunction(new Function("arg", test) as (arg: string[]) => boolean, arg, {
    polling: 5,
    timeout: 60_000,
  });
  return (performance.now() - from) / 1000;
}

const SHOWS = "return document.querySelector('article')?.textContent.includes(arg[0]) === true";
const SIDEBAR_RENAMED =
  "const links = [...document.querySelectorAll('#site-nav a')].map((a) => a.textContent.trim());" +
  "return links.includes(arg[0]) && !links.includes(arg[1])";

/** The dev server on a free port, with its log collected as it runs. */
async function startServer(content: string, out: string, search: boolean) {
  const port = await freePort();
  const args = [
    "serve",
    "--content",
    content,
    "--output",
    out,
    "--port",
    String(port),
    ...(search ? [] : ["--no-search"]),
  ];
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(projectDir, "src/cli/main.ts"), ...args],
    {
      cwd: projectDir,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  const server = { child, origin: `http://127.0.0.1:${port}`, log: "" };
  child.stdout.on("data", (d: Buffer) => (server.log += d.toString()));
  child.stderr.on("data", (d: Buffer) => (server.log += d.toString()));
  return server;
}

/** What one round of edits works on: the edited role page, its siblings, and a browser tab on each. */
interface Round {
  file: string;
  rolePage: string;
  siblings: string[];
  out: string;
  onPage: Page;
  onSibling: Page;
}

/** Appends a line to the role page; seconds until the file is written and until the open tab shows it. */
async function editBody(r: Round, i: number) {
  const marker = `benchmarkmarker${i}x`;
  const from = performance.now();
  fs.appendFileSync(r.file, `\nA line added by the benchmark: ${marker}.\n`);
  const [written, reload] = await Promise.all([
    until(() => (htmlOf(r.out, r.rolePage).includes(marker) ? 0 : 1), from),
    browserUntil(r.onPage, SHOWS, [marker], from),
  ]);
  return { written, reload };
}

/** Renames the role page; seconds until every sibling's navigation and the sibling's open tab show the new title. */
async function editTitle(r: Round, i: number) {
  const text = fs.readFileSync(r.file, "utf8");
  const old = /^title: (.*)$/m.exec(text)![1]!.replace(/^"|"$/g, "");
  const renamed = `Renamed Role ${i}`;
  const from = performance.now();
  fs.writeFileSync(r.file, text.replace(/^title: .*$/m, `title: ${renamed}`));
  const stale = () =>
    r.siblings.filter((rel) => {
      // A page's own Markdown may name the role (its heading, a team page's list of roles): only navigation counts.
      const nav = navigationOf(htmlOf(r.out, rel));
      return !nav.includes(`>${renamed}<`) || nav.includes(`>${old}<`);
    }).length;
  const [written, reload] = await Promise.all([
    until(stale, from),
    browserUntil(r.onSibling, SIDEBAR_RENAMED, [renamed, old], from),
  ]);
  return { written, reload };
}

/** Measures body and title edits on a served handbook of `size` pages, `edits` times each. */
export async function measureRebuilds(
  work: string,
  size: number,
  edits: number,
  search = true,
): Promise<RebuildFigures> {
  const content = path.join(work, "content");
  const out = path.join(work, "out");
  const { pages, rolePage } = generateHandbook(content, size);
  const server = await startServer(content, out, search);
  const browser = await launchBrowser();
  try {
    const ready = await until(() => (server.log.includes("Server at") ? 0 : 1));
    if (ready.stale) throw new Error(`the dev server did not start:\n${server.log}`);
    // Waits until the server is idle: no rebuild running, and the search index caught up.
    const settle = async () => {
      const indexed = () => server.log.split("Search: indexed").length;
      const before = indexed();
      const started = performance.now();
      while (search && indexed() === before && performance.now() - started < 30_000)
        await sleep(50);
      await sleep(500);
    };
    await sleep(1000);

    const file = path.join(content, rolePage);
    const folder = path.dirname(rolePage);
    const siblings = fs
      .readdirSync(path.dirname(file))
      .filter((f) => f.endsWith(".md"))
      .map((f) => `${folder}/${f}`);
    const sibling = siblings.find((rel) => rel !== rolePage && !rel.endsWith("index.md"))!;
    const figures: RebuildFigures = {
      pages,
      body: [],
      title: [],
      bodyReload: [],
      titleReload: [],
      titlePagesChecked: siblings.length,
      bodyStale: 0,
      titleStale: 0,
    };
    const round: Round = {
      file,
      rolePage,
      siblings,
      out,
      onPage: await browser.newPage(),
      onSibling: await browser.newPage(),
    };
    await round.onPage.goto(server.origin + urlOf(rolePage));
    await round.onSibling.goto(server.origin + urlOf(sibling));

    for (let i = 1; i <= edits; i++) {
      const body = await editBody(round, i);
      figures.body.push(body.written.seconds);
      figures.bodyReload.push(body.reload);
      figures.bodyStale += body.written.stale;
      await settle();
      const title = await editTitle(round, i);
      figures.title.push(title.written.seconds);
      figures.titleReload.push(title.reload);
      figures.titleStale += title.written.stale;
      await settle();
    }
    return figures;
  } finally {
    await browser.close();
    if (server.child.pid) process.kill(-server.child.pid, "SIGTERM");
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: "string", default: "1000" },
      edits: { type: "string", default: "3" },
      "no-search": { type: "boolean" },
    },
  });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "handbook-serve-"));
  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" / ");
  const loadBefore = load();
  try {
    const f = await measureRebuilds(
      work,
      Number(values.size),
      Number(values.edits),
      !values["no-search"],
    );
    const row = (name: string, runs: number[]) =>
      `| ${name} | ${median(runs).toFixed(2)} | ${runs.map((x) => x.toFixed(2)).join(", ")} |`;
    console.log(
      [
        `Dev server at ${f.pages} pages${values["no-search"] ? " (--no-search)" : ""}, median of ${f.body.length} edits each, seconds from saving the file:`,
        "",
        "| until | median s | all runs s |",
        "| --- | ---: | --- |",
        row("body edit: the page's HTML on disk holds it", f.body),
        row("body edit: the browser open on the page shows it", f.bodyReload),
        row(
          `title edit: all ${f.titlePagesChecked} pages of its folder on disk show the new title, none the old`,
          f.title,
        ),
        row(
          "title edit: the browser open on a sibling page shows it in the sidebar",
          f.titleReload,
        ),
        "",
        `Stale pages when a measurement gave up: ${f.bodyStale + f.titleStale}`,
        `Load average (1 / 5 / 15 min) at the start: ${loadBefore}; at the end: ${load()} (${os.cpus().length} cores)`,
      ].join("\n"),
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("bench/serve.ts")) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
