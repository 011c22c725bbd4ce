import path from "node:path";
import { slug } from "github-slugger";
import { compareStrings, diagnose, type Diagnostic } from "../shared/diagnostics.ts";
import type { SourcePage } from "../content/page.ts";
import type { FrontMatter } from "../content/schema.ts";
import type { RolePage } from "./extract.ts";
import type { NameKind } from "./names.ts";

/** The generated directory page: its title, URL and place among the top-level pages (after the Glossary's 6). */
export const DIRECTORY = { title: "Skills & Tools", url: "/skills-and-tools/", navOrder: 7 } as const;

/** Ids of the directory's two lists, so `/skills-and-tools/#tools` links can be checked. */
export const DIRECTORY_ANCHORS = { tool: "tools", skill: "skills" } as const;

/** Where a kind of name gets its pages: /tools/<slug>/ and /skills/<slug>/. */
const FOLDER: Record<NameKind, string> = { tool: "tools", skill: "skills" };

/** The generated page where a reader compares two roles: a child of the directory, in the sidebar. */
export const COMPARE = { title: "Compare Roles", url: "/compare-roles/" } as const;

/**
 * A page the build makes from the role pages rather than from a Markdown file. It enters the navigation tree as a
 * page with front matter of its own (the directory in the sidebar with the comparison below it, the tool and skill
 * pages below it but out of the sidebar), so breadcrumbs, search, the link check and nav.json treat it like any page.
 */
export interface GeneratedPage {
  kind: "directory" | "compare" | NameKind;
  /** Site URL without the path prefix. */
  url: string;
  /** The tool or skill; the page's title for the directory and the comparison. */
  name: string;
  /** What the navigation tree reads: a page without a file of its own. */
  source: SourcePage;
  /** Ids of the headings the rendered page has. */
  anchors: string[];
}

/** An old address of a name's page (a skill page merged into the tool page of the same name): a redirect to it. */
export interface Redirect {
  /** Site URL without the path prefix. */
  from: string;
  /** The page it leads to, without the path prefix. */
  to: string;
  /** The page's title, for the redirect page's link. */
  title: string;
}

/** Orders names A–Z ignoring case (`dbt` among the Ds), ties by exact spelling. */
export function compareNames(a: string, b: string): number {
  return compareStrings(a.toLowerCase(), b.toLowerCase()) || compareStrings(a, b);
}

/** What the roles list, planned before the navigation tree exists: the pages to generate and the old addresses. */
export interface DirectoryPlan {
  /** The directory, the comparison, then a page per name: tools A–Z, then skills A–Z. */
  pages: GeneratedPage[];
  redirects: Redirect[];
}

/** How many roles list each name as a tool and as a skill. */
function listings(roles: readonly RolePage[]): Map<string, { tool: number; skill: number }> {
  const listedAs = new Map<string, { tool: number; skill: number }>();
  for (const r of roles) {
    for (const [kind, names] of [["tool", r.tools], ["skill", r.skills]] as const) {
      for (const name of names) {
        const counts = listedAs.get(name) ?? { tool: 0, skill: 0 };
        counts[kind]++;
        listedAs.set(name, counts);
      }
    }
  }
  return listedAs;
}

/** A generated page with the front matter it would have had as a file. */
function generatedPage(contentDir: string, kind: GeneratedPage["kind"], name: string, url: string, meta: FrontMatter, anchors: string[] = []): GeneratedPage {
  return {
    kind,
    url,
    name,
    anchors,
    source: {
      file: path.join(contentDir, `generated:${url}`),
      relPath: "",
      url,
      meta,
      positions: new Map(),
      body: "",
      bodyLine: 1,
      generated: true as const,
    },
  };
}

/** The directory itself, and the comparison when there are two roles to compare. */
function fixedPages(contentDir: string, roleCount: number): GeneratedPage[] {
  const pages: GeneratedPage[] = [
    generatedPage(
      contentDir,
      "directory",
      DIRECTORY.title,
      DIRECTORY.url,
      {
        title: DIRECTORY.title,
        nav_order: DIRECTORY.navOrder,
        has_toc: false,
        summary: "Every tool and skill the role pages list, A–Z, with the roles that list them.",
        description: "Every tool and skill the handbook's role pages list, with the roles and teams that use them.",
      },
      [DIRECTORY_ANCHORS.tool, DIRECTORY_ANCHORS.skill],
    ),
  ];
  if (roleCount >= 2) {
    pages.push(
      generatedPage(contentDir, "compare", COMPARE.title, COMPARE.url, {
        title: COMPARE.title,
        parent: DIRECTORY.title,
        nav_order: 0,
        summary: "Pick two roles and see the skills and tools they share, and what each needs that the other does not.",
        description: "Compare two roles of the handbook: the skills and tools they share and those each one adds, with their career ladders.",
      }, [COMPARE_ANCHOR]),
    );
  }
  return pages;
}

