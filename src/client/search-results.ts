// The search dialog's results: a listbox the field controls (the combobox pattern), one option per page and one per
// matching heading under it, drawn with the DOM so every text is escaped. The first option is chosen when results
// arrive; ArrowDown/ArrowUp move the choice and Enter follows it, while focus stays in the field.
import type { Filters, Found, ResultData } from "./search-engine.ts";
import { focusOnFirstMark, matchesQuery, tidyMarks, type Segment } from "./search-excerpt.ts";

/** Results drawn at once and per "Show more results". */
const PAGE_SIZE = 10;
/** Sub-results (matching headings) shown under a result. */
const SUB_RESULTS = 3;

/** The parts of the dialog the result list draws into. */
export interface ResultParts {
  /** The field: role=combobox, aria-activedescendant names the chosen option. */
  input: HTMLInputElement;
  list: HTMLOListElement;
  status: HTMLElement;
  more: HTMLButtonElement;
  /** Shown, with what to try, when nothing matched. */
  empty: HTMLElement;
}

/**
 * The result list: the first results with their data, more on request, and a status line saying what is shown.
 * Longer than 80 lines: one closure over the state it keeps, each inner function short; split, they would pass that state around.
 */
export function resultList({ input, list, status, more, empty }: ResultParts) {
  let term = "";
  let all: Found[] = [];
  let shown = 0;
  let settled = true;
  let current = () => true;
  let shownFilters: Filters = {};
  let drawn = 0;

  // A listbox only with the script, which makes the field its combobox (the markup alone is a plain list).
  list.setAttribute("role", "listbox");
  const options = () => [...list.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
  const active = () => options().find((o) => o.getAttribute("aria-selected") === "true");
  const choose = (option: HTMLAnchorElement | undefined) => {
    for (const o of options()) o.setAttribute("aria-selected", String(o === option));
    if (option) {
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  };
  const showEmpty = (nothing: boolean) => {
    empty.hidden = !nothing;
    const echo = empty.querySelector(".search-empty-term");
    if (echo) echo.textContent = nothing ? term : "";
  };

  /** Draws the next results; resolves to whether any result matched what was typed. */
  const draw = async (fresh: boolean, filters: Filters): Promise<boolean> => {
    const still = current;
    const batch = all.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (!still()) return false;
    // Pagefind falls back to words that only start like the query: when none of the first results matches, nothing did.
    const nothing = fresh && !data.some((d) => matchesQuery(term, marksOf(d)));
    if (nothing) all = [];
    const items = nothing ? [] : data.map((d) => renderResult(d, () => drawn++));
    if (fresh) list.replaceChildren(...items);
    else list.append(...items);
    shown += nothing ? 0 : batch.length;
    more.hidden = shown >= all.length;
    settled = true;
    list.setAttribute("aria-busy", "false");
    const any = options().length > 0;
    // An empty listbox is no list at all to assistive technology.
    list.hidden = !any;
    input.setAttribute("aria-expanded", String(any));
    status.textContent = describe(term, filters, all.length);
    showEmpty(nothing || all.length === 0);
    // Fresh results start with the first chosen; more results move the choice to the first of them.
    if (fresh) choose(options()[0]);
    else choose(items[0]?.querySelector<HTMLAnchorElement>('[role="option"]') ?? active());
    return !nothing;
  };

  // The button hides once all are shown: the field takes focus back, and the arrow keys go on from the new results.
  more.addEventListener("click", () => void draw(false, shownFilters).then(() => input.focus()));
  list.addEventListener("mousemove", (event) => {
    const option = (event.target as Element).closest<HTMLAnchorElement>('[role="option"]');
    if (option && option.getAttribute("aria-selected") !== "true") choose(option);
  });
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
      list.hidden = true;
      more.hidden = true;
      status.textContent = "";
      settled = true;
      list.setAttribute("aria-busy", "false");
      input.setAttribute("aria-expanded", "false");
      choose(undefined);
      showEmpty(false);
    },
    /**
     * Draws the first results of a search; `isCurrent` says whether a newer search has started since. Resolves to
     * whether anything matched.
     */
    show(t: string, filters: Filters, found: Found[], isCurrent: () => boolean): Promise<boolean> {
      term = t;
      all = found;
      shown = 0;
      shownFilters = filters;
      current = isCurrent;
      return draw(true, filters);
    },
    /** True when the list shows all it will for what the field holds. */
    showing: (typed: string) => settled && typed.trim() === term && term !== "",
    /** True when the list shows all it will for `t` under `filters`. */
    holds: (t: string, filters: Filters) => settled && t === term && JSON.stringify(filters) === JSON.stringify(shownFilters),
    /** The same results from another Pagefind instance: "Show more results" goes on from them; nothing is redrawn. */
    adopt(found: Found[], isCurrent: () => boolean) {
      all = found;
      current = isCurrent;
    },
    /** Moves the choice to the next (1) or previous (-1) option, stopping at either end. */
    move(step: 1 | -1) {
      const list = options();
      const at = list.indexOf(active()!);
      choose(list[Math.min(list.length - 1, Math.max(0, at + step))]);
    },
    /** The chosen option, which Enter follows. */
    chosen: () => active(),
  };
}

