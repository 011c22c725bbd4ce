// The search dialog: opened from the header button, Ctrl+K / Cmd+K or "/". Pagefind's own library (pagefind.js, from
// the bundle the build writes to <prefix>pagefind/) is imported the first time the dialog opens. This module reads the
// field, asks Pagefind, and draws results and filters with the DOM, escaping all text.
//
// What a first query downloads is kept small (bench/SEARCH-RESULTS.md): no Pagefind UI script, no filter files, and
// no web worker: Pagefind runs on the page's thread, which spares the worker's own 43 kB script. A search only needs
// the filter files of the filters it uses, but the counts each filter shows need them all (every tool and skill), so
// they load when the reader opens "Filters". With them loaded, Pagefind counts every value for every search, which
// holds the page's thread for over half a second on 10,000 pages; so from then on Pagefind runs in its web worker.

/** One result as Pagefind returns it (the fields the dialog reads). */
interface ResultData {
  url: string;
  /** Text around the match, with the matched words in <mark>. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  /** Matches under the page's headings; `anchor` is set when the heading has an id. */
  sub_results?: Array<{
    title: string;
    url: string;
    excerpt: string;
    anchor?: { element: string; id: string };
  }>;
}

/** Counts of pages by filter, then by value. */
type FilterCounts = Record<string, Record<string, number>>;
type Filters = Record<string, string[]>;

