/**
 * Lets keyboard users scroll what is wider than the page, wide tables (their wrapper) and long code lines: a box
 * that overflows becomes a focusable, named region, so arrow keys scroll it. Checked again when its size changes.
 */
export function enhanceScrollers(boxes: ReadonlyArray<{ element: HTMLElement; label: string }>): void {
  if (boxes.length === 0) return;
  const update = () => {
    for (const { element, label } of boxes) {
      if (element.scrollWidth > element.clientWidth + 1) {
        element.tabIndex = 0;
        element.setAttribute("role", "region");
        element.setAttribute("aria-label", label);
      } else {
        element.removeAttribute("tabindex");
        element.removeAttribute("role");
        element.removeAttribute("aria-label");
      }
    }
  };
  update();
  if ("ResizeObserver" in window) {
    const observer = new ResizeObserver(update);
    for (const { element } of boxes) observer.observe(element);
  }
}
