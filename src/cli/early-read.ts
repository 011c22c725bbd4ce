// Imported first by main.ts: for `check` and `build` of a big handbook, starts the worker that helps read it
// (src/site/read-pool.ts) before the command's own modules load, so both threads load theirs at once.
import path from "node:path";
import { parseArgs } from "node:util";
import { startReadHelperEarly } from "../site/read-pool.ts";

const [command, ...rest] = process.argv.slice(2);
if (process.argv[1]?.endsWith(path.join("src", "cli", "main.ts")) && (command === "check" || command === "build")) {
  try {
    // Only a guess at the content folder: the command parses its arguments properly, and reads without the worker
    // when there is none (a Jekyll site's pages are read after Liquid, on one thread).
    const { values } = parseArgs({ args: rest, options: { content: { type: "string" }, "jekyll-config": { type: "string" } }, strict: false });
    if (values["jekyll-config"] === undefined) startReadHelperEarly(path.resolve(typeof values.content === "string" ? values.content : "content"));
  } catch {
    // The command reports a mistake in its arguments.
  }
}
