// The search dialog: opened from the header button, Ctrl+K / Cmd+K, "/" or the 404 page's form. The field is a
// combobox over the result list (search-results.ts): the first result is chosen as results arrive, the arrow keys
// choose others and Enter opens the chosen one, also when it was pressed before the results came. Pagefind runs in
// search-engine.ts, the filters in search-filters.ts. All text is drawn with the DOM, escaped.
import { SearchEngine, type Pagefind } from "./search-engine.ts";
import { filterPanel } from "./search-filters.ts";
import { resultList } from "./search-results.ts";

/** Milliseconds the field must stay unchanged before a search runs, so a word being typed is searched once. */
const TYPING_PAUSE_MS = 300;

/** The dialog's parts the script needs; missing ones leave search off. */
interface Parts {
  input: HTMLInputElement;
  list: HTMLOListElement;
  status: HTMLElement;
  more: HTMLButtonElement;
  panel: HTMLElement;
  toggle: HTMLButtonElement;
  empty: HTMLElement;
}

/**
 * Turns the header's search button and the layout's dialog into the handbook's search.
 * Longer than 80 lines: one closure over the state it keeps, each inner function short; split, they would pass that state around.
 */
export function enhanceSearch(button: HTMLButtonElement, dialog: HTMLDialogElement): void {
  const parts = partsOf(dialog);
  if (!parts) return;
  const { input, list } = parts;
  const key = button.querySelector("kbd");
  if (key && /Mac|iPhone|iPad|iPod/.test(navigator.platform)) key.textContent = "⌘ K";
  button.hidden = false;

  const engine = new SearchEngine(dialog.dataset.bundle ?? "/pagefind/");
  const search = searcher(parts, engine);
  let returnTo: HTMLElement | undefined;
  let following = false;

  /** Opens the dialog; with `term`, searches for it at once. */
  const open = (term?: string) => {
    if (!dialog.open) {
      returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
      following = false;
      dialog.showModal();
    }
    input.focus();
    if (term === undefined) input.select();
    else {
      input.value = term;
      void search.now();
    }
    // Pagefind loads while the reader types.
    engine.current().catch(() => {
      engine.reset();
      search.failed();
    });
  };

  button.addEventListener("click", () => open());
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.isComposing || event.altKey) return;
    const shortcut =
      ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "k") ||
      (event.key === "/" && !event.ctrlKey && !event.metaKey && !isTyping(event.target));
    if (!shortcut) return;
    event.preventDefault();
    open();
  });
  offerOnNotFound(open);

  dialog.addEventListener("close", () => {
    search.cancelEnter();
    if (!following && returnTo?.isConnected) returnTo.focus();
    returnTo = undefined;
  });
  // A click on the backdrop (outside the dialog's box) closes it.
  dialog.addEventListener("click", (event) => {
    if (event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) dialog.close();
  });
  // Following a result closes the dialog (also for a heading on this very page); a new tab leaves it open.
  list.addEventListener("click", (event) => {
    const link = (event.target as Element).closest("a");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    following = true;
    dialog.close();
  });
  dialog.addEventListener("keydown", (event) => {
    // Escape always closes, even from a field that would otherwise take it to clear itself.
    if (event.key === "Escape") {
      event.preventDefault();
      dialog.close();
      return;
    }
    if (event.target !== input || event.isComposing) return;
    if (event.key === "Enter") {
      event.preventDefault();
      search.enter();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!search.move(event.key === "ArrowDown" ? 1 : -1)) return;
      event.preventDefault();
    }
  });
}

/** The dialog's parts, or undefined when one is missing (an older layout). */
function partsOf(dialog: HTMLDialogElement): Parts | undefined {
  const parts = {
    input: dialog.querySelector<HTMLInputElement>(".search-input"),
    list: dialog.querySelector<HTMLOListElement>(".search-results"),
    status: dialog.querySelector<HTMLElement>(".search-status"),
    more: dialog.querySelector<HTMLButtonElement>(".search-more"),
    panel: dialog.querySelector<HTMLElement>(".search-filters"),
    toggle: dialog.querySelector<HTMLButtonElement>(".search-filters-toggle"),
    empty: dialog.querySelector<HTMLElement>(".search-empty"),
  };
  return Object.values(parts).every((part) => part !== null) ? (parts as Parts) : undefined;
}

