// Review dates across the handbook: when each page is due for review, which are overdue, and the checker's lines
// about them. A page is reviewed every `review_every` (its own, an ancestor's, else the site's `reviewEvery`), counted
// from its `last_reviewed`, or from when it last changed when it has never been reviewed. The handbook tracks the
// pages that have an owner or say anything about review; generated pages are never tracked.
import { compareStrings, diagnose, type Diagnostic } from "../shared/diagnostics.ts";
import type { SourcePage } from "../content/page.ts";
import { addPeriod, formatPeriod, parsePeriod, type Period } from "../content/review.ts";
import type { Ownership, PageOwner } from "../navigation/owners.ts";
import type { HandbookPage, NavTree } from "../navigation/tree.ts";
import { formatDay, lastUpdated } from "./page-meta.ts";
import type { SiteModel } from "./model.ts";

/** One tracked page's review. */
export interface PageReview {
  page: HandbookPage;
  /** Its owner, own or inherited; undefined when no page above it names one. */
  owner: PageOwner | undefined;
  /** Its own `last_reviewed`, `YYYY-MM-DD`. */
  lastReviewed: string | undefined;
  /** The day the period is counted from: `last_reviewed`, else the page's "Last updated" day. */
  since: string;
  /** How often it is reviewed, as it reads after "every": "6 months", "year". */
  every: string;
  /** The day the next review is due. */
  due: string;
  /** Whether the due day has passed. */
  overdue: boolean;
}

/** The pages of one owner, overdue first (the longest overdue first), then by due day. */
export interface OwnerReviews {
  /** The owner; undefined for the pages nobody owns. */
  owner: PageOwner | undefined;
  reviews: PageReview[];
  overdue: number;
}

/** Every tracked page's review as of one day. */
export interface ReviewIndex {
  /** The day the index is for, `YYYY-MM-DD`. */
  today: string;
  /** Every tracked page, by owner: owners with overdue pages first (most first), then A–Z; nobody's pages last. */
  byOwner: OwnerReviews[];
  /** A page's review; undefined for a page the handbook does not track. */
  of(page: HandbookPage): PageReview | undefined;
}

/** Whether the handbook tracks a page's review: written (not generated), and owned or with a review key of its own. */
function tracked(page: HandbookPage, ownership: Ownership): boolean {
  if (page.source.generated) return false;
  const meta = page.source.meta;
  return ownership.ownerOf(page) !== undefined || meta.last_reviewed !== undefined || meta.review_every !== undefined;
}

const indexes = new WeakMap<SiteModel, ReviewIndex>();

/** The model's review index, computed once per model: as of the model's day. */
export function reviewIndexOf(model: SiteModel): ReviewIndex {
  let index = indexes.get(model);
  if (!index) {
    index = reviewIndex(model.tree, model.ownership, model.settings.reviewEvery, model.today, (source) => lastUpdated(model, source).iso);
    indexes.set(model, index);
  }
  return index;
}

/** Every tracked page's review as of `today`; `updated` gives a page's "Last updated" day. */
export function reviewIndex(
  tree: NavTree,
  ownership: Ownership,
  siteEvery: string,
  today: string,
  updated: (source: SourcePage) => string,
): ReviewIndex {
  const reviews = new Map<HandbookPage, PageReview>();
  const fallback = parsePeriod(siteEvery) ?? { count: 6, unit: "month" };
  for (const page of tree.pages) {
    if (!tracked(page, ownership)) continue;
    const written = ownership.reviewEveryOf(page)?.value;
    const period: Period = (written !== undefined ? parsePeriod(written) : undefined) ?? fallback;
    const lastReviewed = page.source.meta.last_reviewed;
    const since = lastReviewed ?? updated(page.source);
    const due = addPeriod(since, period);
    reviews.set(page, { page, owner: ownership.ownerOf(page), lastReviewed, since, every: formatPeriod(period), due, overdue: due < today });
  }
  const groups = new Map<string, OwnerReviews>();
  for (const review of reviews.values()) {
    const key = review.owner ? `owner:${review.owner.name}` : "none";
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { owner: review.owner, reviews: [], overdue: 0 }));
    group.reviews.push(review);
    if (review.overdue) group.overdue++;
  }
  for (const group of groups.values()) group.reviews.sort(byDue);
  const byOwner = [...groups.values()].sort(
    (a, b) => Number(!a.owner) - Number(!b.owner) || b.overdue - a.overdue || compareStrings(a.owner?.name ?? "", b.owner?.name ?? ""),
  );
  return { today, byOwner, of: (page) => reviews.get(page) };
}

/** Overdue first, the longest overdue first; then by due day, then by file. */
function byDue(a: PageReview, b: PageReview): number {
  return compareStrings(a.due, b.due) || compareStrings(a.page.source.relPath, b.page.source.relPath);
}

/**
 * The checker's lines about overdue pages, grouped by owner (in the index's order): a heading line per owner and one
 * diagnostic per overdue page, at its `last_reviewed` (else its `owner`, else its first line). `severity` is "warning"
 * for `npm run check`, so an old page never blocks an unrelated pull request; "error" for a scheduled job.
 */
export function staleReport(index: ReviewIndex, severity: Diagnostic["severity"], lang: string): Array<{ heading: string; diagnostics: Diagnostic[] }> {
  const day = (iso: string) => formatDay(iso, lang);
  return index.byOwner
    .filter((g) => g.overdue > 0)
    .map((group) => ({
      heading: `${ownerLabel(group.owner)}: ${group.overdue} page${group.overdue === 1 ? "" : "s"} overdue for review`,
      diagnostics: group.reviews
        .filter((r) => r.overdue)
        .map((r) => {
          const source = r.page.source;
          const at = source.positions.get("last_reviewed") ?? source.positions.get("owner") ?? { line: 1, column: 1 };
          const counted = r.lastReviewed ? `last reviewed ${day(r.lastReviewed)}` : `never reviewed, last updated ${day(r.since)}`;
          return diagnose(
            severity,
            source.file,
            at.line,
            `overdue for review since ${day(r.due)} (${counted}, reviewed every ${r.every}); check the page is still right, then set last_reviewed: ${index.today}`,
            at.column,
          );
        }),
    }));
}

/** An owner as the checker names it: the team with its handle, or the handle; "No owner" for nobody. */
export function ownerLabel(owner: PageOwner | undefined): string {
  if (!owner) return "No owner";
  return owner.handle && owner.handle !== owner.name ? `${owner.name} (${owner.handle})` : owner.name;
}
