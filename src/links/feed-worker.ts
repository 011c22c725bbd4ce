// The worker of feed.ts: scans each page it is sent, then answers the file list with the gate's report.
import { parentPort, workerData } from "node:worker_threads";
import { SiteLinkChecker } from "./site.ts";

type Message = { type: "pages"; pages: Array<{ path: string; html: string }> } | { type: "finish"; files: string[] };

const checker = new SiteLinkChecker((workerData as { base: string }).base);
parentPort!.on("message", (message: Message) => {
  if (message.type === "pages") for (const page of message.pages) checker.addPage(page.path, page.html);
  else parentPort!.postMessage(checker.finish(new Set(message.files)));
});