/**
 * What runs the searches: after the typing pause or at once, on the engine's current Pagefind instance, drawing
 * results and filter counts, and opening the first result when Enter was pressed before it arrived.
 * Longer than 80 lines: one closure over the state it keeps, each inner function short; split, they would pass that state around.
 */
function searcher(parts: Parts, engine: SearchEngine) {
  const { input, list, status, empty } = parts;
  const results = resultList(parts);
  let pause: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  /** The term Enter was pressed for before its results were drawn. */
  let enterFor: string | undefined;

  const failed = () => {
    status.textContent = "Search could not be loaded. Check your connection and try again.";
    list.setAttribute("aria-busy", "false");
  };
  const follow = () => {
    enterFor = undefined;
    results.chosen()?.click();
  };
  /** With `countsOnly`, results already drawn for the same term and filters stay as they are (only the counts change). */
  const now = async (countsOnly = false): Promise<void> => {
    clearTimeout(pause);
    const term = input.value.trim();
    const selection = filters.selection();
    const gen = ++generation;
    if (term === "") {
      results.clear();
      filters.hide();
      return;
    }
    const keep = countsOnly && results.holds(term, selection);
    if (!keep) results.busy();
    const used = engine.current();
    let pf: Pagefind | undefined;
    try {
      pf = await used;
      if (gen !== generation) return;
      const response = await pf.search(term, { filters: selection });
      if (gen !== generation || !response) return;
      let matched = true;
      if (keep) results.adopt(response.results, () => gen === generation);
      else matched = await results.show(term, selection, response.results, () => gen === generation);
      if (gen !== generation) return;
      filters.update(response, matched);
      if (clear) clear.hidden = !filters.any();
      if (enterFor === term) follow();
    } catch {
      if (gen !== generation) return;
      // The instance was replaced meanwhile (the filters opened and the old one was let go): search on the new one.
      if (!engine.isCurrent(used)) return void now(countsOnly);
      engine.reset(pf);
      failed();
    }
  };
  const filters = filterPanel(parts.panel, parts.toggle, (countsOnly) => void now(countsOnly));
  // The first time the filters open, a Pagefind instance in a web worker loads every filter file and takes over.
  filters.onOpen(() => engine.loadFilters());
  // When nothing matched under chosen filters, the empty state offers to search without them.
  const clear = empty.querySelector<HTMLButtonElement>(".search-empty-clear");
  clear?.addEventListener("click", () => {
    filters.clear();
    input.focus();
  });

  input.addEventListener("input", () => {
    clearTimeout(pause);
    enterFor = undefined;
    // A search still running (or waiting for Pagefind) is for text the field no longer holds: its results are dropped.
    generation++;
    // A cleared field empties the list at once.
    if (input.value.trim() === "") void now();
    else pause = setTimeout(() => void now(), TYPING_PAUSE_MS);
  });

  return {
    now,
    failed,
    /** Enter in the field: opens the chosen result, or the first one as soon as the results for the field arrive. */
    enter() {
      const term = input.value.trim();
      if (term === "") return;
      if (results.showing(input.value)) return follow();
      enterFor = term;
      // Still in the typing pause: search now rather than after it.
      if (pause !== undefined) void now();
    },
    /** Forgets an Enter still waiting for results (the dialog closed). */
    cancelEnter() {
      enterFor = undefined;
    },
    /** Moves the choice among the results; false when there are none. */
    move(step: 1 | -1): boolean {
      if (!results.chosen()) return false;
      results.move(step);
      return true;
    },
  };
}

/**
 * The 404 page's search form (hidden without the script, as it needs the dialog): filled with the words of the
 * address that was not found, it opens the dialog searching for them.
 */
function offerOnNotFound(open: (term: string) => void): void {
  const form = document.querySelector<HTMLFormElement>("form.not-found-search");
  const field = form?.querySelector<HTMLInputElement>("input[type=search]");
  if (!form || !field) return;
  field.value = wordsOf(window.location.pathname);
  form.hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    open(field.value);
  });
}

/** The words of a path's last part, for a search: "/teams/dev-team/py-torch.html" → "py torch". */
function wordsOf(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // A malformed escape: search for the path as it is.
  }
  const last = decoded.split("/").filter((part) => part !== "").pop() ?? "";
  const words = last
    .replace(/\.html?$/i, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "" && !/^(index|404)$/i.test(word));
  return words.join(" ");
}

/** True when a key typed at `target` is text for a field, so "/" must not open search. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, [contenteditable]") !== null;
}
