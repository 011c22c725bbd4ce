// What a pull request changes in the handbook, read off two models (the base commit's and the head's), never off the
// built HTML: pages added, changed, moved and deleted; navigation changes (a new title, a new place in the tree); the
// broken links it brings in; and the owners of the pages it touches. The pull-request workflow writes it to the job
// summary (src/cli/pr-summary.ts).
import path from "node:path";
import { compareStrings, type Diagnostic } from "../shared/diagnostics.ts";
import { markdownText } from "../shared/markdown-text.ts";
import { checkLinks } from "../links/check.ts";
import { breadcrumbsFor } from "../navigation/queries.ts";
import type { HandbookPage } from "../navigation/tree.ts";
import type { SiteModel } from "./model.ts";

/** A page as one side of the comparison saw it. */
export interface PageSnapshot {
  /** Path below the content folder. */
  relPath: string;
  title: string | undefined;
  url: string;
  /** The titles of the pages above it, from the top. */
  place: string[];
  owner: { name: string; handle: string | undefined } | undefined;
  /** Its front matter and Markdown, to tell whether it changed. */
  text: string;
  body: string;
}

/** A page the pull request adds, changes, moves (to another file or URL) or deletes. */
export interface PageChange {
  kind: "added" | "changed" | "moved" | "deleted";
  before: PageSnapshot | undefined;
  after: PageSnapshot | undefined;
  /** For a moved page: its text changed as well. */
  edited: boolean;
}

/** A page whose title or place in the navigation changes. */
export interface NavigationChange {
  kind: "retitled" | "reparented";
  before: PageSnapshot;
  after: PageSnapshot;
}

/** Everything the summary says. */
export interface ModelChanges {
  pages: PageChange[];
  navigation: NavigationChange[];
  /** Broken links and anchors of the head that the base did not have, with their file below the content folder. */
  brokenLinks: Array<Diagnostic & { relPath: string }>;
  /** The owners of the pages touched, A–Z, with how many of theirs. */
  owners: Array<{ name: string; handle: string | undefined; pages: number }>;
}

function snapshot(model: SiteModel, page: HandbookPage): PageSnapshot {
  const owner = model.ownership.ownerOf(page);
  return {
    relPath: page.source.relPath,
    title: page.kind === "nav" ? page.title : undefined,
    url: page.url,
    place: breadcrumbsFor(page).slice(0, -1).map((p) => p.title),
    owner: owner && { name: owner.name, handle: owner.handle },
    text: `${JSON.stringify(page.source.meta)}\n${page.source.body}`,
    body: page.source.body,
  };
}

function snapshots(model: SiteModel): Map<string, PageSnapshot> {
  return new Map(model.tree.pages.filter((p) => !p.source.generated).map((p) => [p.source.relPath, snapshot(model, p)]));
}

/** Pairs what is left on each side by a key both have once: a moved file keeps its text, or at least its title. */
function pairBy(before: Map<string, PageSnapshot>, after: Map<string, PageSnapshot>, key: (p: PageSnapshot) => string | undefined): Array<[PageSnapshot, PageSnapshot]> {
  const unique = (side: Map<string, PageSnapshot>) => {
    const seen = new Map<string, PageSnapshot | null>();
    for (const p of side.values()) {
      const k = key(p);
      if (k !== undefined) seen.set(k, seen.has(k) ? null : p);
    }
    return seen;
  };
  const [a, b] = [unique(before), unique(after)];
  const pairs: Array<[PageSnapshot, PageSnapshot]> = [];
  for (const [k, p] of a) {
    const q = b.get(k);
    if (p && q) {
      pairs.push([p, q]);
      before.delete(p.relPath);
      after.delete(q.relPath);
    }
  }
  return pairs;
}

/** Link problems of a model, keyed by file (below the content folder) and message, so the two sides compare. */
function linkProblems(model: SiteModel): Map<string, Diagnostic & { relPath: string }> {
  const problems = checkLinks(model.tree, (source) => model.linksOf(source), "error");
  return new Map(
    problems.map((d) => {
      const relPath = path.relative(model.contentDir, d.file).split(path.sep).join("/");
      return [`${relPath}\0${d.message}`, { ...d, relPath }];
    }),
  );
}