interface SearchResponse {
  results: Array<{ id: string; data(): Promise<ResultData> }>;
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
interface Pagefind {
  /** Resolves once the instance is set up (its files load with the first search). */
  init(): Promise<void>;
  search(term: string, options?: { filters?: Filters }): Promise<SearchResponse | null>;
  filters(): Promise<FilterCounts>;
  destroy(): Promise<void>;
}

/** Results drawn at once and per "Show more results". */
const PAGE_SIZE = 10;
/** Sub-results (matching headings) shown under a result. */
const SUB_RESULTS = 3;
/** Milliseconds the field must stay unchanged before a search runs, so a word being typed is searched once. */
const TYPING_PAUSE_MS = 300;
/** Order of the kind filter's values; others follow alphabetically. */
const KIND_ORDER = ["role", "team", "process", "policy", "onboarding", "page"];

/** Turns the header's search button and the layout's dialog into the handbook's search. */
export function enhanceSearch(button: HTMLButtonElement, dialog: HTMLDialogElement): void {
  const input = dialog.querySelector<HTMLInputElement>(".search-input");
  const list = dialog.querySelector<HTMLOListElement>(".search-results");
  const status = dialog.querySelector<HTMLElement>(".search-status");
  const more = dialog.querySelector<HTMLButtonElement>(".search-more");
  const panel = dialog.querySelector<HTMLElement>(".search-filters");
  const toggle = dialog.querySelector<HTMLButtonElement>(".search-filters-toggle");
  if (!input || !list || !status || !more || !panel || !toggle) return;
  const bundle = dialog.dataset.bundle ?? "/pagefind/";

  const key = button.querySelector("kbd");
  if (key && /Mac|iPhone|iPad|iPod/.test(navigator.platform)) key.textContent = "⌘ K";
  button.hidden = false;

  let returnTo: HTMLElement | undefined;
  let following = false;
  let library: Promise<PagefindModule> | undefined;
  let engine: Promise<Pagefind> | undefined;
  const failed = () => {
    status.textContent = "Search could not be loaded. Check your connection and try again.";
    list.setAttribute("aria-busy", "false");
  };
  /** A Pagefind instance; the index holds URLs with the path prefix applied, which Pagefind would otherwise add again. */
  const instance = async (options: { noWorker: boolean }) => {
    library ??= import(/* a URL on the site, not bundled */ `${bundle}pagefind.js`) as Promise<PagefindModule>;
    const pf = (await library).createInstance({ baseUrl: "/", ...options });
    await pf.init();
    return pf;
  };
  /** The instance searches run on: started once, on the page's thread; after a failure the next call tries again. */
  const pagefind = () => (engine ??= instance({ noWorker: true }));
  const reset = (pf?: Pagefind) => {
    library = undefined;
    engine = undefined;
    void pf?.destroy();
  };

  const filters = filterPanel(panel, toggle, (countsOnly) => void search.now(countsOnly));
  const results = resultList(list, status, more);

  /** Runs the search for what the field holds, after the typing pause unless `now()` is called. */
  const search = (() => {
    let pause: ReturnType<typeof setTimeout> | undefined;
    let generation = 0;
    /** With `countsOnly`, results already drawn for the same term and filters stay as they are (only the counts change). */
    const now = async (countsOnly = false) => {
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
      const used = pagefind();
      let pf: Pagefind | undefined;
      try {
        pf = await used;
        if (gen !== generation) return;
        const response = await pf.search(term, { filters: selection });
        if (gen !== generation || !response) return;
        filters.update(response);
        if (keep) results.adopt(response.results, () => gen === generation);
        else await results.show(term, selection, response.results, () => gen === generation);
      } catch {
        if (gen !== generation) return;
        // The instance was replaced meanwhile (the filters opened and the old one was let go): search on the new one.
        if (used !== engine) return void now(countsOnly);
        reset(pf);
        failed();
      }
    };
    return {
      later() {
        clearTimeout(pause);
        // A search still running (or waiting for Pagefind) is for text the field no longer holds: its results are dropped.
        generation++;
        // A cleared field empties the list at once.
        if (input.value.trim() === "") void now();
        else pause = setTimeout(() => void now(), TYPING_PAUSE_MS);
      },
      now,
    };
  })();

  // The first time the filters open, a Pagefind instance in a web worker loads every filter file and takes over the
  // searches; the search that follows has the counts.
  filters.onOpen(async () => {
    let worker: Pagefind | undefined;
    try {
      worker = await instance({ noWorker: false });
      await worker.filters();
    } catch {
      void worker?.destroy();
      return false;
    }
    const before = engine;
    engine = Promise.resolve(worker);
    void before?.then((pf) => pf.destroy()).catch(() => {});
    return true;
  });

  input.addEventListener("input", () => search.later());

  const open = () => {
    if (!dialog.open) {
      returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
      following = false;
      dialog.showModal();
    }
    input.focus();
    input.select();
    // Pagefind loads while the reader types.
    pagefind().catch(() => {
      reset();
      failed();
    });
  };

  button.addEventListener("click", open);
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.isComposing || event.altKey) return;
    const shortcut =
      ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "k") ||
      (event.key === "/" && !event.ctrlKey && !event.metaKey && !isTyping(event.target));
    if (!shortcut) return;
    event.preventDefault();
    open();
  });

  dialog.addEventListener("close", () => {
    if (!following && returnTo?.isConnected) returnTo.focus();
    returnTo = undefined;
  });
  // A click on the backdrop (outside the dialog's box) closes it.
  dialog.addEventListener("click", (event) => {
    if (event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) dialog.close();
  });
  // Following a result closes the dialog (also for a heading on this very page); a new tab leaves it open.
  list.addEventListener("click", (event) => {
    const link = (event.target as Element).closest("a");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    following = true;
    dialog.close();
  });

  // Escape closes. ArrowDown/ArrowUp walk the result links (ArrowUp from the first returns to the field); Enter follows the focused
  // link, or from the field the first result of what is typed.
  dialog.addEventListener("keydown", (event) => {
    // Escape always closes, even from a field that would otherwise take it to clear itself.
    if (event.key === "Escape") {
      event.preventDefault();
      dialog.close();
      return;
    }
    if (event.key === "Enter" && event.target === input) {
      event.preventDefault();
      if (results.showing(input.value)) list.querySelector("a")?.click();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = [...list.querySelectorAll("a")];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === "ArrowDown") {
      const next = links[at < 0 ? 0 : at + 1];
      if (!next) return;
      event.preventDefault();
      next.focus();
    } else if (at >= 0) {
      event.preventDefault();
      (links[at - 1] ?? input).focus();
    }
  });
}

