import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { reportDiagnostics } from "../content/diagnostics.ts";
import { buildModel, handOffModel, publishBuildOptions, type BuildOptions } from "../eleventy/options.ts";
import { keepReadingsWhileServing } from "../site/read.ts";

/** Builds, serves with live reload and rebuilds on change. Returns -1 while serving (the process stays up). */
export async function serveSite(options: BuildOptions, port: number): Promise<number> {
  // Each rebuild reads the content folder again, parsing only the files whose text changed.
  keepReadingsWhileServing();
  const model = buildModel(options);
  if (reportDiagnostics(model.diagnostics) > 0) {
    console.log("Fix the errors above; the server starts once the content builds.");
    return 1;
  }
  publishBuildOptions(options);
  handOffModel(model);
  const eleventy = new Eleventy(options.contentDir, options.outputDir, {
    configPath: path.join(options.projectDir, "eleventy.config.ts"),
    quietMode: true,
    pathPrefix: model.settings.pathPrefix,
    runMode: "serve",
    source: "script",
  });
  await eleventy.init();
  const rebuild = (await eleventy.watch()) as unknown as (file: string) => Promise<void>;
  keepFileListCurrent(eleventy as unknown as WatchingEleventy, rebuild);
  await eleventy.serve(port);
  process.on("SIGINT", () => {
    void eleventy.stopWatch().then(() => process.exit(0));
  });
  return -1;
}

/** The parts of a watching Eleventy that keepFileListCurrent reaches. */
interface WatchingEleventy {
  watcher: { on(event: "add" | "unlink", listener: (file: string) => void): void };
  fileSystemSearch: { inputs: object; outputs: object; promises: object };
}

/**
 * Eleventy keeps the list of template files between rebuilds and patches it from the watcher's events, but the
 * patch never applies for an absolute content folder (the list holds paths relative to the working folder): a page
 * added while serving would not be built, and a deleted one would still be read, failing every rebuild. Nor does it
 * rebuild when a file is deleted, so the page would stay in every sidebar. Here an added or deleted file makes
 * Eleventy list the files afresh, and a deletion rebuilds.
 */
function keepFileListCurrent(eleventy: WatchingEleventy, rebuild: (file: string) => Promise<void>): void {
  const forget = () => Object.assign(eleventy.fileSystemSearch, { inputs: {}, outputs: {}, promises: {} });
  eleventy.watcher.on("add", forget);
  eleventy.watcher.on("unlink", (file) => {
    forget();
    void rebuild(file);
  });
}
