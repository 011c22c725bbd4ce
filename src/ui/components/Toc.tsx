import type { TocItem } from "../../markdown/toc.ts";

/**
 * The page's table of contents, h2 and h3. Contract: `items` from outlineOf() (text is plain and escaped here);
 * the layout shows it only for pages with two or more headings. `placement` "aside" sits beside the content on wide
 * screens; "inline" is the same list folded into a <details> above the content on narrow ones. CSS shows one of
 * the two; src/client/toc.ts marks the section being read in both. The two landmarks have different names, as
 * landmarks must (html-validate's unique-landmark), though only one is ever shown. Sections named by single letters
 * (a glossary's A–Z) are one row of letters, not a column.
 */
export function Toc({ items, placement }: { items: TocItem[]; placement: "aside" | "inline" }) {
  if (placement === "aside") {
    return (
      <nav class="toc toc-aside" aria-labelledby="toc-title" data-toc>
        <p id="toc-title" class="toc-title">
          On this page
        </p>
        <TocList items={items} />
      </nav>
    );
  }
  return (
    <nav class="toc toc-inline" aria-label="Page contents" data-toc>
      <details class="toc-details">
        <summary class="toc-summary">On this page</summary>
        <TocList items={items} />
      </details>
    </nav>
  );
}

/** A list of sections named by single letters (a glossary's A–Z): shown as one row rather than a letter a line. */
function isLetters(items: TocItem[]): boolean {
  return items.length > 1 && items.every((item) => [...item.text.trim()].length === 1 && item.children.length === 0);
}

function TocList({ items }: { items: TocItem[] }) {
  return (
    <ol class={isLetters(items) ? "toc-list toc-letters" : "toc-list"}>
      {items.map((item) => (
        <li>
          <a class="toc-link" href={`#${item.id}`}>
            {item.text}
          </a>
          {item.children.length > 0 && <TocList items={item.children} />}
        </li>
      ))}
    </ol>
  );
}
