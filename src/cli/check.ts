import { buildModel, linkSeverity, type BuildOptions } from "../eleventy/options.ts";
import { rolesSummary } from "../roles/directory.ts";
import { leftOutSummary } from "../navigation/summary.ts";
import { consoleLog, report, type Log } from "../shared/log.ts";
import { validateContent } from "../site/validate.ts";

/** Checks all content without building: front matter, navigation, links and anchors, role pages. Returns the exit code. */
export function checkSite(options: BuildOptions, log: Log = consoleLog): number {
  const started = performance.now();
  const model = buildModel(options);
  const diagnostics = [...model.diagnostics, ...validateContent(model, linkSeverity(options))];
  const errors = report(log, diagnostics);
  const warnings = diagnostics.length - errors;
  const ms = performance.now() - started;
  log.info(
    `${errors === 0 ? "✔" : "✖"} ${model.tree.pages.length} pages checked in ${ms.toFixed(0)} ms: ` +
      `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
  );
  for (const line of [...leftOutSummary(model.tree), ...rolesSummary(model.roles)]) log.info(line);
  return errors > 0 ? 1 : 0;
}