/** True when a key typed at `target` is text for a field, so "/" must not open search. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest("input, textarea, select, [contenteditable]") !== null
  );
}

/** The result list: the first results with their data, more on request, and a status line saying what is shown. */
function resultList(list: HTMLOListElement, status: HTMLElement, more: HTMLButtonElement) {
  let term = "";
  let all: SearchResponse["results"] = [];
  let shown = 0;
  let settled = true;
  let current = () => true;

  const draw = async (fresh: boolean, filters: Filters) => {
    const still = current;
    const batch = all.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (!still()) return;
    const items = data.map(renderResult);
    if (fresh) list.replaceChildren(...items);
    else list.append(...items);
    shown += batch.length;
    more.hidden = shown >= all.length;
    settled = true;
    list.setAttribute("aria-busy", "false");
    status.textContent = describe(term, filters, all.length);
    if (!fresh) items[0]?.querySelector("a")?.focus();
  };

  let shownFilters: Filters = {};
  more.addEventListener("click", () => void draw(false, shownFilters));
  return {
    /** A search has started: the list is about to change. */
    busy() {
      settled = false;
      list.setAttribute("aria-busy", "true");
    },
    clear() {
      term = "";
      all = [];
      shown = 0;
      current = () => false;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      settled = true;
      list.setAttribute("aria-busy", "false");
    },
    /** Draws the first results of a search; `isCurrent` says whether a newer search has started since. */
    async show(t: string, filters: Filters, found: SearchResponse["results"], isCurrent: () => boolean) {
      term = t;
      all = found;
      shown = 0;
      shownFilters = filters;
      current = isCurrent;
      await draw(true, filters);
    },
    showing: (typed: string) => settled && typed.trim() === term && term !== "",
    /** True when the list shows all it will for `t` under `filters`. */
    holds: (t: string, filters: Filters) =>
      settled && t === term && JSON.stringify(filters) === JSON.stringify(shownFilters),
    /** The same results from another Pagefind instance: "Show more results" goes on from them; nothing is redrawn. */
    adopt(found: SearchResponse["results"], isCurrent: () => boolean) {
      all = found;
      current = isCurrent;
    },
  };
}

/** Says what the list shows, e.g. `4 results for “pytorch” in Dev Team`; empty before anything is typed. */
function describe(term: string, filters: Filters, count: number): string {
  if (term === "") return "";
  const within = Object.values(filters).flat();
  const scope = within.length > 0 ? ` in ${within.join(", ")}` : "";
  return `${count === 0 ? "No" : count} result${count === 1 ? "" : "s"} for “${term}”${scope}`;
}

/** One result: path, title link, excerpt, then links to matching headings. */
function renderResult(data: ResultData): HTMLLIElement {
  const item = element("li", "search-result");
  if (data.meta.path) item.append(element("p", "search-result-path", data.meta.path));
  const title = element("a", "search-result-link", data.meta.title ?? data.url);
  title.href = data.url;
  item.append(title, excerpt(data.excerpt));
  // Sections under h2–h6; the h1 section is the page itself, already the result.
  const headings = (data.sub_results ?? [])
    .filter((s) => s.anchor && s.anchor.element !== "h1" && s.url !== data.url)
    .slice(0, SUB_RESULTS);
  if (headings.length > 0) {
    const subs = element("ul", "search-subresults");
    for (const sub of headings) {
      const entry = element("li", "search-subresult");
      const link = element("a", "search-subresult-link", sub.title);
      link.href = sub.url;
      entry.append(link, excerpt(sub.excerpt));
      subs.append(entry);
    }
    item.append(subs);
  }
  return item;
}

/** Pagefind's excerpt as text with its <mark>s; anything else in it is kept as text only. */
function excerpt(html: string): HTMLParagraphElement {
  const paragraph = element("p", "search-result-excerpt");
  const parsed = document.createElement("template");
  parsed.innerHTML = html;
  for (const node of parsed.content.childNodes) {
    paragraph.append(
      node.nodeName === "MARK"
        ? element("mark", undefined, node.textContent ?? "")
        : (node.textContent ?? ""),
    );
  }
  return paragraph;
}

/**
 * The "Filters" button and the panel it opens: one group per `[data-filter]` element, one value per group at a time,
 * each value with the number of results it gives. A group is a row of buttons, or, with `data-control="select"`
 * (tools and skills, which run to dozens of values), one drop-down list. The button shows while a search has results
 * (or a filter is chosen). The filter files load the first time the panel opens; `changed` then searches again, and
 * from then on every search carries the counts.
 */
