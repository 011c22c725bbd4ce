import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { renderToString } from "preact-render-to-string";
import { PageMeta } from "../../../src/ui/components/PageMeta.tsx";
import { ReviewNotice } from "../../../src/ui/components/ReviewNotice.tsx";
import type { ReviewView } from "../../../src/view/review-view.ts";

const href = (url: string) => `/handbook${url}`;
const review: ReviewView = {
  owner: { name: "Dev Team", url: "/teams/dev-team/", handle: "@northwind-labs/dev-team" },
  lastReviewed: "2026-03-14",
  due: "2026-09-14",
  overdue: false,
};

describe("the owner and review line under a page", () => {
  test("says who owns the page, linked to the team's page, and when it was reviewed", () => {
    const html = renderToString(<PageMeta review={review} href={href} lang="en-GB" />);
    assert.match(html, /<p class="page-owner">Owned by <a href="\/handbook\/teams\/dev-team\/">Dev Team<\/a> · reviewed <time datetime="2026-03-14">14 March 2026<\/time><\/p>/);
  });

  test("a page never reviewed shows its owner only; an owner without a team page is not a link", () => {
    const html = renderToString(<PageMeta review={{ ...review, owner: { name: "@jane", url: undefined, handle: "@jane" }, lastReviewed: undefined }} lang="en" />);
    assert.match(html, /<p class="page-owner">Owned by @jane<\/p>/);
  });

  test("an owner's name from content is text, never markup", () => {
    const html = renderToString(<PageMeta review={{ ...review, owner: { name: "<img src=x onerror=alert(1)>", url: undefined, handle: undefined } }} lang="en" />);
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /Owned by &lt;img src=x onerror=alert\(1\)>/);
  });
});

describe("the overdue notice", () => {
  test("is shown only when the review is overdue, as a note titled by its heading, with the due day and the owner", () => {
    assert.equal(renderToString(<ReviewNotice review={review} href={href} lang="en" />), "");
    assert.equal(renderToString(<ReviewNotice review={undefined} href={href} lang="en" />), "");
    const html = renderToString(<ReviewNotice review={{ ...review, overdue: true }} href={href} lang="en" />);
    assert.match(html, /^<div class="callout callout-yellow review-notice" role="note" aria-labelledby="review-notice-title"><p class="callout-title" id="review-notice-title">Review overdue<\/p>/);
    assert.match(html, /due for review on <time datetime="2026-09-14">September 14, 2026<\/time> and may be out of\s+date\. If something here looks wrong, ask its owner, <a href="\/handbook\/teams\/dev-team\/">Dev Team<\/a>\./);
  });
});