/** Says what the list shows, e.g. `4 results for “pytorch” in Dev Team`; empty before anything is typed. */
function describe(term: string, filters: Filters, count: number): string {
  if (term === "") return "";
  const within = Object.values(filters).flat();
  const scope = within.length > 0 ? ` in ${within.join(", ")}` : "";
  return `${count === 0 ? "No" : count} result${count === 1 ? "" : "s"} for “${term}”${scope}`;
}

/** The words Pagefind highlighted in a result and its sections (as text: the excerpts are HTML), and its title's words. */
function marksOf(data: ResultData): string[] {
  const excerpts = [data.excerpt, ...(data.sub_results ?? []).map((s) => s.excerpt)];
  const parsed = document.createElement("template");
  const marks = excerpts.flatMap((html) => {
    parsed.innerHTML = html;
    return [...parsed.content.querySelectorAll("mark")].map((mark) => mark.textContent ?? "");
  });
  return [...marks, ...(data.meta.title ?? "").split(/\s+/)];
}

/** A label for a kind of page: "role" → "Role". */
function kindLabel(kind: string): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

/**
 * One result: what it is and where (its kind, its path and its team), its title and excerpt in one option, then an
 * option per matching heading. `nextId` numbers the options of the dialog.
 */
function renderResult(data: ResultData, nextId: () => number): HTMLLIElement {
  const item = element("li", "search-result");
  item.setAttribute("role", "none");
  const option = optionFor(data.url, `search-option-${nextId()}`, "search-result-link");
  const title = element("span", "search-result-title", data.meta.title ?? data.url);
  const about = element("span", "search-result-about");
  const kind = data.filters?.kind?.[0];
  const team = data.filters?.team?.[0];
  const path = data.meta.path ?? "";
  if (kind) about.append(element("span", "search-result-kind", kindLabel(kind)));
  if (path) about.append(element("span", "search-result-path", path));
  if (team && !path.split(" › ").includes(team)) about.append(element("span", "search-result-team", team));
  // The option's name is its text, title first: the stylesheet shows what it is and where above the title.
  option.append(title, about, excerpt(data.excerpt));
  item.append(option);
  // Sections under h2–h6; the h1 section is the page itself, already the result.
  const headings = (data.sub_results ?? [])
    .filter((s) => s.anchor && s.anchor.element !== "h1" && s.url !== data.url)
    .slice(0, SUB_RESULTS);
  if (headings.length > 0) {
    const subs = element("ul", "search-subresults");
    subs.setAttribute("role", "group");
    subs.setAttribute("aria-label", `Sections of ${data.meta.title ?? data.url}`);
    for (const sub of headings) {
      const entry = element("li", "search-subresult");
      entry.setAttribute("role", "none");
      const link = optionFor(sub.url, `search-option-${nextId()}`, "search-subresult-link");
      link.append(element("span", "search-subresult-title", sub.title), excerpt(sub.excerpt));
      entry.append(link);
      subs.append(entry);
    }
    item.append(subs);
  }
  return item;
}

/** A result's link as an option of the listbox: out of the Tab order, as the field's arrow keys choose it. */
function optionFor(url: string, id: string, className: string): HTMLAnchorElement {
  const option = element("a", className);
  option.href = url;
  option.id = id;
  option.tabIndex = -1;
  option.setAttribute("role", "option");
  option.setAttribute("aria-selected", "false");
  return option;
}

/**
 * Pagefind's excerpt as text with its <mark>s, anything else in it kept as text only; the highlights without their
 * punctuation, and cut so the first one is on the first line.
 */
function excerpt(html: string): HTMLSpanElement {
  const parsed = document.createElement("template");
  parsed.innerHTML = html;
  const segments: Segment[] = [...parsed.content.childNodes].map((node) => ({ text: node.textContent ?? "", mark: node.nodeName === "MARK" }));
  const paragraph = element("span", "search-result-excerpt");
  for (const { text, mark } of focusOnFirstMark(tidyMarks(segments))) paragraph.append(mark ? element("mark", undefined, text) : text);
  return paragraph;
}

/** A new element with a class and text. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
