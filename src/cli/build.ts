import fs from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { ContentError, reportDiagnostics } from "../content/diagnostics.ts";
import { buildModel, handOffModel, linkSeverity, publishBuildOptions, type BuildOptions } from "../eleventy/options.ts";
import { FEED_FROM, handOffLinkFeed, startLinkFeed, type LinkFeed } from "../links/feed.ts";
import { checkBuiltLinks, type BuiltLinksReport } from "../links/gate.ts";
import { rolesSummary } from "../roles/directory.ts";
import { validateContent } from "../site/validate.ts";

/** What a build did. */
export interface BuildReport {
  /** Pages written (HTML). */
  pages: number;
  /** Wall time in milliseconds. */
  ms: number;
}

/** Checks the content, then builds the site into a fresh folder and swaps it in; nothing half-written on failure. */
export async function buildSite(options: BuildOptions, log: (line: string) => void = console.log): Promise<BuildReport | undefined> {
  const started = performance.now();
  const model = buildModel(options);
  const checked = model.failed ? [] : validateContent(model, linkSeverity(options));
  const errors = reportDiagnostics([...model.diagnostics, ...checked]);
  if (errors > 0) {
    log(`Build stopped: ${errors} error(s) in the content. Nothing was written.`);
    return undefined;
  }

  const staging = `${options.outputDir}.partial-${process.pid}`;
  let links: BuiltLinksReport | undefined;
  let feed: LinkFeed | undefined;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    publishBuildOptions({ ...options, outputDir: staging });
    handOffModel(model);
    // A big handbook's pages are scanned for the link gate on a second thread while they are rendered.
    feed = model.tree.pages.length >= FEED_FROM ? startLinkFeed(model.settings.pathPrefix) : undefined;
    handOffLinkFeed(feed, staging);
    const eleventy = new Eleventy(options.contentDir, staging, {
      configPath: path.join(options.projectDir, "eleventy.config.ts"),
      quietMode: true,
      pathPrefix: model.settings.pathPrefix,
      runMode: "build",
      source: "script",
    });
    await eleventy.write();
    // The link gate runs on the staging folder, so a site with a broken link is never swapped in.
    handOffLinkFeed(undefined, staging);
    links = await checkBuiltLinks(model, staging, options.outputDir, linkSeverity(options), feed);
    // With --links warn, a link the content check already listed is not listed again.
    const listed = new Set(checked.map((d) => `${d.file}:${d.line}:${d.column}`));
    links.diagnostics = links.diagnostics.filter((d) => !listed.has(`${d.file}:${d.line}:${d.column}`));
    if (reportDiagnostics(links.diagnostics) > 0) {
      fs.rmSync(staging, { recursive: true, force: true });
      log(`Build stopped: ${links.diagnostics.length} broken link(s) in the built site. Nothing was written.`);
      return undefined;
    }
    fs.rmSync(options.outputDir, { recursive: true, force: true });
    fs.renameSync(staging, options.outputDir);
  } catch (error) {
    feed?.close();
    handOffLinkFeed(undefined, staging);
    fs.rmSync(staging, { recursive: true, force: true });
    const content = findContentError(error);
    if (content) {
      reportDiagnostics(content.diagnostics);
      log("Build stopped: the content has errors. Nothing was written.");
      return undefined;
    }
    throw error;
  }
  const pages = model.tree.pages.length;
  const ms = performance.now() - started;
  log(`Built ${pages} pages into ${path.relative(process.cwd(), options.outputDir) || "."} in ${(ms / 1000).toFixed(2)} s`);
  if (options.links === "warn" && (links?.diagnostics.length || checked.some((d) => d.severity === "warning"))) {
    log("Links: the broken links and anchors listed above are warnings (--links warn); the site was written anyway");
  } else if (links) {
    log(`Links: ${links.checked} internal links and anchors on ${links.pages} pages resolve (checked in ${links.ms.toFixed(0)} ms)`);
  }
  for (const line of rolesSummary(model.roles)) log(line);
  return { pages, ms };
}

/** Eleventy wraps errors thrown in its events; this finds ours inside. */
export function findContentError(error: unknown): ContentError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 10; e = (e as { originalError?: unknown; cause?: unknown }).originalError ?? (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof ContentError) return e;
  }
  return undefined;
}
