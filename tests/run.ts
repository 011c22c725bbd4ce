// Runs every test file under tests/ with node's test runner, TypeScript loaded through tsx: `npm test`, or
// `tsx tests/run.ts <part of a path> …` for some files only.
//
// Node 20's runner starts a process per test file, and loading the handbook's modules costs each about a second. So
// the files that run no browser share one process (an entry that imports them all); each browser test file keeps its
// own. Sites the browser tests and gates only read are built once for the whole run (tests/helpers/site.ts,
// sharedBuild, which lets one process build a site while the others wait for it).
//
// Node 20 runs one file at a time on a 2-core machine (its default is the cores less one). A browser test spends
// much of its time waiting on Chromium, so two files run at once (TEST_CONCURRENCY to change it).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv.slice(2);
const files = (fs.readdirSync(root, { recursive: true }) as string[])
  .filter((f) => f.endsWith(".test.ts") || f.endsWith(".test.tsx"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const work = fs.mkdtempSync(path.join(os.tmpdir(), "handbook-test-run-"));
const sites = path.join(work, "sites");
fs.mkdirSync(sites);
const inProcess = files
  .filter((f) => !f.startsWith(`browser${path.sep}`))
  .map((f) => path.join(root, f));
const entries = files
  .filter((f) => f.startsWith(`browser${path.sep}`))
  .map((f) => path.join(root, f));
if (inProcess.length > 0) {
  const entry = path.join(work, "in-process.test.mts");
  fs.writeFileSync(
    entry,
    inProcess.map((f) => `import ${JSON.stringify(pathToFileURL(f).href)};\n`).join(""),
  );
  entries.unshift(entry);
}
const concurrency =
  Number(process.env.TEST_CONCURRENCY) || Math.max(2, os.availableParallelism() - 1);
const result = spawnSync(
  process.execPath,
  [
    "--import",
    "tsx",
    "--test",
    `--test-concurrency=${concurrency}`,
    "--test-reporter=spec",
    ...entries,
  ],
  {
    stdio: "inherit",
    env: { ...process.env, HANDBOOK_TEST_SITES: sites },
  },
);
fs.rmSync(work, { recursive: true, force: true });
process.exitCode = result.status ?? 1;
