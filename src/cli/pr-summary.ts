import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildModel, type BuildOptions } from "../eleventy/options.ts";
import { consoleLog, type Log } from "../shared/log.ts";
import { changesMarkdown, compareModels } from "../site/changes.ts";
import { buildSiteModel } from "../site/model.ts";
import { UsageError } from "./args.ts";

/** A revision git can be given as an argument: no option (a leading "-"), no spaces. */
const REVISION = /^[A-Za-z0-9_][\w./~^@{}-]*$/;

function git(cwd: string, args: string[]) {
  return spawnSync("git", args, { cwd, maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * Copies the content folder and the settings folder as they were at a revision into `into` (`git archive`, which
 * reads the repository's objects and runs nothing); a folder the revision did not have is left out.
 */
function extractRevision(repo: string, revision: string, folders: readonly string[], into: string): void {
  for (const folder of folders) {
    const archive = git(repo, ["archive", "--format=tar", revision, "--", folder || "."]);
    if (archive.status !== 0) {
      const why = archive.stderr.toString();
      if (/did not match any files|pathspec/.test(why)) continue;
      throw new UsageError(`--base ${revision}: git archive failed: ${why.trim().split("\n")[0]}`);
    }
    const tar = spawnSync("tar", ["-x", "-C", into], { input: archive.stdout, stdio: ["pipe", "ignore", "pipe"] });
    if (tar.status !== 0) throw new Error(`tar could not unpack the base revision: ${tar.stderr.toString().trim()}`);
  }
}

/**
 * `npm run pr-summary -- --base <revision>`: what the working tree changes in the handbook against a revision (the
 * pull request's base), from the two models: printed, and appended to $GITHUB_STEP_SUMMARY in GitHub Actions.
 */
export function prSummary(options: BuildOptions, base: string | undefined, log: Log = consoleLog): number {
  if (!base || !REVISION.test(base)) throw new UsageError(`pr-summary needs --base with a commit or branch, e.g. --base origin/main${base ? `, not "${base}"` : ""}`);
  const top = git(options.contentDir, ["rev-parse", "--show-toplevel"]);
  if (top.status !== 0) throw new UsageError(`pr-summary compares commits, and ${options.contentDir} is not in a git checkout`);
  const repo = top.stdout.toString().trim();
  const verified = git(repo, ["rev-parse", "--verify", "--quiet", `${base}^{commit}`]);
  if (verified.status !== 0) throw new UsageError(`--base ${base} is no commit of this repository (a shallow checkout has no history: fetch-depth: 0)`);
  const posix = (p: string) => p.split(path.sep).join("/");
  const contentPath = posix(path.relative(repo, options.contentDir));
  const settingsFile = path.join(options.projectDir, "_data", "site.json");
  const settingsPath = posix(path.relative(repo, settingsFile));
  const settingsInRepo = !settingsPath.startsWith("../") && !path.isAbsolute(settingsPath);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), "handbook-base-"));
  try {
    extractRevision(repo, base, [contentPath, ...(settingsInRepo ? [path.posix.dirname(settingsPath)] : [])], work);
    const baseContent = path.join(work, contentPath);
    fs.mkdirSync(baseContent, { recursive: true });
    const baseSettings = settingsInRepo && fs.existsSync(path.join(work, settingsPath)) ? path.join(work, settingsPath) : settingsFile;
    const before = buildSiteModel({ contentDir: baseContent, settingsFile: baseSettings, today: options.today });
    const after = buildModel(options);
    const markdown = changesMarkdown(compareModels(before, after), contentPath, (url) => after.href(url));
    for (const line of markdown.trimEnd().split("\n")) log.info(line);
    const summary = log.env.GITHUB_STEP_SUMMARY;
    if (summary) fs.appendFileSync(summary, `${markdown}\n`);
    return 0;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
