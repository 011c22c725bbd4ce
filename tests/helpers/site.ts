import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import { main } from "../../src/cli/main.ts";

/** The repository root. */
export const projectDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

/** A fixture folder under tests/fixtures. */
export function fixture(name: string): string {
  return path.join(projectDir, "tests", "fixtures", name);
}

const made: string[] = [];
process.once("exit", () => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A fresh temporary folder, removed when the process exits. */
export function tempDir(prefix = "handbook-test-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Copies a fixture into a temporary folder so a test can change it. */
export function copyFixture(name: string): string {
  const dir = path.join(tempDir(), name);
  fs.cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

/** What running one of the project's commands printed. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Commands run in this process (through the same `main` as `npm run`); others, such as `new`, in a child process. */
const IN_PROCESS = new Set(["build", "check", "new", "review-issues", "pr-summary"]);

/**
 * In-process commands run one at a time: Pagefind's Node API drives one indexing service per process, which a build
 * closes when it is done, so two builds at once would close it under each other.
 */
let queue: Promise<unknown> = Promise.resolve();

/** Runs a project command (`build`, `check`, …) as `npm run` does, with the project as working folder. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  if (!IN_PROCESS.has(args[0] ?? "") || process.cwd() !== projectDir) return runChild(args, env);
  const run = queue.then(() => runInProcess(args, env));
  queue = run.catch(() => undefined);
  return run;
}

async function runInProcess(args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    info: (line) => void (stdout += line + "\n"),
    error: (line) => void (stderr += line + "\n"),
    env: { ...process.env, GITHUB_ACTIONS: "", ...env },
  });
  return { code, stdout, stderr };
}

function runChild(args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(projectDir, "src/cli/main.ts"), ...args],
      {
        cwd: projectDir,
        env: { ...process.env, GITHUB_ACTIONS: "", ...env },
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Builds a content folder into a new temporary output folder. */
export async function buildInto(
  contentDir: string,
  extra: string[] = [],
): Promise<RunResult & { outDir: string }> {
  const outDir = path.join(tempDir(), "site");
  const result = await runCli(["build", "--content", contentDir, "--output", outDir, ...extra]);
  return { ...result, outDir };
}

/** Where shared sites are built: the test run's folder (tests/run.ts), else one of this process's own. */
let ownSites: string | undefined;

/**
 * A site built once per test run, for every test file that only reads it (the browser tests and the gates): the first
 * file to ask builds it, the others wait for it and take it as it is. Never change its files; copy them first.
 */
export async function sharedBuild(
  contentDir: string,
  extra: string[] = [],
): Promise<RunResult & { outDir: string }> {
  const root = process.env.HANDBOOK_TEST_SITES ?? (ownSites ??= tempDir("handbook-sites-"));
  const key = createHash("sha256")
    .update(JSON.stringify([path.resolve(contentDir), extra]))
    .digest("hex")
    .slice(0, 16);
  const outDir = path.join(root, key);
  const done = `${outDir}.result.json`;
  const lock = `${outDir}.lock`;
  for (;;) {
    if (fs.existsSync(done))
      return { ...(JSON.parse(fs.readFileSync(done, "utf8")) as RunResult), outDir };
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Another test file is building it: wait for its result.
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    const result = await runCli(["build", "--content", contentDir, "--output", outDir, ...extra]);
    fs.writeFileSync(done, JSON.stringify(result));
    return { ...result, outDir };
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Loads a built page for querying, by its URL. */
export function loadPage(outDir: string, url: string): cheerio.CheerioAPI {
  const file = url.endsWith("/") ? path.join(outDir, url, "index.html") : path.join(outDir, url);
  return cheerio.load(fs.readFileSync(file, "utf8"));
}

/** Every file below a folder with its bytes, for comparing two builds. */
export function snapshotTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const rel of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const full = path.join(dir, rel);
    if (fs.statSync(full).isFile()) files.set(rel, fs.readFileSync(full));
  }
  return files;
}
