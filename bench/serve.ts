/**
 * Dev-server rebuild figures for `npm run bench`: start `npm start` on a generated handbook, edit one page's
 * body and one page's title, and time each until every page it affects is correct on disk.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { generateHandbook } from "./generate.ts";

const projectDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/** What the rebuild measurement saw. */
export interface RebuildFigures {
  pages: number;
  /** Seconds from saving a body edit until the page's HTML holds it, per edit. */
  body: number[];
  /** Seconds from saving a title edit until every page showing the title has the new one, per edit. */
  title: number[];
  /** Pages checked for each title edit: the page, its parent and its siblings (their sidebars show it). */
  titlePagesChecked: number;
  /** Pages still wrong when a measurement ended (0 unless the 60 s limit was reached). */
  bodyStale: number;
  titleStale: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function htmlOf(out: string, rel: string): string {
  const dir = rel.replace(/\.md$/, "").replace(/(^|\/)index$/, "");
  try {
    return fs.readFileSync(path.join(out, dir, "index.html"), "utf8");
  } catch {
    return "";
  }
}

/** Polls until `wrong()` returns 0 or 60 s pass; returns the seconds taken and what was still wrong. */
async function until(wrong: () => number): Promise<{ seconds: number; stale: number }> {
  const started = performance.now();
  let stale = wrong();
  while (stale > 0 && performance.now() - started < 60_000) {
    await sleep(10);
    stale = wrong();
  }
  return { seconds: (performance.now() - started) / 1000, stale };
}

/** Measures body and title edits on a served handbook of `size` pages, `edits` times each. */
export async function measureRebuilds(work: string, size: number, edits: number): Promise<RebuildFigures> {
  const content = path.join(work, "content");
  const out = path.join(work, "out");
  const { pages, rolePage } = generateHandbook(content, size);
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectDir, "src/cli/main.ts"), "serve", "--content", content, "--output", out, "--port", String(port)], {
    cwd: projectDir,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr.on("data", (d: Buffer) => (log += d.toString()));
  try {
    const ready = await until(() => (log.includes("Server at") ? 0 : 1));
    if (ready.stale) throw new Error(`the dev server did not start:\n${log}`);
    await sleep(1000);

    const file = path.join(content, rolePage);
    const folder = path.dirname(rolePage);
    const siblings = fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith(".md")).map((f) => `${folder}/${f}`);
    const figures: RebuildFigures = { pages, body: [], title: [], titlePagesChecked: siblings.length, bodyStale: 0, titleStale: 0 };

    for (let i = 1; i <= edits; i++) {
      const marker = `benchmarkmarker${i}x`;
      fs.appendFileSync(file, `\nA line added by the benchmark: ${marker}.\n`);
      const body = await until(() => (htmlOf(out, rolePage).includes(marker) ? 0 : 1));
      figures.body.push(body.seconds);
      figures.bodyStale += body.stale;
      await sleep(1000);

      const text = fs.readFileSync(file, "utf8");
      const old = /^title: (.*)$/m.exec(text)![1]!.replace(/^"|"$/g, "");
      const renamed = `Renamed Role ${i}`;
      fs.writeFileSync(file, text.replace(/^title: .*$/m, `title: ${renamed}`));
      const title = await until(
        () => siblings.filter((rel) => {
          const html = htmlOf(out, rel);
          return !html.includes(`>${renamed}<`) || html.includes(`>${old}<`);
        }).length,
      );
      figures.title.push(title.seconds);
      figures.titleStale += title.stale;
      await sleep(1000);
    }
    return figures;
  } finally {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  }
}