function filterPanel(panel: HTMLElement, toggle: HTMLButtonElement, changed: (countsOnly: boolean) => void) {
  const groups = [...panel.querySelectorAll<HTMLElement>("[data-filter]")];
  const note = element("p", "search-filters-note");
  panel.prepend(note);
  const selected = new Map<string, string>();
  let counts: { available: FilterCounts; total: FilterCounts } = { available: {}, total: {} };
  let state: "unloaded" | "loading" | "loaded" = "unloaded";
  let visible = false;
  let load: () => Promise<boolean> = () => Promise.resolve(false);

  const selection = (): Filters =>
    Object.fromEntries([...selected].map(([name, value]) => [name, [value]]));
  const expanded = () => toggle.getAttribute("aria-expanded") === "true";
  const choose = (name: string, value: string | undefined) => {
    if (value === undefined) selected.delete(name);
    else selected.set(name, value);
    label();
    changed(false);
  };
  /** "Filters", and how many are chosen. */
  const label = () => {
    const count = element("span", "search-pill-count", String(selected.size));
    count.append(element("span", "visually-hidden", " chosen"));
    toggle.replaceChildren("Filters", ...(selected.size > 0 ? [count] : []));
  };

  const draw = () => {
    toggle.hidden = !visible;
    panel.hidden = !visible || !expanded();
    note.hidden = note.textContent === "";
    if (state !== "loaded") {
      for (const group of groups) group.hidden = true;
      return;
    }
    if (panel.hidden) return;
    for (const group of groups) {
      const name = group.dataset.filter ?? "";
      const chosen = selected.get(name);
      // A group with a choice shows what each of its values would give; the others what is left under the choices.
      const values = Object.entries((chosen ? counts.total : counts.available)[name] ?? {}).filter(
        ([value, count]) => count > 0 || value === chosen,
      );
      values.sort(([a], [b]) => orderOf(name, a) - orderOf(name, b) || a.localeCompare(b));
      if (group.dataset.control === "select") {
        drawSelect(group, name, chosen, values, (value) => choose(name, value));
        continue;
      }
      const focused = group.contains(document.activeElement)
        ? (document.activeElement as HTMLElement).dataset.value
        : undefined;
      const pill = (value: string | undefined, text: string, count?: number) => {
        const b = element("button", "search-pill", text);
        b.type = "button";
        b.dataset.value = value ?? "";
        b.setAttribute("aria-pressed", String(chosen === value));
        if (count !== undefined) b.append(element("span", "search-pill-count", String(count)));
        b.addEventListener("click", () => choose(name, value === chosen ? undefined : value));
        return b;
      };
      group.hidden = values.length === 0;
      group.replaceChildren(
        pill(undefined, "All"),
        ...values.map(([value, count]) => pill(value, value, count)),
      );
      if (focused !== undefined)
        group.querySelector<HTMLElement>(`[data-value="${CSS.escape(focused)}"]`)?.focus();
    }
  };

  toggle.addEventListener("click", () => {
    toggle.setAttribute("aria-expanded", String(!expanded()));
    if (expanded() && state === "unloaded") {
      state = "loading";
      note.textContent = "Loading filters…";
      void load().then((ok) => {
        state = ok ? "loaded" : "unloaded";
        note.textContent = ok ? "" : "Filters could not be loaded. Close them and open them again to retry.";
        if (ok) changed(true);
        else draw();
      });
    }
    draw();
  });
  label();

  return {
    selection,
    /** Sets what loads the filter files; it resolves to whether they loaded. */
    onOpen(loader: () => Promise<boolean>) {
      load = loader;
    },
    /** Hides the button and the panel (nothing is searched). */
    hide() {
      visible = false;
      draw();
    },
    /** Takes a search's counts; the button shows when the term has results or a filter is chosen. */
    update(response: SearchResponse) {
      // Before the filter files are in, a search has counts only for the filters it used.
      if (state === "loaded") counts = { available: response.filters, total: response.totalFilters };
      visible = response.unfilteredResultCount > 0 || selected.size > 0;
      draw();
    },
  };
}

/**
 * A filter group as one drop-down list: "All" and each value with its count. The list is made once and only its
 * options are redrawn, so it keeps focus (and an open list stays usable) while results update.
 */
function drawSelect(
  group: HTMLElement,
  name: string,
  chosen: string | undefined,
  values: Array<[string, number]>,
  choose: (value: string | undefined) => void,
): void {
  let select = group.querySelector<HTMLSelectElement>("select");
  if (!select) {
    const created = element("select", "search-select");
    created.name = name;
    created.setAttribute("aria-label", group.getAttribute("aria-label") ?? name);
    created.addEventListener("change", () => choose(created.value === "" ? undefined : created.value));
    group.replaceChildren(created);
    select = created;
  }
  const option = (value: string, label: string) => {
    const o = element("option", undefined, label);
    o.value = value;
    return o;
  };
  select.replaceChildren(
    option("", `Any ${(group.dataset.label ?? name).toLowerCase()}`),
    ...values.map(([value, count]) => option(value, `${value} (${count})`)),
  );
  select.value = chosen ?? "";
  group.hidden = values.length === 0;
}

function orderOf(filter: string, value: string): number {
  const at = filter === "kind" ? KIND_ORDER.indexOf(value) : -1;
  return at < 0 ? KIND_ORDER.length : at;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
