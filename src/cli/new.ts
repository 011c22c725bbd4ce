import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { displayPath } from "../shared/diagnostics.ts";
import { planPage, ScaffoldError } from "./scaffold.ts";
import { pageUrl } from "../content/urls.ts";
import type { BuildOptions } from "../eleventy/options.ts";
import { consoleLog, type Log } from "../shared/log.ts";
import { buildSiteModel } from "../site/model.ts";
import { UsageError } from "./args.ts";

export const NEW_HELP = `Usage:
  npm run new -- role "Site Reliability Engineer" --team "Dev Team"
  npm run new -- page "Travel" --parent "Policies"
  npm run new -- page "FAQ"                      (a top-level page)
`;

/** Writes a new page or role page; refuses to overwrite. Returns the exit code. */
export function newPage(argv: string[], base: BuildOptions, log: Log = consoleLog): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { team: { type: "string" }, parent: { type: "string" }, content: { type: "string" } },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const [kind, title] = parsed.positionals;
  if ((kind !== "role" && kind !== "page") || title === undefined || parsed.positionals.length > 2) {
    throw new UsageError(`say what to create: role or page, then its title in quotes\n\n${NEW_HELP}`);
  }
  const contentDir = parsed.values.content ? path.resolve(parsed.values.content) : base.contentDir;
  const model = buildSiteModel({ contentDir, settingsFile: path.join(base.projectDir, "_data", "site.json") });
  try {
    const plan = planPage(model.tree, model.contentDir, kind, title, kind === "role" ? parsed.values.team : parsed.values.parent);
    if (fs.existsSync(plan.file)) throw new ScaffoldError(`${displayPath(plan.file)} already exists; nothing was written`);
    fs.mkdirSync(path.dirname(plan.file), { recursive: true });
    fs.writeFileSync(plan.file, plan.text, { flag: "wx" });
    const rel = path.relative(model.contentDir, plan.file).split(path.sep).join("/");
    log.info(`Created ${displayPath(plan.file)}`);
    log.info(`It will be at ${model.href(pageUrl(rel))}`);
    return 0;
  } catch (error) {
    if (error instanceof ScaffoldError) {
      log.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
