import { spawnSync } from "node:child_process";
import fs from "node:fs";
import type { SourcePage } from "../content/page.ts";
import type { SiteModel } from "./model.ts";
import type { Settings } from "../config/settings.ts";

/** When a page was last changed, as shown under it. */
export interface LastUpdated {
  /** The day, `YYYY-MM-DD` (UTC), for `<time datetime>`. */
  iso: string;
  /** Where the date came from. */
  source: "front matter" | "git" | "file";
}

/** The "Edit this page" address of a file in the repository, or undefined when `repository` is not set. */
export function editUrlOf(settings: Pick<Settings, "repository">, relPath: string): string | undefined {
  const repo = settings.repository;
  if (!repo) return undefined;
  const segments = [...repo.branch.split("/"), ...repo.contentPath.split("/"), ...relPath.split("/")];
  const path = segments.filter((s) => s !== "" && s !== ".").map(encodeURIComponent).join("/");
  return `${repo.url.replace(/\/+$/, "")}/edit/${path}`;
}

/**
 * Reads, with ONE `git log`, the last commit date of every file below `dir` (paths relative to `dir`, forward
 * slashes). Undefined outside a git checkout or without git. Author dates, as Eleventy's "git Last Modified".
 */
export function readGitDates(dir: string): Map<string, Date> | undefined {
  const run = spawnSync(
    "git",
    ["-c", "core.quotepath=off", "log", "--format=%x01%at", "--name-only", "--relative", "--no-renames", "-z", "--", "."],
    { cwd: dir, encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "ignore"] },
  );
  if (run.error || run.status !== 0) return undefined;
  const dates = new Map<string, Date>();
  let current: Date | undefined;
  // Newest commit first: "\x01<seconds>\0\nfile\0file\0\x01<seconds>\0\nfile\0…"; the first date seen for a file wins.
  for (const field of run.stdout.split("\0")) {
    if (field.startsWith("\x01")) {
      current = new Date(Number(field.slice(1)) * 1000);
    } else {
      const name = field.replace(/^\n/, "");
      if (name && current && !dates.has(name)) dates.set(name, current);
    }
  }
  return dates;
}

/** A page's date: `last_modified_date` wins, then its last commit, then the file's modification time. */
export function lastUpdatedOf(page: SourcePage, gitDates: ReadonlyMap<string, Date> | undefined): LastUpdated {
  const written = page.meta.last_modified_date;
  if (written instanceof Date) return { iso: dayOf(written), source: "front matter" };
  if (typeof written === "string") return { iso: written.slice(0, 10), source: "front matter" };
  const committed = gitDates?.get(page.relPath);
  if (committed) return { iso: dayOf(committed), source: "git" };
  return { iso: dayOf(fs.statSync(page.file).mtime), source: "file" };
}

const gitDatesOfModel = new WeakMap<SiteModel, Map<string, Date> | undefined>();

/** A page's date within a build: git history is read once per model (so once per build and rebuild). */
export function lastUpdated(model: SiteModel, page: SourcePage): LastUpdated {
  if (!gitDatesOfModel.has(model)) gitDatesOfModel.set(model, readGitDates(model.contentDir));
  return lastUpdatedOf(page, gitDatesOfModel.get(model));
}

/** A day as people read it in the site's language, e.g. "15 March 2024"; UTC, so every machine shows the same. */
export function formatDay(iso: string, lang: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return dayFormat(lang).format(date);
}

/** One formatter per language: creating an Intl.DateTimeFormat costs far more than formatting with it. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(lang: string): Intl.DateTimeFormat {
  let format = dayFormats.get(lang);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" });
    } catch {
      format = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });
    }
    dayFormats.set(lang, format);
  }
  return format;
}

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}
