import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import Eleventy from "@11ty/eleventy";
import { defaultBuildOptions } from "../../src/eleventy/options.ts";
import { handbookPlugin } from "../../src/eleventy/plugin.ts";
import { BuildSession } from "../../src/eleventy/session.ts";
import { OUTPUT_MARKER } from "../../src/cli/output-folder.ts";
import { buildInto, fixture, projectDir, snapshotTree, tempDir } from "../helpers/site.ts";

// `npm run build` writes its pages itself, one at a time, and lets each go once written (src/eleventy/page-writer.ts);
// the dev server's builds render the same pages through Eleventy's pages template. Both must write the same bytes.

/** The site as a dev server's first build writes it: every page through Eleventy's pages template. */
async function buildThroughEleventy(contentDir: string): Promise<string> {
  const outputDir = path.join(tempDir(), "served");
  const session = new BuildSession({ ...defaultBuildOptions(projectDir), contentDir, outputDir, search: false });
  try {
    const eleventy = new Eleventy(session.inputDir, outputDir, {
      configPath: false,
      config: (eleventyConfig: never) => handbookPlugin(eleventyConfig, session),
      quietMode: true,
      runMode: "serve",
      source: "script",
    });
    await eleventy.write();
  } finally {
    session.close();
  }
  return outputDir;
}

describe("the pages a build writes itself", () => {
  for (const name of ["basic", "roles", "escaping"]) {
    test(`are byte for byte those Eleventy's pages template renders (${name} fixture, generated pages included)`, async () => {
      const built = await buildInto(fixture(name), ["--no-search"]);
      assert.equal(built.code, 0, built.stderr);
      const fromBuild = snapshotTree(built.outDir);
      fromBuild.delete(OUTPUT_MARKER);
      const fromEleventy = snapshotTree(await buildThroughEleventy(fixture(name)));
      assert.deepEqual([...fromBuild.keys()], [...fromEleventy.keys()]);
      for (const [file, bytes] of fromBuild) assert.ok(bytes.equals(fromEleventy.get(file)!), `${file} differs`);
      assert.ok([...fromBuild.keys()].filter((file) => file.endsWith(".html")).length > 5);
    });
  }
});
