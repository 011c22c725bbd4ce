// Feeds the search index (and the link gate's worker) while a build renders: Pagefind runs as a process of its own,
// so on a full build it works on the second core while Eleventy renders on the first, instead of starting once every
// page is written.
import path from "node:path";
import { SearchIndexer, type SearchIndexReport, type WrittenFile } from "../search/index.ts";
import type { EleventyConfig } from "./config-api.ts";
import type { BuildSession } from "./session.ts";

/** The page a transform is running for, as Eleventy gives it. */
interface TransformContext {
  page: { url: string | false; outputPath: string | false };
}

/** Starts and finishes the feeding around each build. */
export interface SearchFeed {
  /** Called at the start of a build, after the model is refreshed: feeds full builds of `npm run build` only. */
  start(runMode: string | undefined): void;
  /** Hands one rendered page (its URL without the path prefix, the file it goes to) to the index and the link gate. */
  offer(url: string | false, outputPath: string, html: string): void;
  /** Writes the index fed during this build, or returns undefined when this build was not fed. */
  finish(results: readonly WrittenFile[], outputDir: string): Promise<SearchIndexReport | undefined>;
}

/**
 * Registers the transform that hands each rendered page to the search indexer and to the link gate's worker, when
 * there is one; register it after every other transform.
 */
export function registerSearchFeed(eleventyConfig: EleventyConfig, session: BuildSession): SearchFeed {
  let indexer: SearchIndexer | undefined;
  const offer = (url: string | false, outputPath: string, html: string) => {
    indexer?.offer(url, html);
    // The link gate's second thread, when the command started one (src/links/feed.ts).
    const links = session.linkFeed;
    if (links) links.feed.add(path.relative(links.outputDir, outputPath).split(path.sep).join("/"), html);
  };
  eleventyConfig.addTransform("handbook-search-feed", function (this: TransformContext, content: unknown) {
    const { url, outputPath } = this.page;
    if (typeof content !== "string" || typeof outputPath !== "string" || !outputPath.endsWith(".html")) return content;
    offer(url, outputPath, content);
    return content;
  });
  return {
    offer,
    start(runMode) {
      // A dev server's builds index in their own way (src/eleventy/watch.ts).
      indexer = session.search && runMode === "build" ? new SearchIndexer(session.model) : undefined;
    },
    async finish(results, outputDir) {
      const fed = indexer;
      indexer = undefined;
      return fed?.finish(results, outputDir);
    },
  };
}
