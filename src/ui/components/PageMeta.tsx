import type { LastUpdated } from "../../site/page-meta.ts";
import { formatDay } from "../../site/page-meta.ts";

/**
 * Under the article: when the page last changed, and "Edit this page" into the repository.
 * Contract: `lastUpdated` from lastUpdated(); `editUrl` from editUrlOf(), undefined (no link) when the site names no
 * repository. Shows nothing when given neither.
 */
export function PageMeta({ lastUpdated, editUrl, lang }: { lastUpdated?: LastUpdated; editUrl?: string; lang: string }) {
  if (!lastUpdated && !editUrl) return null;
  return (
    <footer class="page-meta">
      {lastUpdated && (
        <p class="page-updated">
          Last updated <time datetime={lastUpdated.iso}>{formatDay(lastUpdated.iso, lang)}</time>
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
