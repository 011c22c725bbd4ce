// The worker that helps read a big handbook (started by read-pool.ts): it loads the reading modules, waits for the
// job, then takes chunks of files from the shared counter as the main thread does (read.ts), posting each chunk back.
import { workerData, type MessagePort } from "node:worker_threads";
import { readChunks, type ReadJob } from "./read.ts";

const { port } = workerData as { port: MessagePort };
port.once("message", (job: ReadJob) => {
  readChunks(job, (message) => port.postMessage(message));
  port.close();
});
