// The search dialog: opened from the header button, Ctrl+K / Cmd+K or "/". Pagefind's Modular UI (from the bundle
// the build writes to <prefix>pagefind/) is loaded the first time the dialog opens; its Instance runs the searches and
// its Input reads the field, and the two components below draw results and filters with the DOM, escaping all text.

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

interface SearchResponse {
  results: Array<{ id: string; data(): Promise<ResultData> }>;
  unfilteredResultCount?: number;
}

/** Counts of pages by filter, then by value. */
type FilterCounts = Record<string, Record<string, number>>;
type Filters = Record<string, string[]>;

/** What Pagefind's Modular UI Instance offers its components. */
interface Instance {
  add(component: Component): void;
  on(event: "search", callback: (term: string, filters: Filters) => void): void;
  on(
    event: "filters",
    callback: (counts: { available: FilterCounts; total: FilterCounts }) => void,
  ): void;
  on(event: "results", callback: (response: SearchResponse) => void): void;
  triggerLoad(): void;
  triggerSearch(term: string): void;
  triggerFilters(filters: Filters): void;
}

interface Component {
  register(instance: Instance): void;
}

/** window.PagefindModularUI, set by pagefind-modular-ui.js. */
interface ModularUI {
  Instance: new (options: { bundlePath: string; baseUrl?: string }) => Instance;
  Input: new (options: { inputElement: string }) => Component;
}

declare global {
  interface Window {
    PagefindModularUI?: ModularUI;
  }
}

/** Results drawn at once and per "Show more results". */
const PAGE_SIZE = 10;
/** Sub-results (matching headings) shown under a result. */
const SUB_RESULTS = 3;
/** Order of the kind filter's values; others follow alphabetically. */
const KIND_ORDER = ["role", "team", "process", "policy", "onboarding", "page"];

/** Turns the header's search button and the layout's dialog into the handbook's search. */
export function enhanceSearch(button: HTMLButtonElement, dialog: HTMLDialogElement): void {
  const input = dialog.querySelector<HTMLInputElement>(".search-input");
  const list = dialog.querySelector<HTMLOListElement>(".search-results");
  const status = dialog.querySelector<HTMLElement>(".search-status");
  const more = dialog.querySelector<HTMLButtonElement>(".search-more");
  const filters = dialog.querySelector<HTMLElement>(".search-filters");
  if (!input || !list || !status || !more || !filters) return;
  const bundle = dialog.dataset.bundle ?? "/pagefind/";

  const key = button.querySelector("kbd");
  if (key && /Mac|iPhone|iPad|iPod/.test(navigator.platform)) key.textContent = "⌘ K";
  button.hidden = false;

  let returnTo: HTMLElement | undefined;
  let following = false;
  let ready: Promise<void> | undefined;
  const results = resultList(list, status, more);

  const start = () =>
    (ready ??= loadScript(`${bundle}pagefind-modular-ui.js`).then(
      () => {
        const ui = window.PagefindModularUI;
        if (!ui) throw new Error("pagefind-modular-ui.js did not define PagefindModularUI");
        // The index holds URLs with the path prefix already applied; by default Pagefind would prefix them again.
        const instance = new ui.Instance({ bundlePath: bundle, baseUrl: "/" });
        instance.add(new ui.Input({ inputElement: `#${input.id}` }));
        instance.add(results);
        instance.add(filterGroups(filters));
        instance.triggerLoad();
        // Text typed while Pagefind loaded takes the Input's pause like any typing, so a query still being typed
        // does not fetch an index chunk and results for its first letters.
        if (input.value.trim() !== "") input.dispatchEvent(new Event("input"));
      },
      () => {
        ready = undefined;
        status.textContent = "Search could not be loaded. Check your connection and try again.";
      },
    ));

  const open = () => {
    if (!dialog.open) {
      returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
      following = false;
      dialog.showModal();
    }
    input.focus();
    input.select();
    void start();
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

/** Loads a classic script by inserting a <script src> element (no inline code, so a strict CSP holds). */
function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.addEventListener("load", () => resolve());
    script.addEventListener("error", () => {
      script.remove();
      reject(new Error(`could not load ${src}`));
    });
    document.head.append(script);
  });
}

