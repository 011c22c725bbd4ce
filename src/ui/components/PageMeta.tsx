import type { LastUpdated } from "../../site/page-meta.ts";
import { formatDay } from "../../site/page-meta.ts";
import type { ReviewView } from "../../view/review-view.ts";
import { OwnerName } from "./ReviewNotice.tsx";

/**
 * Under the article: when the page last changed, who owns it and when it was last reviewed, and "Edit this page" into
 * the repository. Contract: `lastUpdated` from lastUpdated(); `review` from the page view, undefined for a page the
 * handbook does not track; `editUrl` from editUrlOf(), undefined (no link) when the site names no repository. Shows
 * nothing when given none of them.
 */
export function PageMeta({ lastUpdated, review, editUrl, href = (url) => url, lang }: { lastUpdated?: LastUpdated; review?: ReviewView | undefined; editUrl?: string; href?: (url: string) => string; lang: string }) {
  if (!lastUpdated && !editUrl && !review) return null;
  return (
    <footer class="page-meta">
      {lastUpdated && (
        <p class="page-updated">
          Last updated <time datetime={lastUpdated.iso}>{formatDay(lastUpdated.iso, lang)}</time>
        </p>
      )}
      {review && (review.owner || review.lastReviewed) && (
        <p class="page-owner">
          {review.owner && (
            <>
              Owned by <OwnerName owner={review.owner} href={href} />
            </>
          )}
          {review.owner && review.lastReviewed && " · "}
          {review.lastReviewed && (
            <>
              {review.owner ? "reviewed" : "Reviewed"} <time datetime={review.lastReviewed}>{formatDay(review.lastReviewed, lang)}</time>
            </>
          )}
        </p>
      )}
      {editUrl && (
        <p class="page-edit">
          <a href={editUrl}>Edit this page</a>
        </p>
      )}
    </footer>
  );
}
