import type Token from "markdown-it/lib/token.mjs";
import { diagnose, type Diagnostic } from "../shared/diagnostics.ts";
import type { SourcePage } from "../content/page.ts";
import { inlineText } from "../markdown/text.ts";

/** The sections every role page has, in this order (the owner's page is the model). */
export const ROLE_SECTIONS = ["Role and Responsibilities", "Skills", "Tools", "Best Practices"] as const;

/** One list item of a section, read from its first paragraph. */
export interface ListItem {
  /** The item's Markdown as written. */
  source: string;
  /** The item as plain text: emphasis, code marks and link targets dropped. */
  text: string;
  /** The text of a bold lead-in (`**Data Preparation**: …`), without a trailing colon; undefined when there is none. */
  lead: string | undefined;
  /** 1-based line of the item in the file. */
  line: number;
}

/** A `###` heading inside a section, with the list items under it. */
export interface Subsection {
  heading: string;
  /** 1-based line of the heading in the file. */
  line: number;
  /** Top-level list items between this heading and the next heading of level 2 or 3. */
  entries: ListItem[];
}

/** One `##` section of a page: its heading, line and list items. */
export interface Section {
  heading: string;
  /** 1-based line of the heading in the file. */
  line: number;
  /** Text of each list item directly in the section (not in its ### subsections). */
  items: string[];
  /** The same items with their plain text, bold lead-in and line. */
  entries: ListItem[];
  /** The section's `###` subsections in order. */
  subsections: Subsection[];
}

/** Splits a page (its parsed tokens) into its `##` sections with their top-level list items and `###` subsections. */
export function sectionsOf(tokens: Token[], page: SourcePage): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  let sub: Subsection | undefined;
  // Below a ####–###### heading, items belong to no list we read.
  let deeper = false;
  let listDepth = 0;
  const lineOf = (t: Token) => page.bodyLine + (t.map?.[0] ?? 0);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "heading_open" && t.tag === "h2") {
      current = { heading: tokens[i + 1]!.content.trim(), line: lineOf(t), items: [], entries: [], subsections: [] };
      sections.push(current);
      sub = undefined;
      deeper = false;
    } else if (t.type === "heading_open" && t.tag === "h3") {
      sub = current ? { heading: plainText(tokens[i + 1]!), line: lineOf(t), entries: [] } : undefined;
      if (sub) current!.subsections.push(sub);
      deeper = false;
    } else if (t.type === "heading_open" && /^h[4-6]$/.test(t.tag)) {
      deeper = true;
    } else if (t.type === "bullet_list_open" || t.type === "ordered_list_open") {
      listDepth++;
    } else if (t.type === "bullet_list_close" || t.type === "ordered_list_close") {
      listDepth--;
    } else if (
      t.type === "inline" &&
      current &&
      !deeper &&
      listDepth === 1 &&
      tokens[i - 2]?.type === "list_item_open" &&
      // A heading that opens an item is not the item's text.
      tokens[i - 1]!.type !== "heading_open"
    ) {
      const entry = listItem(t, lineOf(tokens[i - 2]!));
      if (sub) sub.entries.push(entry);
      else {
        current.items.push(entry.source);
        current.entries.push(entry);
      }
    }
  }
  return sections;
}

function listItem(inline: Token, line: number): ListItem {
  // markdown-it starts an item that opens with emphasis with an empty text token.
  const children = (inline.children ?? []).filter((c) => !(c.type === "text" && c.content === ""));
  let lead: string | undefined;
  if (children[0]?.type === "strong_open") {
    const end = children.findIndex((c) => c.type === "strong_close");
    lead = inlineText(children.slice(1, end < 0 ? undefined : end)).replace(/\s*:\s*$/, "").trim() || undefined;
  }
  return { source: inline.content.trim(), text: plainText(inline), lead, line };
}

/** An inline token's text without Markdown: emphasis and code marks dropped, links as their text. */
export function plainText(inline: Token): string {
  const text = inlineText(inline.children);
  // Runs of white space become one space; most items have none to fold, and the test is cheaper than the replace.
  return (FOLDABLE_SPACE.test(text) ? text.replace(/\s+/g, " ") : text).trim();
}

/** White space other than a lone space. */
const FOLDABLE_SPACE = /[^\S ]| {2}/;

/** Which role section a `##` heading is, if any ("AI Engineers Best Practices" is the Best Practices one). */
export function roleSectionOf(heading: string): (typeof ROLE_SECTIONS)[number] | undefined {
  if (/best practices$/i.test(heading)) return "Best Practices";
  return ROLE_SECTIONS.find((s) => s.toLowerCase() === heading.toLowerCase());
}

/** A role page says `kind: role`, or has the role sections (at least Skills and Tools, or Role and Responsibilities). */
export function isRolePage(page: SourcePage, sections: Section[]): boolean {
  if (page.meta.kind !== undefined) return page.meta.kind === "role";
  const found = new Set(sections.map((s) => roleSectionOf(s.heading)));
  return found.has("Role and Responsibilities") || (found.has("Skills") && found.has("Tools"));
}

/** The rule a role page must meet: the four sections, in order, with non-empty Skills and Tools lists. */
export function checkRolePage(page: SourcePage, sections: Section[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const warn = (line: number, message: string) => problems.push(diagnose("warning", page.file, line, message));
  const positions = ROLE_SECTIONS.map((name) => sections.findIndex((s) => roleSectionOf(s.heading) === name));
  ROLE_SECTIONS.forEach((name, i) => {
    if (positions[i] === -1) {
      const heading = name === "Best Practices" ? `## ${page.meta.title ?? "<Role>"} Best Practices` : `## ${name}`;
      warn(page.bodyLine, `role page has no "${heading}" section; role pages have ${ROLE_SECTIONS.map((s) => `"${s}"`).join(", ")} in that order`);
    }
  });
  const present = positions.filter((p) => p !== -1);
  if (present.some((p, i) => i > 0 && p < present[i - 1]!)) {
    const first = sections[Math.min(...present)]!;
    warn(first.line, `role sections are out of order; use ${ROLE_SECTIONS.map((s) => `"${s}"`).join(", ")}`);
  }
  for (const name of ["Skills", "Tools"] as const) {
    const section = sections.find((s) => roleSectionOf(s.heading) === name);
    if (section && section.items.length === 0) warn(section.line, `the ${name} section has no list items; list one ${name === "Skills" ? "skill" : "tool"} per line as "- Name"`);
  }
  return problems;
}
