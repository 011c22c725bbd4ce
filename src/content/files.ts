// The one walker over a folder a pull request can change: the handbook's content folder (its pages and the images
// the build copies), a Jekyll site's files and its _data folder. It lists plain files only, and never opens
// anything: what is not a plain file is an error at its path, with what to do.
// - A symbolic link to a file is followed when its target is inside the folder walked; one that leads outside
//   (`env.md -> /proc/self/environ`), loops or leads nowhere is an error and is never read.
// - A symbolic link to a folder is never followed: it is an error, whether it leads outside, to a folder that holds
//   it (a loop), or to another folder inside (whose pages would be built twice).
// - A FIFO, socket or device is an error and is never opened (reading a FIFO waits forever).
// - A name with "#", "?", "%", "\", a control character (a line break) or bytes that are not UTF-8 cannot be part of
//   a URL as it is: an error that says to rename it.
import { isUtf8 } from "node:buffer";
import fs from "node:fs";
import path from "node:path";
import { compareStrings, diagnose, type Diagnostic } from "../shared/diagnostics.ts";

/** Says whether a file or folder (absolute path) is left out, unread and unchecked. */
export type SkipRule = (file: string, isDir: boolean) => boolean;

/** A folder, walked: its plain files and the problems found. */
export interface Listing {
  /** Plain files below the folder, relative with forward slashes, sorted. */
  files: string[];
  /** What is not a plain file or folder, or has a name that cannot be a URL, each at its path. */
  diagnostics: Diagnostic[];
}

/** Lists the plain files below `dir` by the rules above; `what` names the folder in messages ("the content folder"). */
export function walkFiles(dir: string, skip: SkipRule, what = "the content folder"): Listing {
  const listing: Listing = { files: [], diagnostics: [] };
  const top = path.resolve(dir);
  const problem = (file: string, message: string) => listing.diagnostics.push(diagnose("error", shownPath(file), 1, message));
  let realTop: string;
  try {
    realTop = fs.realpathSync(top);
  } catch {
    problem(top, `${what} does not exist; check the path`);
    return listing;
  }
  const walk = (folder: string, rel: string) => {
    let entries: fs.Dirent<Buffer>[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true, encoding: "buffer" });
    } catch (error) {
      problem(folder, `the folder cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}); check its permissions`);
      return;
    }
    const named = entries.map((entry) => ({ entry, name: entry.name.toString("utf8") })).sort((a, b) => compareStrings(a.name, b.name));
    for (const { entry, name } of named) {
      const full = path.join(folder, name);
      const child = rel ? `${rel}/${name}` : name;
      if (skip(full, isFolder(entry, full))) continue;
      const kind = entryKind(entry, full, realTop, what);
      const badName = nameProblem(entry.name, name);
      if (badName) problem(full, badName);
      else if (kind === "folder") walk(full, child);
      else if (kind === "file") listing.files.push(child);
      else problem(full, kind.problem);
    }
  };
  walk(top, "");
  listing.files.sort(compareStrings);
  return listing;
}

/** Whether an entry is a folder or a symbolic link to one, for the skip rule. */
function isFolder(entry: fs.Dirent<Buffer>, full: string): boolean {
  if (!entry.isSymbolicLink()) return entry.isDirectory();
  try {
    return fs.statSync(full).isDirectory();
  } catch {
    return false;
  }
}

type Kind = "file" | "folder" | { problem: string };

/** What an entry is, following a symbolic link only to a file inside the walked folder. Never opens it. */
function entryKind(entry: fs.Dirent<Buffer>, full: string, realTop: string, what: string): Kind {
  if (entry.isFile()) return "file";
  if (entry.isDirectory()) return "folder";
  if (!entry.isSymbolicLink()) return { problem: `is ${special(entry)}, not a file; remove it: ${what} holds files and folders only` };
  let real: string;
  let stat: fs.Stats;
  try {
    real = fs.realpathSync(full);
    stat = fs.statSync(real);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === "ELOOP" ? "is a symbolic link that loops back on itself; remove it" : "is a symbolic link to nothing; remove it" };
  }
  const rel = path.relative(realTop, real);
  if (rel.startsWith("..") || path.isAbsolute(rel)) {
    return { problem: `is a symbolic link to a place outside ${what}, which the build never reads; put the file itself here instead` };
  }
  if (stat.isDirectory()) {
    const containsLink = !path.relative(real, full).startsWith("..");
    return {
      problem: containsLink
        ? "is a symbolic link to a folder that holds it, which makes a loop; remove it"
        : `is a symbolic link to another folder of ${what}, whose files would be built twice; remove it`,
    };
  }
  if (stat.isFile()) return "file";
  return { problem: `is a symbolic link to ${special(stat)}, not a file; remove it: ${what} holds files and folders only` };
}

function special(entry: fs.Dirent<Buffer> | fs.Stats): string {
  if (entry.isFIFO()) return "a FIFO (named pipe)";
  if (entry.isSocket()) return "a socket";
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return "a device";
  return "not a plain file";
}

const URL_BREAKERS: ReadonlyArray<[RegExp, string]> = [
  [/\p{Cc}/u, "a control character (such as a line break)"],
  [/#/, '"#"'],
  [/\?/, '"?"'],
  [/%/, '"%"'],
  [/\\/, '"\\"'],
];

/** Why a file or folder name cannot be part of a URL; undefined when it can. */
function nameProblem(raw: Buffer, name: string): string | undefined {
  if (!isUtf8(raw)) return "the name has bytes that are not UTF-8 (shown as �); rename it";
  const found = URL_BREAKERS.find(([pattern]) => pattern.test(name));
  return found ? `the name has ${found[1]} in it, which a URL cannot hold as it is; rename it` : undefined;
}

/** A path as a diagnostic can show it on one line: control characters written as \xHH. */
function shownPath(file: string): string {
  return file.replace(/\p{Cc}/gu, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
