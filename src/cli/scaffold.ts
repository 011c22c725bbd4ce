import path from "node:path";
import { slug } from "github-slugger";
import type { NavPage, NavTree } from "../navigation/tree.ts";
import { ROLE_SECTIONS } from "../roles/sections.ts";
import { closest } from "../content/suggest.ts";

/** A page the scaffolder is about to write. */
export interface Scaffold {
  /** Absolute path of the new file. */
  file: string;
  /** The file's text: front matter and starting body. */
  text: string;
}

/** Thrown when the request cannot be met; the message says what to type instead. */
export class ScaffoldError extends Error {}

/**
 * The longest file name the scaffolder writes, in characters, ".md" aside: a long title is cut at a word. At most
 * four bytes a character in UTF-8, it stays below the 255 bytes most file systems allow.
 */
export const MAX_FILE_NAME = 60;

/** The file name (without ".md") for a page titled `title`: its GitHub slug with dashes tidied, cut at a word. */
export function fileNameFor(title: string): string {
  const name = slug(title).replace(/-{2,}/g, "-").replace(/^-|-$/g, "");
  if (!/[\p{L}\p{N}]/u.test(name)) {
    throw new ScaffoldError(`the title "${title}" makes no file name: it has no letter or digit; give the page a title in words, e.g. "Release Party 🎉"`);
  }
  const chars = Array.from(name);
  if (chars.length <= MAX_FILE_NAME) return name;
  // One character more than fits: when it is a dash, the cut falls exactly at the limit.
  const head = chars.slice(0, MAX_FILE_NAME + 1).join("");
  const lastDash = head.lastIndexOf("-");
  return lastDash > 0 ? head.slice(0, lastDash) : chars.slice(0, MAX_FILE_NAME).join("");
}

/** Plans a new page (or role page) under the page titled `parentTitle`, with nav_order after its last sibling. */
export function planPage(
  tree: NavTree,
  contentDir: string,
  kind: "page" | "role",
  title: string,
  parentTitle: string | undefined,
): Scaffold {
  const clean = title.trim();
  if (!clean) throw new ScaffoldError("give the page a title, e.g. \"Site Reliability Engineer\"");
  if (/[\r\n]/.test(clean)) throw new ScaffoldError("a title is one line");
  const fileName = fileNameFor(clean);
  let parent: NavPage | undefined;
  if (parentTitle !== undefined) {
    const matches = tree.pages.filter((p): p is NavPage => p.kind === "nav" && p.title === parentTitle);
    if (matches.length === 0) {
      const titles = tree.pages.flatMap((p) => (p.kind === "nav" ? [p.title] : []));
      const guess = closest(parentTitle, titles);
      throw new ScaffoldError(`no page is titled "${parentTitle}"${guess ? ` (did you mean "${guess}"?)` : ""}`);
    }
    if (matches.length > 1) throw new ScaffoldError(`${matches.length} pages are titled "${parentTitle}"; write this page by hand and add grand_parent`);
    parent = matches[0];
  } else if (kind === "role") {
    throw new ScaffoldError('a role needs its team: --team "Dev Team"');
  }

  const siblings = parent ? parent.children : tree.roots;
  if (siblings.some((s) => s.title === clean)) throw new ScaffoldError(`"${parent?.title ?? "the top level"}" already has a page titled "${clean}"`);
  const numeric = siblings.map((s) => s.source.meta.nav_order).filter((n): n is number => typeof n === "number");
  const navOrder = numeric.length === 0 ? 1 : Math.floor(Math.max(...numeric)) + 1;

  const folder = parent
    ? path.basename(parent.source.file).replace(/\.(md|markdown)$/i, "") === "index"
      ? path.dirname(parent.source.file)
      : parent.source.file.replace(/\.(md|markdown)$/i, "")
    : contentDir;
  const file = path.join(folder, `${fileName}.md`);

  const yaml = (s: string) => JSON.stringify(s);
  const front = [
    "---",
    `title: ${yaml(clean)}`,
    ...(parent ? [`parent: ${yaml(parent.title)}`] : []),
    ...(parent?.parent ? [`grand_parent: ${yaml(parent.parent.title)}`] : []),
    `nav_order: ${navOrder}`,
    ...(kind === "role" ? ["kind: role"] : []),
    "---",
  ];
  const body = kind === "role" ? roleBody(clean) : [`# ${clean}`, "", "Write the page here: what a reader needs to know, and who to ask."];
  return { file, text: [...front, "", ...body, ""].join("\n") };
}

function roleBody(title: string): string[] {
  const guidance: Record<(typeof ROLE_SECTIONS)[number], string[]> = {
    "Role and Responsibilities": ["- What this role owns and delivers here, one responsibility per line."],
    Skills: ["- **Skill name**: what good looks like in this role, one skill per line."],
    Tools: ["- **Tool name**: what this role uses it for, one tool per line (names as in the Glossary)."],
    "Best Practices": ["### Group of practices", "", "1. **Practice name**: one or two sentences a new hire can act on."],
  };
  return [
    `# ${title}`,
    "",
    ...ROLE_SECTIONS.flatMap((section) => [
      `## ${section === "Best Practices" ? `${title} Best Practices` : section}`,
      "",
      ...guidance[section],
      "",
    ]),
  ].slice(0, -1);
}
