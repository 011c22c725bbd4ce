import type { PageLink } from "../../navigation/queries.ts";
import { Title } from "./Title.tsx";

/** The list of a parent page's children with their summaries. Contract: `items` from childrenOf(). */
export function ChildList({ items, href }: { items: Array<PageLink & { summary?: string }>; href: (url: string) => string }) {
  if (items.length === 0) return null;
  return (
    <section class="child-pages" aria-labelledby="child-pages-title">
      <h2 id="child-pages-title">In this section</h2>
      <ul>
        {items.map((child) => (
          <li>
            <a href={href(child.url)}>
              <Title link={child} />
            </a>
            {child.summary && <span class="child-summary">{child.summary}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
