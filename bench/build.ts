/**
 * `npm run bench`: build cost of the handbook against plain Eleventy, at several sizes, side by side.
 *
 * For each size it generates a synthetic handbook (tests/helpers/generate.ts) and times, alternating, runs of
 *   (floor) gray-matter + markdown-it + writing one file per page, nothing else (bench/floor/floor.mjs),
 *   (a) plain Eleventy 3 on the same Markdown with a minimal layout (the baseline),
 *   (b) the handbook build without search,
 *   (c) the full build with the Pagefind index,
 * and reports medians of wall time, CPU time, peak RSS and output bytes, with each ÷ floor and ÷ a; then a role
 * page's HTML bytes, `npm run check`'s time, and the dev server's rebuild after one-page edits.
 * Results go to stdout and bench/RESULTS.md. Needs GNU time (/usr/bin/time; Debian package `time`).
 *
 *   npm run bench -- [--sizes 1000,4000,10000] [--runs 3] [--serve-size 1000] [--out bench/RESULTS.md]
 *   (--serve-size 0 skips the dev server's figures)
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateHandbook } from "../tests/helpers/generate.ts";
import { measureRebuilds, type RebuildFigures } from "./serve.ts";

const projectDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const cli = path.join(projectDir, "src", "cli", "main.ts");
const eleventyCmd = path.join(projectDir, "node_modules", "@11ty", "eleventy", "cmd.cjs");
const floorScript = path.join(projectDir, "bench", "floor", "floor.mjs");

/** One timed run of one command. */
export interface Run {
  /** Wall time, seconds. */
  wall: number;
  /** User + system CPU time, seconds (children included). */
  cpu: number;
  /** Peak resident set size of the largest process, MiB. */
  rssMiB: number;
  /** Bytes written to the output folder. */
  bytes: number;
}

type Variant = "floor" | "a" | "b" | "c";
const VARIANTS: Record<Variant, string> = {
  floor: "floor: gray-matter + markdown-it + write",
  a: "plain Eleventy (baseline)",
  b: "handbook, no search",
  c: "handbook, full (Pagefind)",
};

