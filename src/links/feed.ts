// The link gate on a second thread: while Eleventy renders a big handbook on the main thread, a worker scans each
// page as it is rendered, so what is left when the last page is written is looking the links up in the file list.
import { Worker } from "node:worker_threads";
import type { SiteLinkReport } from "./site.ts";

/** From this many pages on, the gate runs beside the build; below, starting a worker costs more than it saves. */
export const FEED_FROM = 1500;

/** Pages handed to the gate as they are built, and the report once every file is written. */
export interface LinkFeed {
  /** Paths below the output folder of the pages handed over so far. */
  readonly pages: ReadonlySet<string>;
  add(path: string, html: string): void;
  /** Every file written below the output folder; resolves with the gate's report and stops the worker. */
  finish(files: ReadonlySet<string>): Promise<SiteLinkReport>;
  /** Stops the worker without a report (a build that failed). */
  close(): void;
}

/** Pages sent to the worker in one message: each message costs the main thread a third of a millisecond. */
const BATCH = 32;

/** Starts the worker; undefined when it cannot start, and the gate then reads the pages from disk. */
export function startLinkFeed(base: string): LinkFeed | undefined {
  let worker: Worker;
  try {
    // tsx hooks the main thread only: the worker registers it before it imports the TypeScript.
    const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
    const entry = JSON.stringify(new URL("./feed-worker.ts", import.meta.url).href);
    const boot = `import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); });`;
    worker = new Worker(boot, { eval: true, workerData: { base } });
  } catch {
    return undefined;
  }
  worker.unref();
  let failure: unknown;
  worker.on("error", (error) => (failure ??= error));
  const pages = new Set<string>();
  let batch: Array<{ path: string; html: string }> = [];
  const send = () => {
    if (batch.length > 0) worker.postMessage({ type: "pages", pages: batch });
    batch = [];
  };
  return {
    pages,
    add(path, html) {
      pages.add(path);
      batch.push({ path, html });
      if (batch.length >= BATCH) send();
    },
    finish(files) {
      return new Promise<SiteLinkReport>((resolve, reject) => {
        if (failure !== undefined) return reject(failure);
        worker.once("message", (report: SiteLinkReport) => {
          void worker.terminate();
          resolve(report);
        });
        worker.once("error", reject);
        worker.once("exit", (code) => reject(new Error(`the link gate's worker stopped (exit code ${code})`)));
        send();
        worker.postMessage({ type: "finish", files: [...files] });
      });
    },
    close() {
      void worker.terminate();
    },
  };
}
