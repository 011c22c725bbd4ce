import { buildModel, linkSeverity, type BuildOptions } from "../eleventy/options.ts";
import { rolesSummary } from "../roles/roles-json.ts";
import { leftOutSummary } from "../navigation/summary.ts";
import { consoleLog, report, type Log } from "../shared/log.ts";
import { reviewIndexOf, staleReport } from "../site/review.ts";
import { validateContent } from "../site/validate.ts";

/**
 * Checks all content without building: front matter, navigation, links and anchors, role pages; then lists the pages
 * overdue for review, grouped by owner (warnings, or errors with `--stale error`). Returns the exit code.
 */
export function checkSite(options: BuildOptions, log: Log = consoleLog): number {
  const started = performance.now();
  const model = buildModel(options);
  const diagnostics = [...model.diagnostics, ...validateContent(model, linkSeverity(options))];
  let errors = report(log, diagnostics);
  let warnings = diagnostics.length - errors;
  const stale = staleReport(reviewIndexOf(model), options.stale === "error" ? "error" : "warning", model.settings.lang);
  const overdue = stale.reduce((n, group) => n + group.diagnostics.length, 0);
  if (overdue > 0) {
    log.error(`Overdue for review: ${overdue} page${overdue === 1 ? "" : "s"} of ${stale.length} owner${stale.length === 1 ? "" : "s"}`);
    for (const group of stale) {
      log.error(group.heading);
      // One at a time, so they stay in the group's order: the longest overdue first.
      for (const d of group.diagnostics) {
        const error = report(log, [d]);
        errors += error;
        warnings += 1 - error;
      }
    }
  }
  const ms = performance.now() - started;
  log.info(
    `${errors === 0 ? "✔" : "✖"} ${model.tree.pages.length} pages checked in ${ms.toFixed(0)} ms: ` +
      `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}` +
      (overdue > 0 ? ` (${overdue} overdue for review)` : ""),
  );
  for (const line of [...leftOutSummary(model.tree), ...rolesSummary(model.roles)]) log.info(line);
  return errors > 0 ? 1 : 0;
}
