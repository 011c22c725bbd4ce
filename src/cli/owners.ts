import fs from "node:fs";
import path from "node:path";
import { buildModel, type BuildOptions } from "../eleventy/options.ts";
import { diagnose } from "../shared/diagnostics.ts";
import { consoleLog, report, type Log } from "../shared/log.ts";
import { codeownersFile, codeownersLines } from "../site/codeowners.ts";

/** Where GitHub reads code owners from, relative to the project. */
export const CODEOWNERS_PATH = ".github/CODEOWNERS";

/**
 * `npm run owners`: writes .github/CODEOWNERS from the pages' owners; with `check`, writes nothing and fails when the
 * committed file differs (the pull-request workflow runs that). Content errors stop it before anything is written.
 */
export function writeOwners(options: BuildOptions, check: boolean, log: Log = consoleLog): number {
  const model = buildModel(options);
  const contentPath = path.relative(options.projectDir, options.contentDir);
  const { lines, diagnostics } = codeownersLines(model, contentPath);
  const problems = [...model.diagnostics.filter((d) => d.severity === "error"), ...diagnostics];
  if (report(log, problems) > 0) {
    log.info(`${CODEOWNERS_PATH} was not ${check ? "checked" : "written"}: the content has errors.`);
    return 1;
  }
  const file = path.join(options.projectDir, CODEOWNERS_PATH);
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
  const next = codeownersFile(current, lines);
  const owners = new Set(lines.map((line) => line.slice(line.lastIndexOf(" ") + 1))).size;
  const what = `${lines.length} line${lines.length === 1 ? "" : "s"} for ${owners} owner${owners === 1 ? "" : "s"}`;
  if (check) {
    if (current === next) {
      log.info(`✔ ${CODEOWNERS_PATH} is up to date (${what})`);
      return 0;
    }
    const message = current === undefined ? "is missing; run npm run owners and commit it" : "is out of date with the pages' owners; run npm run owners and commit it";
    report(log, [diagnose("error", file, 1, message)]);
    return 1;
  }
  if (current === next) {
    log.info(`${CODEOWNERS_PATH} is up to date (${what})`);
    return 0;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, next);
  log.info(`Wrote ${CODEOWNERS_PATH}: ${what}`);
  return 0;
}
