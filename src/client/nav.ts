import type { NavJsonEntry } from "../navigation/queries.ts";

/**
 * Lets the reader open any branch of the sidebar in place; its children come from /nav.json, fetched once.
 * The build marks branches without buttons (`li.is-open` open, `li[data-branch]` closed: _includes/components/Sidebar.tsx),
 * so the toggles are made here, where they work.
 */
export function enhanceSidebar(nav: HTMLElement): void {
  const src = nav.dataset.navSrc;
  let index: Promise<Map<string, NavJsonEntry>> | undefined;
  const load = () =>
    (index ??= fetch(src ?? "nav.json")
      .then((r) =>
        r.ok ? (r.json() as Promise<NavJsonEntry[]>) : Promise.reject(new Error(r.statusText)),
      )
      .then((entries) => {
        const byUrl = new Map<string, NavJsonEntry>();
        const add = (e: NavJsonEntry) => {
          byUrl.set(e.url, e);
          e.children.forEach(add);
        };
        entries.forEach(add);
        return byUrl;
      }));

  nav.addEventListener("click", async (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("button.nav-toggle");
    if (!button) return;
    const item = button.closest<HTMLLIElement>("li");
    if (!item) return;
    const open = button.getAttribute("aria-expanded") !== "true";
    if (open && !item.querySelector(":scope > ul")) {
      const link = item.querySelector<HTMLAnchorElement>(":scope > a");
      const entry = (await load().catch(() => undefined))?.get(link?.getAttribute("href") ?? "");
      if (!entry) {
        if (link) window.location.href = link.href;
        return;
      }
      item.append(renderList(entry.children));
    }
    button.setAttribute("aria-expanded", String(open));
    item.classList.toggle("is-open", open);
  });
  addToggles(nav);
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

function toggleFor(title: string, open: boolean): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "nav-toggle";
  button.setAttribute("aria-expanded", String(open));
  button.setAttribute("aria-label", `${title}: show or hide its pages`);
  return button;
}

function renderList(entries: NavJsonEntry[]): HTMLUListElement {
  const list = document.createElement("ul");
  list.className = "nav-list";
  for (const entry of entries) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = entry.url;
    link.textContent = entry.title;
    item.append(link);
    if (entry.children.length > 0) {
      item.append(toggleFor(entry.title, false));
    }
    list.append(item);
  }
  return list;
}
