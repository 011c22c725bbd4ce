import type { NavJsonEntry } from "../shared/nav-json.ts";
import { showCurrent } from "./menu.ts";
import { NavState } from "./nav-state.ts";

/** /nav.json as the script uses it: the top level, and every entry by URL. */
interface NavIndex {
  roots: NavJsonEntry[];
  byUrl: Map<string, NavJsonEntry>;
}

/**
 * Lets the reader open any branch of the sidebar in place, and show the pages a long list leaves out ("N more");
 * both come from /nav.json, fetched once. The build marks branches without buttons (`li.is-open` open,
 * `li[data-branch]` closed, `li.nav-more` left-out pages: src/ui/components/Sidebar.tsx), so the buttons are made
 * here, where they work. The branches the reader opens or closes stay so on the next pages (src/client/nav-state.ts),
 * and the sidebar keeps its scroll position, with the current page in view.
 */
export function enhanceSidebar(nav: HTMLElement): void {
  const src = nav.dataset.navSrc;
  let index: Promise<NavIndex> | undefined;
  const load = () =>
    (index ??= fetch(src ?? "nav.json")
      .then((r) =>
        r.ok ? (r.json() as Promise<NavJsonEntry[]>) : Promise.reject(new Error(r.statusText)),
      )
      .then((roots) => {
        const byUrl = new Map<string, NavJsonEntry>();
        const stack = [...roots];
        for (let e = stack.pop(); e; e = stack.pop()) {
          byUrl.set(e.url, e);
          stack.push(...e.children);
        }
        return { roots, byUrl };
      }));
  const state = new NavState(src ?? "nav.json");

  nav.addEventListener("click", async (event) => {
    const target = event.target as Element;
    const more = target.closest<HTMLButtonElement>("button.nav-more-button");
    if (more) return showAll(more, load);
    const button = target.closest<HTMLButtonElement>("button.nav-toggle");
    const item = button?.closest<HTMLLIElement>("li");
    if (!button || !item) return;
    const open = button.getAttribute("aria-expanded") !== "true";
    const url = item.querySelector(":scope > a")?.getAttribute("href");
    if (url) state.remember(url, open);
    if (!(await setBranch(item, open, load))) {
      const link = item.querySelector<HTMLAnchorElement>(":scope > a");
      if (link) window.location.href = link.href;
    }
  });
  addToggles(nav);
  addMoreButtons(nav);
  const scroller = nav.closest<HTMLElement>(".sidebar") ?? nav;
  void restoreBranches(nav, state, load).then(() => {
    state.restoreScroll(scroller);
    showCurrent(scroller);
  });
  window.addEventListener("pagehide", () => state.saveScroll(scroller));
}

/**
 * Opens or closes a branch (filling a closed one from /nav.json the first time); false when it could not be filled.
 */
async function setBranch(item: HTMLLIElement, open: boolean, load: () => Promise<NavIndex>): Promise<boolean> {
  const button = item.querySelector<HTMLButtonElement>(":scope > button.nav-toggle");
  if (open && !item.querySelector(":scope > ul")) {
    const link = item.querySelector<HTMLAnchorElement>(":scope > a");
    const entry = (await load().catch(() => undefined))?.byUrl.get(link?.getAttribute("href") ?? "");
    if (!entry) return false;
    item.append(renderList(entry.children));
  }
  button?.setAttribute("aria-expanded", String(open));
  item.classList.toggle("is-open", open);
  return true;
}

/**
 * Opens the branches the reader opened on earlier pages (a branch inside one is there once that one is open, hence
 * the rounds), and closes those they closed, unless the current page is in it.
 */
