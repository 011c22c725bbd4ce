import { formatDay } from "../../site/page-meta.ts";
import type { OwnerView, ReviewView } from "../../view/review-view.ts";

/** An owner's name, linked to the team's page when there is one. */
export function OwnerName({ owner, href }: { owner: OwnerView; href: (url: string) => string }) {
  return owner.url ? <a href={href(owner.url)}>{owner.name}</a> : <>{owner.name}</>;
}

/**
 * Above the article of a page whose review is overdue: says so, since when, and who to ask. Contract: `review` from
 * the page view; renders nothing unless it is overdue. A note (role="note"), not an alert: it is there on load and
 * does not interrupt. Out of the search index, like everything outside the article.
 */
export function ReviewNotice({ review, href, lang }: { review: ReviewView | undefined; href: (url: string) => string; lang: string }) {
  if (!review?.overdue) return null;
  return (
    <div class="callout callout-yellow review-notice" role="note" aria-labelledby="review-notice-title">
      <p class="callout-title" id="review-notice-title">
        Review overdue
      </p>
      <p>
        This page was due for review on <time datetime={review.due}>{formatDay(review.due, lang)}</time> and may be out of
        date.
        {review.owner && (
          <>
            {" "}
            If something here looks wrong, ask its owner, <OwnerName owner={review.owner} href={href} />.
          </>
        )}
      </p>
    </div>
  );
}
