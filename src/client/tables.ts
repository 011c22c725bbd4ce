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

/**
 * Shows that a code block holds more than its width: while its lines run on past the right edge, the block carries
 * `data-more="right"`, which the stylesheet draws as a fade at that edge; scrolled to the end, the fade goes.
 */
export function markOverflowingCode(blocks: Iterable<HTMLElement>): void {
  const pairs = [...blocks].flatMap((block) => {
    const pre = block.querySelector<HTMLElement>(":scope > pre");
    return pre ? [{ block, pre }] : [];
  });
  if (pairs.length === 0) return;
  const mark = ({ block, pre }: { block: HTMLElement; pre: HTMLElement }) => {
    const more = pre.scrollWidth - pre.clientWidth - pre.scrollLeft > 1;
    if (more) block.dataset.more = "right";
    else delete block.dataset.more;
  };
  for (const pair of pairs) {
    mark(pair);
    pair.pre.addEventListener("scroll", () => mark(pair), { passive: true });
  }
  if ("ResizeObserver" in window) {
    const observer = new ResizeObserver(() => pairs.forEach(mark));
    for (const { pre } of pairs) observer.observe(pre);
  }
}
