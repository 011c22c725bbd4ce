// The search dialog's filters: the "Filters" button under the field and the panel it opens, one group per filter.
import type { FilterCounts, Filters, SearchResponse } from "./search-engine.ts";
import { element } from "./search-results.ts";

/** Order of the kind filter's values; others follow alphabetically. */
const KIND_ORDER = ["role", "team", "tool", "skill", "process", "policy", "onboarding", "page"];

/**
 * The "Filters" button and the panel it opens: one group per `[data-filter]` element, one value per group at a time,
 * each value with the number of results it gives. A group is a row of buttons, or, with `data-control="select"`
 * (tools and skills, which run to dozens of values), one drop-down list. The button shows while a search has results
 * (or a filter is chosen). The filter files load the first time the panel opens; `changed` then searches again, and
 * from then on every search carries the counts.
 * Longer than 80 lines: one closure over the state it keeps, each inner function short; split, they would pass that state around.
 */
export function filterPanel(panel: HTMLElement, toggle: HTMLButtonElement, changed: (countsOnly: boolean) => void) {
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
    /** Takes a search's counts; the button shows when the term matched something or a filter is chosen. */
    update(response: SearchResponse, matched = true) {
      // Before the filter files are in, a search has counts only for the filters it used.
      if (state === "loaded") counts = { available: response.filters, total: response.totalFilters };
      visible = (matched && response.unfilteredResultCount > 0) || selected.size > 0;
      draw();
    },
    /** Whether any filter is chosen. */
    any: () => selected.size > 0,
    /** Clears every chosen filter, and searches again. */
    clear() {
      selected.clear();
      label();
      changed(false);
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
