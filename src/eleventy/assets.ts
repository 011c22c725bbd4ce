import fs from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

/** The site's one stylesheet. */
export async function stylesheet(projectDir: string): Promise<string> {
  return fs.readFile(path.join(projectDir, "src", "client", "handbook.css"), "utf8");
}

/** The site's one script: the client modules bundled and minified by esbuild. */
export function bundleScript(projectDir: string): Promise<string> {
  return bundle(projectDir, "main.ts", "esm", "es2022");
}

/**
 * The theme script: src/client/theme.ts as a tiny classic script for <head>. It runs before the body is painted and
 * applies the reader's saved light/dark choice, so the page never flashes the other theme.
 */
export function themeScript(projectDir: string): Promise<string> {
  return bundle(projectDir, "theme.ts", "iife", "es2017");
}

/** The dev server's error overlay (src/client/dev-overlay.ts): served by `npm start` only, never part of a built site. */
export function devOverlayScript(projectDir: string): Promise<string> {
  return bundle(projectDir, "dev-overlay.ts", "esm", "es2022");
}

/** One module of src/client/ with what it imports, minified by esbuild. */
async function bundle(projectDir: string, entry: string, format: "esm" | "iife", target: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(projectDir, "src", "client", entry)],
    bundle: true,
    format,
    target,
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
