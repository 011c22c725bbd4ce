/**
 * Marks the section being read in the on-page tables of contents (aria-current="true" on its links), as the reader
 * scrolls. The current section is the last heading above a line a third of the way down the viewport; an
 * IntersectionObserver watching that band says when to look again, so nothing runs on every scroll event. Once the
 * end of the page is in view, the last heading in view is current, as short last sections never reach the line.
 * An enhancement: without it the contents are plain links.
 */
export function enhanceToc(tocs: readonly HTMLElement[]): void {
  if (tocs.length === 0 || !("IntersectionObserver" in window)) return;
  const links = tocs.flatMap((toc) => [...toc.querySelectorAll<HTMLAnchorElement>("a.toc-link")]);
  const ids = [...new Set(links.map((a) => decodeURIComponent(a.hash.slice(1))))];
  const headings = ids.map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);
  if (headings.length === 0) return;

  const end = document.querySelector<HTMLElement>(".site-footer");
  let current: string | undefined;
  const mark = () => {
    const line = window.innerHeight / 3;
    let active: HTMLElement | undefined;
    for (const heading of headings) {
      if (heading.getBoundingClientRect().top <= line) active = heading;
      else break;
    }
    // At the end of the page the last sections may never reach the line: the last one in view is current.
    if (end && end.getBoundingClientRect().top <= window.innerHeight) {
      for (const heading of headings) if (heading.getBoundingClientRect().top < window.innerHeight) active = heading;
    }
    const id = active?.id;
    if (id === current) return;
    current = id;
    for (const link of links) {
      if (id !== undefined && decodeURIComponent(link.hash.slice(1)) === id) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    }
  };

  // Headings crossing the line at a third of the viewport (either way) change the current section.
  const observer = new IntersectionObserver(mark, { rootMargin: "0px 0px -66% 0px" });
  for (const heading of headings) observer.observe(heading);
  if (end) new IntersectionObserver(mark).observe(end);
  mark();

  // On narrow screens the contents fold away once the reader has picked a section.
  for (const toc of tocs) {
    const details = toc.querySelector("details");
    if (!details) continue;
    toc.addEventListener("click", (event) => {
      if ((event.target as Element).closest("a")) details.open = false;
    });
  }
}
