import fs from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { ContentError } from "../shared/diagnostics.ts";
import { buildModel, linkSeverity, type BuildOptions } from "../eleventy/options.ts";
import { handbookPlugin } from "../eleventy/plugin.ts";
import { BuildSession } from "../eleventy/session.ts";
import { consoleLog, report, type Log } from "../shared/log.ts";
import { FEED_FROM, startLinkFeed } from "../links/feed.ts";
import { checkBuiltLinks, type BuiltLinksReport } from "../site/link-gate.ts";
import { rolesSummary } from "../roles/roles-json.ts";
import { leftOutSummary } from "../navigation/summary.ts";
import { validateContent } from "../site/validate.ts";
import { MARKER_TEXT, OUTPUT_MARKER, outputFolderProblem, removeLeftStaging, stagingFolder } from "./output-folder.ts";

/** What a build did. */
export interface BuildReport {
  /** Pages written (HTML). */
  pages: number;
  /** Wall time in milliseconds. */
  ms: number;
}

/** Checks the content, then builds the site into a fresh folder and swaps it in; nothing half-written on failure. */
export async function buildSite(options: BuildOptions, log: Log = consoleLog): Promise<BuildReport | undefined> {
  const started = performance.now();
  const refused = outputFolderProblem(options);
  if (refused) {
    log.error(`error: ${refused}`);
    log.info("Build stopped. Nothing was written.");
    return undefined;
  }
  removeLeftStaging(options.outputDir);
  const model = buildModel(options);
  const checked = model.failed ? [] : validateContent(model, linkSeverity(options));
  const errors = report(log, [...model.diagnostics, ...checked]);
  if (errors > 0) {
    log.info(`Build stopped: ${errors} error(s) in the content. Nothing was written.`);
    return undefined;
  }

  const staging = stagingFolder(options.outputDir);
  fs.rmSync(staging, { recursive: true, force: true });
  const session = new BuildSession({ ...options, outputDir: staging }, log, model);
  let links: BuiltLinksReport | undefined;
  try {
    // A big handbook's pages are scanned for the link gate on a second thread while they are rendered.
    const feed = model.tree.pages.length >= FEED_FROM ? startLinkFeed(model.settings.pathPrefix) : undefined;
    session.linkFeed = feed && { feed, outputDir: staging };
    const eleventy = new Eleventy(session.inputDir, staging, {
      configPath: false,
      config: (eleventyConfig: never) => handbookPlugin(eleventyConfig, session),
      quietMode: true,
      pathPrefix: model.settings.pathPrefix,
      runMode: "build",
      source: "script",
    });
    await eleventy.write();
    fs.writeFileSync(path.join(staging, OUTPUT_MARKER), MARKER_TEXT);
    // The link gate runs on the staging folder, so a site with a broken link is never swapped in.
    session.linkFeed = undefined;
    links = await checkBuiltLinks(model, staging, options.outputDir, linkSeverity(options), feed);
    // With --links warn, a link the content check already listed is not listed again.
    const listed = new Set(checked.map((d) => `${d.file}:${d.line}:${d.column}`));
    links.diagnostics = links.diagnostics.filter((d) => !listed.has(`${d.file}:${d.line}:${d.column}`));
    if (report(log, links.diagnostics) > 0) {
      fs.rmSync(staging, { recursive: true, force: true });
      log.info(`Build stopped: ${links.diagnostics.length} broken link(s) in the built site. Nothing was written.`);
      return undefined;
    }
    fs.rmSync(options.outputDir, { recursive: true, force: true });
    fs.renameSync(staging, options.outputDir);
  } catch (error) {
    session.linkFeed?.feed.close();
    fs.rmSync(staging, { recursive: true, force: true });
    const content = findContentError(error);
    if (content) {
      report(log, content.diagnostics);
      log.info("Build stopped: the content has errors. Nothing was written.");
      return undefined;
    }
    throw error;
  } finally {
    session.close();
  }
  const pages = model.tree.pages.length;
  const ms = performance.now() - started;
  log.info(`Built ${pages} pages into ${path.relative(process.cwd(), options.outputDir) || "."} in ${(ms / 1000).toFixed(2)} s`);
  if (options.links === "warn" && (links?.diagnostics.length || checked.some((d) => d.severity === "warning"))) {
    log.info("Links: the broken links and anchors listed above are warnings (--links warn); the site was written anyway");
  } else if (links) {
    log.info(`Links: ${links.checked} internal links and anchors on ${links.pages} pages resolve (checked in ${links.ms.toFixed(0)} ms)`);
  }
  for (const line of [...leftOutSummary(model.tree), ...rolesSummary(model.roles)]) log.info(line);
  return { pages, ms };
}

/** Eleventy wraps errors thrown in its events; this finds ours inside. */
export function findContentError(error: unknown): ContentError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 10; e = (e as { originalError?: unknown; cause?: unknown }).originalError ?? (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof ContentError) return e;
  }
  return undefined;
}