/** The result list: the first results with their data, more on request, and a status line saying what is shown. */
function resultList(
  list: HTMLOListElement,
  status: HTMLElement,
  more: HTMLButtonElement,
): Component & { showing(term: string): boolean } {
  let generation = 0;
  let term = "";
  let filters: Filters = {};
  let all: SearchResponse["results"] = [];
  let shown = 0;
  let settled = true;

  const draw = async (gen: number, fresh: boolean) => {
    const batch = all.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (gen !== generation) return;
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

  more.addEventListener("click", () => void draw(generation, false));
  return {
    register(instance) {
      instance.on("search", (t, f) => {
        term = t.trim();
        filters = { ...f };
        settled = false;
        list.setAttribute("aria-busy", "true");
      });
      instance.on("results", (response) => {
        all = term === "" ? [] : response.results;
        shown = 0;
        void draw(++generation, true);
      });
    },
    showing: (typed) => settled && typed.trim() === term && term !== "",
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
 * Filters with counts, one group per `[data-filter]` element; one value per group at a time. A group is a row of
 * buttons, or, with `data-control="select"` (tools and skills, which run to dozens of values), one drop-down list.
 */
function filterGroups(container: HTMLElement): Component {
  const groups = [...container.querySelectorAll<HTMLElement>("[data-filter]")];
  const selected = new Map<string, string>();
  let counts: { available: FilterCounts; total: FilterCounts } = { available: {}, total: {} };
  let term = "";

  const selection = (): Filters =>
    Object.fromEntries([...selected].map(([name, value]) => [name, [value]]));
  const draw = (instance: Instance, visible: boolean) => {
    container.hidden = !visible;
    for (const group of groups) {
      const name = group.dataset.filter ?? "";
      const chosen = selected.get(name);
      // A group with a choice shows what each of its values would give; the others what is left under the choices.
      const values = Object.entries((chosen ? counts.total : counts.available)[name] ?? {}).filter(
        ([value, count]) => count > 0 || value === chosen,
      );
      values.sort(([a], [b]) => orderOf(name, a) - orderOf(name, b) || a.localeCompare(b));
      if (group.dataset.control === "select") {
        drawSelect(group, name, chosen, values, (value) => {
          if (value === undefined) selected.delete(name);
          else selected.set(name, value);
          instance.triggerFilters(selection());
        });
        continue;
      }
      const focused = group.contains(document.activeElement)
        ? (document.activeElement as HTMLElement).dataset.value
        : undefined;
      const pill = (value: string | undefined, label: string, count?: number) => {
        const b = element("button", "search-pill", label);
        b.type = "button";
        b.dataset.value = value ?? "";
        b.setAttribute("aria-pressed", String(chosen === value));
        if (count !== undefined) b.append(element("span", "search-pill-count", String(count)));
        b.addEventListener("click", () => {
          if (value === undefined || chosen === value) selected.delete(name);
          else selected.set(name, value);
          instance.triggerFilters(selection());
        });
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
  return {
    register(instance) {
      // Pagefind loads the filters as it starts. A search that ran before they were in came back without counts,
      // so it runs again once they are.
      let loaded = false;
      let drawnWithoutCounts = false;
      instance.on("search", (t) => (term = t.trim()));
      instance.on("filters", (c) => {
        counts = c;
        if (!loaded && drawnWithoutCounts && term !== "") instance.triggerFilters(selection());
        loaded = true;
      });
      instance.on("results", (response) => {
        drawnWithoutCounts = !loaded;
        draw(instance, term !== "" && (response.unfilteredResultCount ?? 0) > 0);
      });
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
