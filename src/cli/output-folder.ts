// Where a build may write. A build replaces its output folder as a whole, so an output folder that is the content,
// holds it, or holds anything the build did not write would be deleted with it.
import fs from "node:fs";
import path from "node:path";

/** The file every build leaves in its output folder, so the next build knows the folder is its own to replace. */
export const OUTPUT_MARKER = ".handbook-build";

/** What the marker says to someone who opens it. */
export const MARKER_TEXT = "This folder is written by the handbook's build and replaced as a whole on every build.\n";

/** Where a build reads and writes, as absolute paths. */
export interface Folders {
  outputDir: string;
  contentDir: string;
  projectDir: string;
  /** `--force`: replace an output folder that holds files the build did not write. */
  force?: boolean;
}

/** Says why a build must not write to its output folder (a sentence that says what to do), or undefined when it may. */
export function outputFolderProblem({ outputDir, contentDir, projectDir, force }: Folders): string | undefined {
  const out = path.resolve(outputDir);
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);
  const shown = path.relative(process.cwd(), out) || ".";
  if (within(path.resolve(contentDir), out)) {
    return `--output ${shown} is the content folder or holds it; the build replaces its output folder, so choose a folder of its own (e.g. _site)`;
  }
  if (within(path.resolve(projectDir), out)) {
    return `--output ${shown} is the project folder or holds it; the build replaces its output folder, so choose a folder of its own (e.g. _site)`;
  }
  const stat = fs.statSync(out, { throwIfNoEntry: false });
  if (!stat) return undefined;
  if (!stat.isDirectory()) return `--output ${shown} is a file, not a folder; choose a folder for the site`;
  if (force || isOwnOutput(out)) return undefined;
  return `--output ${shown} holds files the build did not write, which the build would delete; empty it, choose another folder, or add --force to replace it`;
}

/** Whether a folder is empty or was written by an earlier build (its marker, or the files every build writes). */
function isOwnOutput(dir: string): boolean {
  const entries = fs.readdirSync(dir);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return true;
  // Written by a build from before the marker: its navigation file and script.
  return entries.includes("nav.json") && fs.existsSync(path.join(dir, "assets", "handbook.js"));
}

/** The staging folder a build writes into before swapping it in for the output folder. */
export function stagingFolder(outputDir: string, pid = process.pid): string {
  return `${path.resolve(outputDir)}.partial-${pid}`;
}

/** Removes staging folders left by builds that were killed (their process is gone); returns how many. */
export function removeLeftStaging(outputDir: string, alive: (pid: number) => boolean = processAlive): number {
  const out = path.resolve(outputDir);
  const parent = path.dirname(out);
  const prefix = `${path.basename(out)}.partial-`;
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(parent);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!Number.isInteger(pid) || pid <= 0 || alive(pid)) continue;
    fs.rmSync(path.join(parent, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
