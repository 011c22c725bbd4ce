import type { NavJsonEntry } from "../navigation/queries.ts";

/** Lets the reader open any branch of the sidebar in place; its children come from /nav.json, fetched once. */
export function enhanceSidebar(nav: HTMLElement): void {
  const src = nav.dataset.navSrc;
  let index: Promise<Map<string, NavJsonEntry>> | undefined;
  const load = () =>
    (index ??= fetch(src ?? "nav.json")
      .then((r) => (r.ok ? (r.json() as Promise<NavJsonEntry[]>) : Promise.reject(new Error(r.statusText))))
      .then((entries) => {
        const byUrl = new Map<string, NavJsonEntry>();
        const add = (e: NavJsonEntry) => {
          byUrl.set(e.url, e);
          e.children.forEach(add);
        };
        entries.forEach(add);
        return byUrl;
      }));

  const reveal = (root: ParentNode) => {
    root.querySelectorAll<HTMLButtonElement>("button.nav-toggle[hidden]").forEach((b) => (b.hidden = false));
  };

  nav.addEventListener("click", async (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("button.nav-toggle");
    if (!button) return;
    const item = button.closest<HTMLLIElement>("li.nav-item");
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
      reveal(item);
    }
    button.setAttribute("aria-expanded", String(open));
    item.classList.toggle("is-open", open);
  });
  reveal(nav);
}

function renderList(entries: NavJsonEntry[]): HTMLUListElement {
  const list = document.createElement("ul");
  list.className = "nav-list";
  for (const entry of entries) {
    const item = document.createElement("li");
    item.className = "nav-item";
    const link = document.createElement("a");
    link.className = "nav-link";
    link.href = entry.url;
    link.textContent = entry.title;
    item.append(link);
    if (entry.children.length > 0) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "nav-toggle";
      button.setAttribute("aria-expanded", "false");
      button.setAttribute("aria-label", `${entry.title}: show or hide its pages`);
      button.hidden = true;
      item.append(button);
    }
    list.append(item);
  }
  return list;
}
