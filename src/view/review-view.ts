// What pages show of ownership and review dates: the line under every tracked page, and the Review status page's
// listing. Plain data, so the dev server sees it change when an owner or a review date does (src/eleventy/watch.ts).
import type { HandbookPage } from "../navigation/tree.ts";
import type { SiteModel } from "../site/model.ts";
import { ownerAnchor, REVIEW_PAGE } from "../site/review-page.ts";
import { reviewIndexOf, type PageReview } from "../site/review.ts";

/** An owner as a page names it: the team (linked to its page when there is one) or the handle. */
export interface OwnerView {
  name: string;
  /** The team page's URL. */
  url: string | undefined;
  /** The GitHub handle, when known. */
  handle: string | undefined;
}

/** The review line of one page. */
export interface ReviewView {
  owner: OwnerView | undefined;
  /** The page's `last_reviewed`, `YYYY-MM-DD`; undefined when it has never been reviewed. */
  lastReviewed: string | undefined;
  /** The day the next review is due. */
  due: string;
  /** Whether it is overdue on the day the site was built. */
  overdue: boolean;
}

/** A page in the Review status listing. */
export interface ReviewedPageView extends ReviewView {
  title: string;
  url: string;
  /** The "Last updated" day the due day is counted from when the page has never been reviewed. */
  since: string;
  /** How often it is reviewed ("6 months"). */
  every: string;
}

/** The Review status page: the tracked pages by owner, overdue first. */
export interface ReviewStatusView {
  /** The day it was made for. */
  today: string;
  pages: number;
  overdue: number;
  groups: Array<{ owner: OwnerView | undefined; anchor: string; overdue: number; pages: ReviewedPageView[] }>;
}

function ownerView(review: PageReview): OwnerView | undefined {
  const owner = review.owner;
  return owner && { name: owner.name, url: owner.url, handle: owner.handle };
}

/** A page's review line; undefined for a page the handbook does not track (generated, or neither owned nor reviewed). */
export function reviewViewOf(model: SiteModel, page: HandbookPage): ReviewView | undefined {
  const review = reviewIndexOf(model).of(page);
  return review && { owner: ownerView(review), lastReviewed: review.lastReviewed, due: review.due, overdue: review.overdue };
}

/** The listing of the Review status page; undefined on every other page. */
export function reviewStatusOf(model: SiteModel, page: HandbookPage): ReviewStatusView | undefined {
  if (!page.source.generated || page.url !== REVIEW_PAGE.url) return undefined;
  const index = reviewIndexOf(model);
  const groups = index.byOwner.map((group) => ({
    owner: group.owner && { name: group.owner.name, url: group.owner.url, handle: group.owner.handle },
    anchor: ownerAnchor(group.owner),
    overdue: group.overdue,
    pages: group.reviews.map((r) => ({
      title: r.page.kind === "nav" ? r.page.title : r.page.source.relPath,
      url: r.page.url,
      owner: ownerView(r),
      lastReviewed: r.lastReviewed,
      since: r.since,
      every: r.every,
      due: r.due,
      overdue: r.overdue,
    })),
  }));
  return {
    today: index.today,
    pages: groups.reduce((n, g) => n + g.pages.length, 0),
    overdue: groups.reduce((n, g) => n + g.overdue, 0),
    groups,
  };
}
