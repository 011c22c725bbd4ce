import path from "node:path";
import { slug } from "github-slugger";
import { diagnose, type Diagnostic } from "../shared/diagnostics.ts";
import type { SourcePage } from "../content/page.ts";
import type { PageOwner } from "../navigation/owners.ts";

/** The generated Review status page: its title, URL and place among the top-level pages (after Skills & Tools' 7). */
export const REVIEW_PAGE = { title: "Review status", url: "/review-status/", navOrder: 8 } as const;

/** The id of an owner's section on the Review status page ("no-owner" for the pages nobody owns). */
export function ownerAnchor(owner: PageOwner | undefined): string {
  return owner ? `owner-${slug(owner.name) || "team"}` : "no-owner";
}

/**
 * The Review status page, once any page says who owns it or when it was reviewed (a handbook that keeps no owners,
 * such as a Just the Docs site as it is, gets none). It joins the navigation tree like a written page, out of the
 * search index: it lists other pages. A content page with its title or URL is an error, and then there is none.
 */
export function planReviewPage(sources: readonly SourcePage[], contentDir: string): { page: SourcePage | undefined; diagnostics: Diagnostic[] } {
  const keeps = sources.some((s) => s.meta.owner !== undefined || s.meta.last_reviewed !== undefined || s.meta.review_every !== undefined);
  if (!keeps) return { page: undefined, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  for (const source of sources) {
    const at = (key: string) => source.positions.get(key) ?? { line: 1, column: 1 };
    if (source.meta.title?.trim() === REVIEW_PAGE.title) {
      const { line, column } = at("title");
      diagnostics.push(diagnose("error", source.file, line, `title "${REVIEW_PAGE.title}" is the title of the generated page of review dates; give this page another title`, column));
    }
    if (source.url === REVIEW_PAGE.url) {
      const { line, column } = at(source.meta.permalink !== undefined ? "permalink" : "title");
      diagnostics.push(diagnose("error", source.file, line, `URL "${REVIEW_PAGE.url}" is where the generated Review status page goes; change this page's permalink or file name`, column));
    }
  }
  if (diagnostics.length > 0) return { page: undefined, diagnostics };
  const page: SourcePage = {
    file: path.join(contentDir, `generated:${REVIEW_PAGE.url}`),
    relPath: "",
    url: REVIEW_PAGE.url,
    meta: {
      title: REVIEW_PAGE.title,
      nav_order: REVIEW_PAGE.navOrder,
      search_exclude: true,
      summary: "Every page by owner, with when it was last reviewed and when it is due; overdue pages first.",
      description: "Who owns each page of the handbook, when it was last reviewed and which pages are overdue for review.",
    },
    positions: new Map(),
    body: "",
    bodyLine: 1,
    generated: true,
  };
  return { page, diagnostics };
}
