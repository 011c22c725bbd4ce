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

/**
 * The theme script: src/client/theme.ts as a tiny classic script for <head>. It runs before the body is painted and
 * applies the reader's saved light/dark choice, so the page never flashes the other theme.
 */
export async function themeScript(projectDir: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(projectDir, "src", "client", "theme.ts")],
    bundle: true,
    format: "iife",
    target: "es2017",
    minify: true,
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

/** The site's icon, an SVG. */
export async function favicon(projectDir: string): Promise<string> {
  return fs.readFile(path.join(projectDir, "src", "client", "favicon.svg"), "utf8");
}
