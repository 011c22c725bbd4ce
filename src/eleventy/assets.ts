import fs from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

/** The site's one stylesheet. */
export async function stylesheet(projectDir: string): Promise<string> {
  return fs.readFile(path.join(projectDir, "src", "client", "handbook.css"), "utf8");
}

/** The site's one script: the client modules bundled and minified by esbuild. */
export async function bundleScript(projectDir: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(projectDir, "src", "client", "main.ts")],
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}
