// One build session: what a command (build, serve) hands the Eleventy plugin as an argument, instead of process
// globals. It holds the options, the logger, the current model and the link gate's feed, and the empty folder Eleventy
// is given as its input: Eleventy reads no file of the content folder itself, every page reaches it from the model.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ContentError, formatDiagnostic, type Diagnostic } from "../shared/diagnostics.ts";
import type { LinkFeed } from "../links/feed.ts";
import { consoleLog, report, type Log } from "../shared/log.ts";
import type { SiteModel } from "../site/model.ts";
import type { ReadCache } from "../site/read.ts";
import { buildModel, type BuildOptions } from "./options.ts";

/** The link gate's second thread for one build, and the folder whose pages it is fed. */
export interface FedLinks {
  feed: LinkFeed;
  outputDir: string;
}

/** The state of one command's builds: a build's one, or every rebuild of a dev server. */
export class BuildSession {
  /** An empty folder Eleventy takes as its input, so it finds no template, data or config file of anyone's. */
  readonly inputDir: string;
  /** The link gate's feed during a build that has one. */
  linkFeed: FedLinks | undefined;
  /** A dev server's readings of the content, so each rebuild parses only the files whose text changed. */
  readonly readCache: ReadCache | undefined;
  #model: SiteModel | undefined;
  #fresh: SiteModel | undefined;
  #problems: readonly Diagnostic[] = [];

  constructor(
    /** What to read and where to write; `outputDir` is where Eleventy writes (a build's staging folder). */
    readonly options: BuildOptions,
    readonly log: Log = consoleLog,
    /** A model the command already read (and checked), used by the first build instead of reading again. */
    first?: SiteModel,
    /** Keep each file's reading for the next rebuild (a dev server). */
    readCache?: ReadCache,
  ) {
    this.inputDir = fs.mkdtempSync(path.join(os.tmpdir(), "handbook-input-"));
    this.#fresh = first;
    this.readCache = readCache;
  }

  /** Reads the content afresh (or takes the command's first model) at the start of a build; throws on content errors. */
  refresh(): SiteModel {
    const model = this.#fresh ?? buildModel(this.options, this.readCache);
    this.#fresh = undefined;
    this.#model = model;
    this.#problems = model.failed ? model.diagnostics.filter((d) => d.severity === "error") : [];
    if (model.failed) {
      report(this.log, model.diagnostics);
      const error = new ContentError([...model.diagnostics]);
      // Reported above, one line each: Eleventy's error handler skips an error marked so, instead of printing its stack.
      Object.defineProperty(error, "__errorAlreadyLogged", { value: true });
      throw error;
    }
    return model;
  }

  /** The content errors that stopped the last build, as file:line:col lines; none once a build succeeds. */
  get problems(): string[] {
    return this.#problems.map((d) => formatDiagnostic(d));
  }

  /** This build's model. */
  get model(): SiteModel {
    return this.#model ?? this.refresh();
  }

  /** Whether builds write a search index (and pages offer search): not with --no-search, nor with `search: false`. */
  get search(): boolean {
    return this.options.search && this.model.settings.search;
  }

  /** Removes the session's input folder. */
  close(): void {
    fs.rmSync(this.inputDir, { recursive: true, force: true });
  }
}