/** Where each name's page goes: `/tools/<slug>/` for a name some role lists as a tool, else `/skills/<slug>/`. */
export function planDirectory(roles: readonly RolePage[], contentDir: string): DirectoryPlan {
  const listedAs = listings(roles);
  if (listedAs.size === 0) return { pages: [], redirects: [] };
  const pages = fixedPages(contentDir, roles.length);
  const all = [...listedAs.keys()].sort(compareNames);
  const kindOf = (name: string): NameKind => (listedAs.get(name)!.tool > 0 ? "tool" : "skill");
  const counts = new Map<string, number>();
  const slugUrl = (kind: NameKind, name: string) => `/${FOLDER[kind]}/${slug(name) || kind}`;
  const urls = new Map<string, string>();
  // Tools first, then skills, each A–Z: the order of the directory's children in the tree.
  const ordered = [...all.filter((n) => kindOf(n) === "tool"), ...all.filter((n) => kindOf(n) === "skill")];
  ordered.forEach((name, i) => {
    const kind = kindOf(name);
    const base = slugUrl(kind, name);
    const seen = (counts.get(base) ?? 0) + 1;
    counts.set(base, seen);
    const url = `${seen === 1 ? base : `${base}-${seen}`}/`;
    urls.set(name, url);
    const { tool, skill } = listedAs.get(name)!;
    const listed = [tool > 0 && `as a tool by ${plural(tool, "role")}`, skill > 0 && `as a skill by ${plural(skill, "role")}`].filter(Boolean);
    pages.push(
      generatedPage(contentDir, kind, name, url, {
        title: name,
        parent: DIRECTORY.title,
        nav_order: i + 1,
        nav_exclude: true,
        kind,
        summary: `Listed ${listed.join(" and ")}.`,
      }),
    );
  });
  // The directory's letter headings, for the names each list has.
  const letters = new Set<string>();
  for (const [name, { tool, skill }] of listedAs) {
    if (tool > 0) letters.add(letterAnchor("tool", name));
    if (skill > 0) letters.add(letterAnchor("skill", name));
  }
  pages[0]!.anchors.push(...[...letters].sort());
  // A name listed as a skill whose page is a tool page once had a skill page of its own: its address leads here.
  const taken = new Set(urls.values());
  const redirects: Redirect[] = [];
  for (const name of ordered) {
    const from = `${slugUrl("skill", name)}/`;
    if (kindOf(name) === "tool" && listedAs.get(name)!.skill > 0 && !taken.has(from)) {
      taken.add(from);
      redirects.push({ from, to: urls.get(name)!, title: name });
    }
  }
  return { pages, redirects };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The id of the comparison's one heading. */
export const COMPARE_ANCHOR = "roles-to-compare";

/** The ids of the directory's letter headings: `tools-a` … `skills-z`, and `-other` for names that start otherwise. */
export function letterAnchor(kind: NameKind, name: string): string {
  const first = name.normalize("NFD").charAt(0).toLowerCase();
  return `${DIRECTORY_ANCHORS[kind]}-${/^[a-z]$/.test(first) ? first : "other"}`;
}


/**
 * Content pages in the way of generated ones: a page titled like the directory (the other generated pages name it as
 * their parent), or at a generated page's URL. Each is an error on the content page. What is left to generate is
 * every page not in the way, or nothing when the directory's title or URL is taken. A content page at an old address
 * simply takes it: that redirect is left out.
 */
export function clashesWithGenerated(
  sources: readonly SourcePage[],
  plan: DirectoryPlan,
): { diagnostics: Diagnostic[]; generated: GeneratedPage[]; redirects: Redirect[] } {
  const generated = plan.pages;
  if (generated.length === 0) return { diagnostics: [], generated: [], redirects: [] };
  const byUrl = new Map(generated.map((g) => [g.url, g]));
  const taken = new Set<string>();
  let titleTaken = false;
  const problems: Diagnostic[] = [];
  for (const source of sources) {
    const at = (key: string) => source.positions.get(key) ?? { line: 1, column: 1 };
    taken.add(source.url);
    if (source.meta.title?.trim() === DIRECTORY.title) {
      titleTaken = true;
      const { line, column } = at("title");
      problems.push(
        diagnose("error", source.file, line, `title "${DIRECTORY.title}" is the title of the generated directory of tools and skills; give this page another title`, column),
      );
    }
    const clash = byUrl.get(source.url);
    if (clash) {
      const { line, column } = at(source.meta.permalink !== undefined ? "permalink" : "title");
      const what =
        clash.kind === "directory"
          ? "the generated directory of tools and skills"
          : clash.kind === "compare"
            ? "the generated comparison of roles"
            : `the generated page of the ${clash.kind} "${clash.name}"`;
      problems.push(
        diagnose("error", source.file, line, `URL "${source.url}" is where ${what} goes; change this page's permalink or file name`, column),
      );
    }
  }
  if (titleTaken || taken.has(DIRECTORY.url)) return { diagnostics: problems, generated: [], redirects: [] };
  const left = generated.filter((g) => !taken.has(g.url));
  const redirects = plan.redirects.filter((r) => !taken.has(r.from) && !taken.has(r.to));
  return { diagnostics: problems, generated: left, redirects };
}
