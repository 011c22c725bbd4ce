// The worker that helps read a big handbook (read.ts, read-worker.ts). A command can start it before it loads its
// own modules, so that both threads load theirs at once and the worker is ready when reading begins. Light on
// purpose: this module imports nothing of the handbook's.
import fs from "node:fs";
import path from "node:path";
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";

/** Below this many Markdown files, starting a worker costs more than it saves. */
export const PARALLEL_FROM = 1500;

/** A started worker and this thread's end of its channel. */
export interface ReadHelper {
  worker: Worker;
  port: MessagePort;
}

let early: ReadHelper | undefined;

/** Starts a worker that waits for a reading job on its port; undefined when one cannot be started. */
export function startReadHelper(): ReadHelper | undefined {
  try {
    const { port1, port2 } = new MessageChannel();
    // tsx hooks the main thread only: the worker registers it before it imports the TypeScript.
    const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
    const entry = JSON.stringify(new URL("./read-worker.ts", import.meta.url).href);
    const boot = `import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); });`;
    const worker = new Worker(boot, { eval: true, workerData: { port: port2 }, transferList: [port2] });
    // A worker that fails takes no files, or posts its error: the main thread then reads its files itself.
    worker.on("error", () => {});
    worker.unref();
    return { worker, port: port1 };
  } catch {
    return undefined;
  }
}

/** Starts the helper now when the content folder holds enough Markdown files to use it. */
export function startReadHelperEarly(contentDir: string): void {
  if (!early && hasMarkdownFiles(contentDir, PARALLEL_FROM)) early = startReadHelper();
}

/** The helper started early, if any, handed over once. */
export function takeEarlyReadHelper(): ReadHelper | undefined {
  const helper = early;
  early = undefined;
  return helper;
}

/** Whether a folder holds at least `count` Markdown files below it (dot folders aside); stops counting there. */
function hasMarkdownFiles(dir: string, count: number): boolean {
  let found = 0;
  const pending = [dir];
  while (pending.length > 0 && found < count) {
    const current = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      if (entry.isDirectory()) pending.push(path.join(current, entry.name));
      else if (/\.(md|markdown)$/i.test(entry.name)) found++;
    }
  }
  return found >= count;
}