/** Runs a command under GNU time and returns its figures; throws when it fails. */
function timed(command: string[], env: NodeJS.ProcessEnv, outDir: string): Run {
  const stats = path.join(os.tmpdir(), `bench-time-${process.pid}.txt`);
  fs.rmSync(outDir, { recursive: true, force: true });
  const result = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", "-o", stats, ...command], {
    cwd: projectDir,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  if (result.error) throw new Error(`could not run /usr/bin/time (apt-get install time): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  const [wall, user, sys, maxKb] = fs.readFileSync(stats, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
  return { wall: wall!, cpu: user! + sys!, rssMiB: maxKb! / 1024, bytes: folderBytes(outDir) };
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const stat = fs.statSync(path.join(dir, rel));
    if (stat.isFile()) total += stat.size;
  }
  return total;
}

function command(variant: Variant, content: string, out: string): { argv: string[]; env: NodeJS.ProcessEnv } {
  if (variant === "floor") return { argv: [process.execPath, floorScript, content, out], env: {} };
  if (variant === "a") {
    return {
      argv: [process.execPath, eleventyCmd, `--config=${path.join(projectDir, "bench/baseline/eleventy.config.mjs")}`, `--input=${content}`, `--output=${out}`, "--quiet"],
      env: { BENCH_INPUT: content },
    };
  }
  const argv = [process.execPath, "--import", "tsx", cli, "build", "--content", content, "--output", out];
  return { argv: variant === "b" ? [...argv, "--no-search"] : argv, env: {} };
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median of each figure over the runs. */
function medianRun(runs: Run[]): Run {
  return {
    wall: median(runs.map((r) => r.wall)),
    cpu: median(runs.map((r) => r.cpu)),
    rssMiB: median(runs.map((r) => r.rssMiB)),
    bytes: median(runs.map((r) => r.bytes)),
  };
}

/**
 * Median wall time of `npm run check` on a folder, in seconds, start-up included: the compiled command the npm script
 * runs (scripts/compiled-cli.mjs). One untimed run first, so a bundle rebuilt after an edit is not counted.
 */
function checkTime(content: string, runs: number): number {
  const launcher = path.join(projectDir, "scripts", "compiled-cli.mjs");
  const run = () => {
    const result = spawnSync(process.execPath, [launcher, "check", "--content", content], { cwd: projectDir, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`check failed on ${content}:\n${result.stderr}`);
  };
  run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    times.push((performance.now() - started) / 1000);
  }
  return median(times);
}

interface SizeResult {
  pages: number;
  medians: Record<Variant, Run>;
  rolePageBytes: number;
  checkSeconds: number;
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`;
}

/** The targets, judged on the figures of this run. */
function targets(results: SizeResult[], rebuild: RebuildFigures | undefined): string[] {
  const at = (pages: number) => results.find((r) => r.pages === pages);
  const rows: Array<[string, string, boolean | undefined]> = [];
  const f = (n: number, d = 2) => n.toFixed(d);
  const four = at(4000);
  const overFloor = four && four.medians.c.wall / four.medians.floor.wall;
  rows.push(["full build (c) ÷ floor ≤ 6 at 4,000 pages (wall)", overFloor === undefined ? "not run" : f(overFloor), overFloor === undefined ? undefined : overFloor <= 6]);
  rows.push(["b ÷ a ≤ 1.3 at 4,000 pages (wall)", four ? f(four.medians.b.wall / four.medians.a.wall) : "not run", four && four.medians.b.wall / four.medians.a.wall <= 1.3]);
  const ten = at(10000);
  rows.push(["full build (c) at 10,000 pages ≤ 45 s wall", ten ? `${f(ten.medians.c.wall, 1)} s` : "not run", ten && ten.medians.c.wall <= 45]);
  rows.push(["… with peak RSS ≤ 1.5 GiB (1,536 MiB)", ten ? `${f(ten.medians.c.rssMiB, 0)} MiB` : "not run", ten && ten.medians.c.rssMiB <= 1536]);
  const one = at(1000);
  const ratio = ten && one ? ten.rolePageBytes / one.rolePageBytes : undefined;
  rows.push(["role page HTML at 10,000 ≤ 1.1 × at 1,000", ratio === undefined ? "not run" : `${f(ratio, 3)} ×`, ratio === undefined ? undefined : ratio <= 1.1]);
  rows.push(["`npm run check` at 10,000 pages ≤ 2 s (wall, start-up included)", ten ? `${f(ten.checkSeconds)} s` : "not run", ten && ten.checkSeconds <= 2]);
  if (rebuild) {
    const body = median(rebuild.bodyReload.length > 0 ? rebuild.bodyReload : rebuild.body);
    rows.push([`dev server, ${rebuild.pages} pages: body edit rebuilt and reloaded ≤ 1 s`, `${f(body)} s`, body <= 1]);
    rows.push(["dev server: title edit leaves no stale page", `${rebuild.titleStale} stale of ${rebuild.titlePagesChecked} checked`, rebuild.titleStale === 0]);
  }
  const verdict = (met: boolean | undefined) => (met === undefined ? "not measured" : met ? "met" : "**missed**");
  return ["| target | this run | verdict |", "| --- | ---: | --- |", ...rows.map(([t, v, m]) => `| ${t} | ${v} | ${verdict(m)} |`)];
}

function table(results: SizeResult[], rebuild: RebuildFigures | undefined, runs: number, load: [number, number]): string {
  const lines: string[] = [];
  const f = (n: number, d = 2) => n.toFixed(d);
  lines.push(
    `Machine: ${machine()}. Load average (1 min) ${f(load[0])} at the start, ${f(load[1])} at the end.`,
    `Medians of ${runs} runs per variant, the variants alternating within each round. CPU is user + system time of the command and its children; peak RSS is the largest single process's.`,
    "",
    ...targets(results, rebuild),
    "",
  );
  lines.push("| pages | variant | wall s | CPU s | peak RSS MiB | output MB | wall ÷ floor | CPU ÷ floor | wall ÷ a | CPU ÷ a |");
  lines.push("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    for (const v of Object.keys(VARIANTS) as Variant[]) {
      const m = r.medians[v];
      const ratio = (x: number, y: number) => f(x / y);
      const { floor, a } = r.medians;
      const name = v === "floor" ? VARIANTS[v] : `${v}: ${VARIANTS[v]}`;
      lines.push(`| ${r.pages} | ${name} | ${f(m.wall)} | ${f(m.cpu)} | ${f(m.rssMiB, 0)} | ${f(m.bytes / 1e6, 1)} | ${ratio(m.wall, floor.wall)} | ${ratio(m.cpu, floor.cpu)} | ${ratio(m.wall, a.wall)} | ${ratio(m.cpu, a.cpu)} |`);
    }
  }
  lines.push("", "| pages | role page HTML bytes | ÷ at the smallest size | `npm run check` s (with start-up) |", "| ---: | ---: | ---: | ---: |");
  for (const r of results) {
    lines.push(`| ${r.pages} | ${r.rolePageBytes} | ${f(r.rolePageBytes / results[0]!.rolePageBytes)} | ${f(r.checkSeconds)} |`);
  }
  if (rebuild) {
    const runsOf = (xs: number[]) => (xs.length > 0 ? `${f(median(xs))} | ${xs.map((x) => f(x)).join(", ")}` : "– | not measured");
    lines.push(
      "",
      `Dev server at ${rebuild.pages} pages (median of ${rebuild.body.length} edits each): seconds from saving the file until every affected page on disk is correct, and until the browser open on the page (for a title edit, on a sibling page) shows it.`,
      "",
      "| edit | until | median s | all runs s |",
      "| --- | --- | ---: | --- |",
      `| body of one role page | on disk | ${runsOf(rebuild.body)} |`,
      `| body of one role page | shown in the browser | ${runsOf(rebuild.bodyReload)} |`,
      `| title of one role page (${rebuild.titlePagesChecked} pages show it) | on disk, none stale | ${runsOf(rebuild.title)} |`,
      `| title of one role page | shown in a sibling's sidebar | ${runsOf(rebuild.titleReload)} |`,
      "",
      `Stale pages left when a measurement ended: ${rebuild.bodyStale} after body edits, ${rebuild.titleStale} after title edits.`,
    );
  }
  return lines.join("\n");
}

