/**
 * The narrow-screen menu button. Without JavaScript it is a link to #site-nav, which CSS shows through :target;
 * with it, it becomes a real toggle button.
 */
export function enhanceMenu(toggle: HTMLAnchorElement): void {
  toggle.setAttribute("role", "button");
  toggle.setAttribute("aria-expanded", "false");
  const set = (open: boolean) => {
    document.body.classList.toggle("nav-open", open);
    toggle.setAttribute("aria-expanded", String(open));
  };
  toggle.addEventListener("click", (event) => {
    event.preventDefault();
    set(!document.body.classList.contains("nav-open"));
  });
  toggle.addEventListener("keydown", (event) => {
    if (event.key === " ") {
      event.preventDefault();
      toggle.click();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && document.body.classList.contains("nav-open")) {
      set(false);
      toggle.focus();
    }
  });
}
