// Runs every test file under tests/ with node's test runner, TypeScript loaded through tsx.
// (Node 20's --test takes no globs, so the files are listed here.)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv.slice(2);
const files = (fs.readdirSync(root, { recursive: true }) as string[])
  .filter((f) => f.endsWith(".test.ts") || f.endsWith(".test.tsx"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
  .map((f) => path.join(root, f));

const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...files], {
  stdio: "inherit",
});
process.exitCode = result.status ?? 1;
