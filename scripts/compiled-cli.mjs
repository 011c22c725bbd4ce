/* global process, console */
// Runs a project command (src/cli/main.ts) from compiled JavaScript rather than through tsx, which spends about half a
// second compiling TypeScript at every start. The bundle lives in .cache/cli/ and is rebuilt with esbuild whenever a
// file in src/ (or package.json) is newer than it, so an edit is never run stale. Used by `npm run check` and `new`.
//
//   node scripts/compiled-cli.mjs <command> [options]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(projectDir, ".cache", "cli");
const stamp = path.join(outDir, "built-from");

/** The newest modification time among the files the bundle is made of. */
function newestSource() {
  let newest = fs.statSync(path.join(projectDir, "package.json")).mtimeMs;
  const src = path.join(projectDir, "src");
  for (const rel of fs.readdirSync(src, { recursive: true })) {
    const stat = fs.statSync(path.join(src, rel));
    if (stat.isFile() && stat.mtimeMs > newest) newest = stat.mtimeMs;
  }
  return newest;
}

/** Rebuilds the bundle into a folder of its own, then swaps it in (another command may be building it too). */
async function rebuild(newest) {
  const { build } = await import("esbuild");
  const fresh = `${outDir}.${process.pid}`;
  await build({
    entryPoints: [path.join(projectDir, "src", "cli", "main.ts")],
    outdir: fresh,
    bundle: true,
    splitting: true, // each command's modules stay in their own chunk, loaded when the command runs
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    jsx: "automatic",
    jsxImportSource: "preact",
    entryNames: "[name]",
    logLevel: "warning",
  });
  fs.writeFileSync(path.join(fresh, "built-from"), String(newest));
  fs.rmSync(outDir, { recursive: true, force: true });
  try {
    fs.renameSync(fresh, outDir);
  } catch {
    fs.rmSync(fresh, { recursive: true, force: true }); // another command swapped in the same bundle first
  }
}

const newest = newestSource();
const builtFrom = fs.existsSync(stamp) ? Number(fs.readFileSync(stamp, "utf8")) : -1;
if (builtFrom !== newest) await rebuild(newest);
const { main } = await import(pathToFileURL(path.join(outDir, "main.js")).href);
main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