/** Compares the base commit's model with the head's. */
export function compareModels(base: SiteModel, head: SiteModel): ModelChanges {
  const before = snapshots(base);
  const after = snapshots(head);
  const pairs: Array<[PageSnapshot, PageSnapshot]> = [];
  for (const [relPath, p] of before) {
    const q = after.get(relPath);
    if (q) pairs.push([p, q]);
  }
  for (const [p] of pairs) [before, after].forEach((side) => side.delete(p.relPath));
  pairs.push(...pairBy(before, after, (p) => (p.body.trim() ? p.body : undefined)), ...pairBy(before, after, (p) => p.title));

  const pages: PageChange[] = [];
  const navigation: NavigationChange[] = [];
  for (const [p, q] of pairs) {
    const moved = p.relPath !== q.relPath || p.url !== q.url;
    if (moved || p.text !== q.text) pages.push({ kind: moved ? "moved" : "changed", before: p, after: q, edited: moved && p.text !== q.text });
    if (p.title !== undefined && q.title !== undefined && p.title !== q.title) navigation.push({ kind: "retitled", before: p, after: q });
    if (p.place.join("\0") !== q.place.join("\0")) navigation.push({ kind: "reparented", before: p, after: q });
  }
  for (const p of before.values()) pages.push({ kind: "deleted", before: p, after: undefined, edited: false });
  for (const q of after.values()) pages.push({ kind: "added", before: undefined, after: q, edited: false });
  const order = ["added", "changed", "moved", "deleted"];
  const pathOf = (c: PageChange) => (c.after ?? c.before)!.relPath;
  pages.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || compareStrings(pathOf(a), pathOf(b)));
  navigation.sort((a, b) => compareStrings(a.kind, b.kind) || compareStrings(a.after.relPath, b.after.relPath));

  const baseLinks = linkProblems(base);
  const brokenLinks = [...linkProblems(head)].filter(([key]) => !baseLinks.has(key)).map(([, d]) => d);

  const owners = new Map<string, { name: string; handle: string | undefined; pages: number }>();
  for (const change of pages) {
    const owner = (change.after ?? change.before)!.owner;
    if (!owner) continue;
    const entry = owners.get(owner.name) ?? { ...owner, pages: 0 };
    entry.pages++;
    owners.set(owner.name, entry);
  }
  return { pages, navigation, brokenLinks, owners: [...owners.values()].sort((a, b) => compareStrings(a.name, b.name)) };
}

const code = (text: string) => `<code>${markdownText(text)}</code>`;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/**
 * The job summary in GitHub Markdown. `contentPath` is the content folder's path in the repository, for file names;
 * `href` applies the path prefix to URLs. Every text from content is escaped.
 */
export function changesMarkdown(changes: ModelChanges, contentPath: string, href: (url: string) => string = (u) => u): string {
  const file = (relPath: string) => code(path.posix.join(contentPath, relPath));
  const title = (p: PageSnapshot) => (p.title !== undefined ? markdownText(p.title) : `${file(p.relPath)} (no title)`);
  const lines = ["## Handbook changes", ""];
  const counts = (["added", "changed", "moved", "deleted"] as const)
    .map((kind) => [kind, changes.pages.filter((c) => c.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`);
  lines.push(counts.length ? `Pages: ${counts.join(", ")}.` : "No page is added, changed, moved or deleted.", "");
  if (changes.pages.length) {
    lines.push("| Change | Page | URL | Owner |", "| --- | --- | --- | --- |");
    for (const c of changes.pages) {
      const page = (c.after ?? c.before)!;
      const what =
        c.kind === "moved"
          ? `Moved${c.edited ? " and changed" : ""}${c.before!.relPath !== c.after!.relPath ? ` from ${file(c.before!.relPath)}` : ""}`
          : c.kind[0]!.toUpperCase() + c.kind.slice(1);
      const url = c.kind === "deleted" ? `<del>${code(href(page.url))}</del>` : c.kind === "moved" && c.before!.url !== c.after!.url ? `${code(href(c.after!.url))} (was ${code(href(c.before!.url))})` : code(href(page.url));
      lines.push(`| ${what} | ${title(page)} | ${url} | ${page.owner ? markdownText(page.owner.name) : "–"} |`);
    }
    lines.push("");
  }
  if (changes.navigation.length) {
    lines.push("### Navigation", "");
    const place = (p: PageSnapshot) => (p.place.length ? p.place.map(markdownText).join(" › ") : "the top level");
    for (const n of changes.navigation) {
      lines.push(
        n.kind === "retitled"
          ? `- **Retitled**: ${title(n.before)} → ${title(n.after)} (${code(href(n.after.url))})`
          : `- **Moved in the tree**: ${title(n.after)} from ${place(n.before)} to ${place(n.after)}`,
      );
    }
    lines.push("");
  }
  lines.push("### Broken links introduced", "");
  if (changes.brokenLinks.length === 0) lines.push("None.", "");
  else {
    for (const d of changes.brokenLinks) lines.push(`- ${code(`${path.posix.join(contentPath, d.relPath)}:${d.line}:${d.column}`)} ${markdownText(d.message)}`);
    lines.push("");
  }
  lines.push("### Owners of the pages it touches", "");
  if (changes.owners.length === 0) lines.push("None.", "");
  for (const o of changes.owners) lines.push(`- ${markdownText(o.name)}${o.handle && o.handle !== o.name ? ` (${code(o.handle)})` : ""}: ${plural(o.pages, "page")}`);
  return `${lines.join("\n").trimEnd()}\n`;
}
