import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { reportDiagnostics } from "../content/diagnostics.ts";
import { buildModel, handOffModel, publishBuildOptions, type BuildOptions } from "../eleventy/options.ts";

/** Builds, serves with live reload and rebuilds on change. Returns -1 while serving (the process stays up). */
export async function serveSite(options: BuildOptions, port: number): Promise<number> {
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
  await eleventy.watch();
  await eleventy.serve(port);
  process.on("SIGINT", () => {
    void eleventy.stopWatch().then(() => process.exit(0));
  });
  return -1;
}