async function restoreBranches(nav: HTMLElement, state: NavState, load: () => Promise<NavIndex>): Promise<void> {
  const remembered = state.branches();
  if (remembered.size === 0) return;
  for (let round = 0; round < 20; round++) {
    let changed = false;
    for (const item of nav.querySelectorAll<HTMLLIElement>(".nav-list > li")) {
      const url = item.querySelector(":scope > a")?.getAttribute("href");
      const open = url === undefined || url === null ? undefined : remembered.get(url);
      if (open === undefined || open === item.classList.contains("is-open")) continue;
      if (!open && item.querySelector('a[aria-current="page"]')) continue;
      if (!item.querySelector(":scope > button.nav-toggle")) continue;
      if (await setBranch(item, open, load)) changed = true;
    }
    if (!changed) return;
  }
}

/** Puts a toggle after the link of every branch under `root` that has none yet. */
function addToggles(root: ParentNode): void {
  root
    .querySelectorAll<HTMLLIElement>(".nav-list > li.is-open, .nav-list > li[data-branch]")
    .forEach((item) => {
      const link = item.querySelector<HTMLAnchorElement>(":scope > a");
      if (!link || item.querySelector(":scope > button")) return;
      link.after(toggleFor(link.textContent ?? "", item.classList.contains("is-open")));
    });
}

/** Turns each "N more pages" link (or text) into a button that shows those pages in place. */
function addMoreButtons(root: ParentNode): void {
  root.querySelectorAll<HTMLLIElement>(".nav-list > li.nav-more").forEach((item) => {
    const shown = item.firstElementChild;
    if (!shown || shown instanceof HTMLButtonElement) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "nav-more-button";
    button.textContent = `Show ${shown.textContent ?? ""}`;
    // Where to go if /nav.json cannot be loaded: the list of them all, as without the script.
    if (shown instanceof HTMLAnchorElement) button.dataset.href = shown.href;
    shown.replaceWith(button);
  });
}

/**
 * Shows every page of the list a "more" button is in, from /nav.json: the pages shown stay as they are (open
 * branches included), the others are added around them, and focus moves to the first page added where the button was.
 */
async function showAll(button: HTMLButtonElement, load: () => Promise<NavIndex>): Promise<void> {
  const list = button.closest<HTMLUListElement>("ul.nav-list");
  const owner = list?.parentElement?.closest<HTMLLIElement>(".nav-list > li");
  const nav = await load().catch(() => undefined);
  const ownerUrl = owner?.querySelector<HTMLAnchorElement>(":scope > a")?.getAttribute("href") ?? "";
  const entries = owner ? nav?.byUrl.get(ownerUrl)?.children : nav?.roots;
  if (!list || !entries) {
    if (button.dataset.href) window.location.href = button.dataset.href;
    return;
  }
  const before = list.firstElementChild === button.parentElement;
  const shown = new Map<string, HTMLLIElement>();
  for (const item of list.querySelectorAll<HTMLLIElement>(":scope > li:not(.nav-more)")) {
    const href = item.querySelector(":scope > a")?.getAttribute("href");
    if (href) shown.set(href, item);
  }
  const items: HTMLLIElement[] = [];
  let focus: HTMLAnchorElement | null = null;
  let seen = 0;
  for (const entry of entries) {
    const kept = shown.get(entry.url);
    if (kept) seen++;
    const item = kept ?? renderItem(entry);
    // The first page added above the shown ones (for the "more" before them), or below them (the one after).
    if (!kept && !focus && (before || seen === shown.size)) focus = item.querySelector("a");
    items.push(item);
  }
  list.replaceChildren(...items);
  focus?.focus();
}

function toggleFor(title: string, open: boolean): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "nav-toggle";
  button.setAttribute("aria-expanded", String(open));
  button.setAttribute("aria-label", `${title}: show or hide its pages`);
  return button;
}

function renderItem(entry: NavJsonEntry): HTMLLIElement {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = entry.url;
  link.textContent = entry.title;
  item.append(link);
  if (entry.children.length > 0) item.append(toggleFor(entry.title, false));
  return item;
}

function renderList(entries: NavJsonEntry[]): HTMLUListElement {
  const list = document.createElement("ul");
  list.className = "nav-list";
  list.append(...entries.map(renderItem));
  return list;
}
