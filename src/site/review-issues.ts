// The weekly review reminders: one GitHub issue per owner that has pages overdue for review, listing them with links.
// This module says what the issues are; src/cli/review-issues.ts opens, updates and closes them (or, in a dry run,
// prints what it would do). Every text from content is escaped: titles cannot become links, mentions or markup.
import { markdownText, markdownUrl } from "../shared/markdown-text.ts";
import { editUrlOf, formatDay } from "./page-meta.ts";
import type { SiteModel } from "./model.ts";
import { ownerAnchor, REVIEW_PAGE } from "./review-page.ts";
import { ownerLabel, reviewIndexOf } from "./review.ts";

/** The label the reminders carry. */
export const REVIEW_LABEL = "handbook-review";

/** One owner's reminder. */
export interface ReviewIssue {
  /** Which owner it is for (`owner:Dev Team`, `none`): the key that finds the issue again next week, in its body. */
  key: string;
  title: string;
  body: string;
  /** How many pages it lists. */
  pages: number;
}

/** The owner a reminder's key names, as people read it. */
export function ownerOfKey(key: string): string {
  return key.startsWith("owner:") ? key.slice("owner:".length) : "no owner";
}

/** The comment that marks an issue as one owner's reminder, whatever its title becomes. */
export function issueMarker(key: string): string {
  return `<!-- handbook-review-owner: ${encodeURIComponent(key)} -->`;
}

/** The owner key a reminder's body carries, or undefined for any other issue. */
export function issueKeyOf(body: string | null | undefined): string | undefined {
  const match = /<!-- handbook-review-owner: (\S+) -->/.exec(body ?? "");
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}

/**
 * The reminders for a model's overdue pages, one per owner with any, in the review index's order. Links go to the
 * page on the site when the settings give its origin (`url`), else to its file in the repository, else none.
 */
export function reviewIssues(model: SiteModel): ReviewIssue[] {
  const settings = model.settings;
  const index = reviewIndexOf(model);
  const day = (iso: string) => formatDay(iso, settings.lang);
  const siteUrl = (url: string) => (settings.url ? settings.url + model.href(url) : undefined);
  const fileUrl = (relPath: string) => editUrlOf(settings, relPath)?.replace(/\/edit\//, "/blob/");
  const link = (text: string, url: string | undefined) => (url ? `[${markdownText(text)}](${markdownUrl(url)})` : markdownText(text));
  return index.byOwner
    .filter((group) => group.overdue > 0)
    .map((group) => {
      const key = group.owner ? `owner:${group.owner.name}` : "none";
      const name = ownerLabel(group.owner);
      const overdue = group.reviews.filter((r) => r.overdue);
      const rows = overdue.map((r) => {
        const title = r.page.kind === "nav" ? r.page.title : r.page.source.relPath;
        const edit = editUrlOf(settings, r.page.source.relPath);
        const reviewed = r.lastReviewed ? day(r.lastReviewed) : `never (updated ${day(r.since)})`;
        return `| ${link(title, siteUrl(r.page.url) ?? fileUrl(r.page.source.relPath))}${edit ? ` ([edit](${markdownUrl(edit)}))` : ""} | ${reviewed} | ${day(r.due)} |`;
      });
      const statusPage = siteUrl(`${REVIEW_PAGE.url}#${ownerAnchor(group.owner)}`);
      // The handle (checked to be one by the schema) is written as it is: it asks GitHub to tell the owner.
      const owner = group.owner;
      const who = !owner ? "that have no owner" : owner.handle === owner.name ? `owned by ${owner.handle}` : `owned by ${markdownText(owner.name)}${owner.handle ? ` (${owner.handle})` : ""}`;
      const body = [
        issueMarker(key),
        `These handbook pages ${who} are overdue for review. For each one, read it through, fix what is no longer right, and set \`last_reviewed:\` in its front matter to the day you checked it. Next week's update leaves out the pages reviewed by then.`,
        "",
        "| Page | Last reviewed | Due |",
        "| --- | --- | --- |",
        ...rows,
        "",
        `${statusPage ? `All of ${group.owner ? "this owner's" : "these"} pages: [Review status](${markdownUrl(statusPage)}). ` : ""}Opened and updated every week by the *Review reminders* workflow (\`npm run review-issues\`); it closes this issue when no page is overdue.`,
      ].join("\n");
      // Titles are plain text on GitHub; only the line break and length need care.
      const title = `Handbook review: ${overdue.length} page${overdue.length === 1 ? "" : "s"} overdue for ${name}`.replace(/\s+/g, " ").slice(0, 250);
      return { key, title, body, pages: overdue.length };
    });
}