/** Hand-written notes below this line in RESULTS.md survive a new run. */
const NOTES_MARK = "<!-- Notes below this line are kept when npm run bench rewrites the file. -->";

function notesOf(file: string): string {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const at = text.indexOf(NOTES_MARK);
  return at >= 0 ? text.slice(at) : `${NOTES_MARK}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "1000,4000,10000" },
      runs: { type: "string", default: "3" },
      "serve-size": { type: "string", default: "1000" },
      out: { type: "string", default: path.join(projectDir, "bench", "RESULTS.md") },
    },
  });
  const sizes = values.sizes.split(",").map(Number);
  const runs = Number(values.runs);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "handbook-bench-"));
  const results: SizeResult[] = [];
  const loadAtStart = os.loadavg()[0]!;
  try {
    for (const size of sizes) {
      const content = path.join(work, `content-${size}`);
      const { pages, rolePage } = generateHandbook(content, size);
      const collected: Record<Variant, Run[]> = { floor: [], a: [], b: [], c: [] };
      for (let round = 0; round < runs; round++) {
        for (const v of Object.keys(VARIANTS) as Variant[]) {
          const out = path.join(work, `out-${size}-${v}`);
          const { argv, env } = command(v, content, out);
          const run = timed(argv, env, out);
          collected[v].push(run);
          console.log(`${pages} pages, ${v}, round ${round + 1}: ${run.wall.toFixed(2)} s wall, ${run.rssMiB.toFixed(0)} MiB`);
        }
      }
      const roleHtml = path.join(work, `out-${size}-c`, rolePage.replace(/\.md$/, ""), "index.html");
      results.push({
        pages,
        medians: { floor: medianRun(collected.floor), a: medianRun(collected.a), b: medianRun(collected.b), c: medianRun(collected.c) },
        rolePageBytes: fs.statSync(roleHtml).size,
        checkSeconds: checkTime(content, runs),
      });
      for (const v of Object.keys(VARIANTS)) fs.rmSync(path.join(work, `out-${size}-${v}`), { recursive: true, force: true });
    }
    const serveSize = Number(values["serve-size"]);
    const rebuild = serveSize > 0 ? await measureRebuilds(path.join(work, "serve"), serveSize, runs) : undefined;
    const report = table(results, rebuild, runs, [loadAtStart, os.loadavg()[0]!]);
    console.log(`\n${report}`);
    const header = `# Build benchmark\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; sizes ${sizes.join(", ")}.\n\n`;
    fs.writeFileSync(values.out, `${header}${report}\n\n${notesOf(values.out)}`);
    console.log(`\nWritten to ${path.relative(process.cwd(), values.out)}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("bench/build.ts")) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
