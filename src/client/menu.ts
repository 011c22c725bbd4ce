/** The media query under which the sidebar is a drawer (the stylesheet's narrow-screen breakpoint). */
const NARROW = "(max-width: 50rem)";

/** What the page holds besides the drawer: made inert while the drawer is open, so it takes no tap, click or Tab. */
const OUTSIDE = ".skip-link, .site-header, .main, .toc-aside, .site-footer";

/**
 * The narrow-screen menu: a drawer over the page. Without JavaScript the menu button is a link to #site-nav, which
 * the stylesheet opens through :target, and the drawer's close link and the backdrop lead away from it; with it, the
 * three become buttons, the page under the drawer is inert, Escape closes it, and focus goes into the drawer and
 * back to the menu button. The drawer scrolls on its own, with the current page in view.
 */
export function enhanceMenu(toggle: HTMLAnchorElement): void {
  const sidebar = document.querySelector<HTMLElement>(".sidebar");
  const close = document.querySelector<HTMLAnchorElement>("a.menu-close");
  const backdrop = document.querySelector<HTMLAnchorElement>("a.menu-backdrop");
  if (!sidebar) return;
  const narrow = window.matchMedia(NARROW);
  asButton(toggle);
  toggle.setAttribute("aria-expanded", "false");
  if (close) asButton(close);

  const isOpen = () => document.body.classList.contains("nav-open");
  const set = (open: boolean, returnFocus = true) => {
    if (open === isOpen()) return;
    document.body.classList.toggle("nav-open", open);
    toggle.setAttribute("aria-expanded", String(open));
    for (const part of document.querySelectorAll<HTMLElement>(OUTSIDE)) part.inert = open;
    if (open) {
      showCurrent(sidebar);
      (close ?? sidebar.querySelector<HTMLElement>("a, button"))?.focus();
      return;
    }
    // Opened by the link before the script ran (#site-nav:target): leave that target, as the links do without it.
    if (sidebar.querySelector("#site-nav:target")) window.location.replace("#menu-closed");
    if (returnFocus) toggle.focus();
  };
  if (narrow.matches && sidebar.querySelector("#site-nav:target")) set(true);

  toggle.addEventListener("click", (event) => {
    event.preventDefault();
    set(!isOpen());
  });
  close?.addEventListener("click", (event) => {
    event.preventDefault();
    set(false);
  });
  backdrop?.addEventListener("click", (event) => {
    event.preventDefault();
    set(false);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && isOpen()) set(false);
  });
  // Following a link to this very page (or a heading on it) leaves the drawer open otherwise.
  sidebar.addEventListener("click", (event) => {
    if ((event.target as Element).closest("a[href]") && isOpen()) set(false, false);
  });
  // Turned wide (a rotated tablet), the sidebar is beside the page again: nothing may stay inert.
  narrow.addEventListener("change", () => {
    if (!narrow.matches) set(false, false);
  });
}

/** A link that acts as a button: its role, and Space to press it as Enter does. */
function asButton(link: HTMLAnchorElement): void {
  link.setAttribute("role", "button");
  link.addEventListener("keydown", (event) => {
    if (event.key === " ") {
      event.preventDefault();
      link.click();
    }
  });
}

/**
 * Scrolls the sidebar (and only the sidebar) so the current page's link is in view, a third of the way down, when it
 * is not already; nothing happens while the sidebar is not shown.
 */
export function showCurrent(sidebar: HTMLElement): void {
  const current = sidebar.querySelector<HTMLElement>('a[aria-current="page"]');
  if (!current || sidebar.clientHeight === 0) return;
  const box = sidebar.getBoundingClientRect();
  const link = current.getBoundingClientRect();
  if (link.top >= box.top && link.bottom <= box.bottom) return;
  sidebar.scrollTop += link.top - box.top - sidebar.clientHeight / 3;
}
