// Pagefind as the search dialog uses it. Pagefind's own library (pagefind.js, from the bundle the build writes to
// <prefix>pagefind/) is imported the first time the dialog opens.
//
// What a first query downloads is kept small (bench/SEARCH-RESULTS.md): no Pagefind UI script, no filter files, and
// no web worker: Pagefind runs on the page's thread, which spares the worker's own 43 kB script. A search only needs
// the filter files of the filters it uses, but the counts each filter shows need them all (every tool and skill), so
// they load when the reader opens "Filters". With them loaded, Pagefind counts every value for every search, which
// holds the page's thread for over half a second on 10,000 pages; so from then on Pagefind runs in its web worker.

/** One result as Pagefind returns it (the fields the dialog reads). */
export interface ResultData {
  url: string;
  /** Text around the match, with the matched words in <mark>. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  /** The page's filter values (`kind`, `team`, `tool`, `skill`). */
  filters?: Record<string, string[] | undefined>;
  /** Matches under the page's headings; `anchor` is set when the heading has an id. */
  sub_results?: Array<{
    title: string;
    url: string;
    excerpt: string;
    anchor?: { element: string; id: string };
  }>;
}

/** Counts of pages by filter, then by value. */
export type FilterCounts = Record<string, Record<string, number>>;
export type Filters = Record<string, string[]>;

/** One result of a search, whose data loads on demand. */
export type Found = { id: string; data(): Promise<ResultData> };

export interface SearchResponse {
  results: Found[];
  unfilteredResultCount: number;
  /** Pages per filter value among these results: only for filters whose files are loaded. */
  filters: FilterCounts;
  /** Pages per filter value for the term without the chosen filters. */
  totalFilters: FilterCounts;
}

/** The part of pagefind.js (an ES module) the dialog uses. */
interface PagefindModule {
  createInstance(options: { baseUrl?: string; noWorker?: boolean }): Pagefind;
}

/** One Pagefind instance: on the page's thread or in a web worker. */
export interface Pagefind {
  /** Resolves once the instance is set up (its files load with the first search). */
  init(): Promise<void>;
  search(term: string, options?: { filters?: Filters }): Promise<SearchResponse | null>;
  filters(): Promise<FilterCounts>;
  destroy(): Promise<void>;
}

/** Where searches run: one Pagefind instance, started once and replaced when the filters load or the index changes. */
export class SearchEngine {
  #library: Promise<PagefindModule> | undefined;
  #engine: Promise<Pagefind> | undefined;

  /** `bundle` is the Pagefind bundle's URL, with the path prefix. */
  constructor(private readonly bundle: string) {}

  /** The instance searches run on: started once, on the page's thread; after a failure the next call tries again. */
  current(): Promise<Pagefind> {
    return (this.#engine ??= this.#instance({ noWorker: true }));
  }

  /** Whether `used` is still the instance searches run on (it is not once the filters or a new index replaced it). */
  isCurrent(used: Promise<Pagefind>): boolean {
    return used === this.#engine;
  }

  /** Forgets the library and the instance (after a failure, or once the index was rebuilt), so the next search loads them again. */
  reset(pf?: Pagefind): void {
    this.#library = undefined;
    this.#engine = undefined;
    void pf?.destroy();
  }

  /** Lets the instance go, if there is one, so the next search loads the index afresh (it was rebuilt). */
  renew(): void {
    const before = this.#engine;
    this.#library = undefined;
    this.#engine = undefined;
    void before?.then((pf) => pf.destroy()).catch(() => {});
  }

  /**
   * Starts an instance in a web worker and loads every filter file into it; once it has them it takes over the
   * searches. Resolves to whether it did.
   */
  async loadFilters(): Promise<boolean> {
    let worker: Pagefind | undefined;
    try {
      worker = await this.#instance({ noWorker: false });
      await worker.filters();
    } catch {
      void worker?.destroy();
      return false;
    }
    const before = this.#engine;
    this.#engine = Promise.resolve(worker);
    void before?.then((pf) => pf.destroy()).catch(() => {});
    return true;
  }

  /** A Pagefind instance; the index holds URLs with the path prefix applied, which Pagefind would otherwise add again. */
  async #instance(options: { noWorker: boolean }): Promise<Pagefind> {
    this.#library ??= import(/* a URL on the site, not bundled */ `${this.bundle}pagefind.js`) as Promise<PagefindModule>;
    const pf = (await this.#library).createInstance({ baseUrl: "/", ...options });
    await pf.init();
    return pf;
  }
}
