/** What the sidebar remembers for the rest of the visit (sessionStorage, one key per site). */
interface Saved {
  /** Branches the reader opened (true) or closed (false), by their link's href. */
  branches: Record<string, boolean>;
  /** The sidebar's scroll position when the reader left the last page. */
  scroll?: number;
}

/**
 * The sidebar's state from one page to the next of a visit, as Starlight keeps it: the branches the reader opened or
 * closed, and where the sidebar was scrolled. Storage may be unavailable (blocked cookies): then nothing is kept.
 */
export class NavState {
  readonly #key: string;

  /** `site` tells sites on one origin apart (the /nav.json URL, with its path prefix). */
  constructor(site: string) {
    this.#key = `handbook-nav:${site}`;
  }

  /** The branches the reader opened or closed, by href. */
  branches(): Map<string, boolean> {
    return new Map(Object.entries(this.#read().branches));
  }

  /** Records that the reader opened or closed the branch at `href`. */
  remember(href: string, open: boolean): void {
    const saved = this.#read();
    saved.branches[href] = open;
    this.#write(saved);
  }

  /** Keeps the sidebar's scroll position for the next page. */
  saveScroll(scroller: HTMLElement): void {
    const saved = this.#read();
    saved.scroll = scroller.scrollTop;
    this.#write(saved);
  }

  /** Scrolls the sidebar where it was on the last page. */
  restoreScroll(scroller: HTMLElement): void {
    const scroll = this.#read().scroll;
    if (scroll !== undefined) scroller.scrollTop = scroll;
  }

  #read(): Saved {
    try {
      const value = JSON.parse(sessionStorage.getItem(this.#key) ?? "null") as Partial<Saved> | null;
      const branches = value?.branches && typeof value.branches === "object" ? value.branches : {};
      return { branches, ...(typeof value?.scroll === "number" ? { scroll: value.scroll } : {}) };
    } catch {
      return { branches: {} };
    }
  }

  #write(saved: Saved): void {
    try {
      sessionStorage.setItem(this.#key, JSON.stringify(saved));
    } catch {
      // Storage unavailable: the state lasts for this page only.
    }
  }
}
