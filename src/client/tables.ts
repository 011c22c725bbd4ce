/**
 * Lets keyboard users scroll a table wider than the page: a wrapper that overflows becomes a focusable, named region
 * (arrow keys then scroll it). Checked again when the window is resized.
 */
export function enhanceTables(wrappers: readonly HTMLElement[]): void {
  if (wrappers.length === 0) return;
  const update = () => {
    for (const wrapper of wrappers) {
      if (wrapper.scrollWidth > wrapper.clientWidth + 1) {
        wrapper.tabIndex = 0;
        wrapper.setAttribute("role", "region");
        wrapper.setAttribute("aria-label", "Table, scrolls sideways");
      } else {
        wrapper.removeAttribute("tabindex");
        wrapper.removeAttribute("role");
        wrapper.removeAttribute("aria-label");
      }
    }
  };
  update();
  if ("ResizeObserver" in window) {
    const observer = new ResizeObserver(update);
    for (const wrapper of wrappers) observer.observe(wrapper);
  }
}
