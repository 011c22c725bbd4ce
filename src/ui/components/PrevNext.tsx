import type { PageLink } from "../../navigation/queries.ts";
import { Title } from "./Title.tsx";

/** Links to the previous and next pages in sidebar order. Contract: from neighboursOf(). */
export function PrevNext({ previous, next, href }: { previous?: PageLink; next?: PageLink; href: (url: string) => string }) {
  if (!previous && !next) return null;
  return (
    <nav class="prev-next" aria-label="Previous and next pages">
      {previous && (
        <a class="prev" href={href(previous.url)} rel="prev">
          <span class="prev-next-label">Previous</span>
          <span class="prev-next-title">
            <Title link={previous} />
          </span>
        </a>
      )}
      {next && (
        <a class="next" href={href(next.url)} rel="next">
          <span class="prev-next-label">Next</span>
          <span class="prev-next-title">
            <Title link={next} />
          </span>
        </a>
      )}
    </nav>
  );
}
