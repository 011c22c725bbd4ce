import { renderToString } from "preact-render-to-string";
import { daysBetween } from "../../content/review.ts";
import { REVIEW_PAGE } from "../../site/review-page.ts";
import { formatDay } from "../../site/page-meta.ts";
import type { ReviewedPageView, ReviewStatusView } from "../../view/review-view.ts";

/** Days before its due day a page is "due soon". */
export const DUE_SOON_DAYS = 30;

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The Review status page: every tracked page by owner, with its last review and due day; owners with overdue pages
 * first, and in each owner's table the overdue pages first. Contract: `status` from the page view of the page at
 * REVIEW_PAGE.url; the result is the page's content, which the layout wraps like rendered Markdown. Every text (titles
 * and owners come from content) is escaped by the JSX renderer.
 */
export function renderReviewStatus(status: ReviewStatusView, href: (url: string) => string, lang: string): string {
  const day = (iso: string) => <time datetime={iso}>{formatDay(iso, lang)}</time>;
  return renderToString(
    <>
      <h1>{REVIEW_PAGE.title}</h1>
      <p class="generated-lead">
        {count(status.pages, "page")} with an owner or a review date. On {day(status.today)},{" "}
        {status.overdue === 0 ? "none of them is" : status.overdue === 1 ? "1 of them is" : `${status.overdue} of them are`} overdue for review.
      </p>
      <ul class="directory-jump review-jump" aria-label="Owners">
        {status.groups.map((g) => (
          <li>
            <a href={`#${g.anchor}`}>{g.owner?.name ?? "No owner"}</a> <span class="review-count">({g.overdue > 0 ? `${g.overdue} overdue` : count(g.pages.length, "page")})</span>
          </li>
        ))}
      </ul>
      {status.groups.map((g) => (
        <section class="review-owner" aria-labelledby={g.anchor}>
          <h2 id={g.anchor}>{g.owner?.name ?? "No owner"}</h2>
          <p class="review-owner-note">
            {count(g.pages.length, "page")}, {g.overdue} overdue.
            {g.owner?.handle && g.owner.handle !== g.owner.name && <> Reviewers on GitHub: <code>{g.owner.handle}</code>.</>}
            {g.owner?.url && (
              <>
                {" "}
                <a href={href(g.owner.url)}>The team's page</a>.
              </>
            )}
          </p>
          {/* Its own scroll region, named by the caption, as the team pages' table: one page holds several. */}
          <section class="review-scroll" aria-labelledby={`${g.anchor}-caption`} tabindex={0}>
            <table class="review-table">
              <caption id={`${g.anchor}-caption`} class="visually-hidden">
                Pages owned by {g.owner?.name ?? "nobody"}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Page</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last reviewed</th>
                  <th scope="col">Due</th>
                </tr>
              </thead>
              <tbody>
                {g.pages.map((p) => (
                  <tr class={p.overdue ? "review-overdue" : undefined}>
                    <th scope="row">
                      <a href={href(p.url)}>{p.title}</a>
                    </th>
                    <td>{statusOf(p, status.today)}</td>
                    <td>{p.lastReviewed ? day(p.lastReviewed) : <>never (updated {day(p.since)})</>}</td>
                    <td>{day(p.due)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </section>
      ))}
      <p class="generated-note">
        A page is due for review every <code>review_every</code> (its own, a page's above it, else the site's), counted from its{" "}
        <code>last_reviewed</code>, or from when it last changed. Its owner is its <code>owner</code>, else the nearest page's
        above it.
      </p>
    </>,
  );
}

/** A page's status: overdue, due within DUE_SOON_DAYS, or up to date. */
function statusOf(page: ReviewedPageView, today: string) {
  if (page.overdue) return <strong class="review-status-overdue">Overdue</strong>;
  const left = daysBetween(today, page.due);
  return left <= DUE_SOON_DAYS ? `Due in ${count(left, "day")}` : "Up to date";
}
