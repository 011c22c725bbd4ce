// What the handbook reads as text from parsed Markdown: one function for an inline token's text and one for the
// page's headings as a tree, used by heading ids, both tables of contents and the role sections.
import type Token from "markdown-it/lib/token.mjs";

/** What besides text and code counts as an inline's text. */
export interface TextOptions {
  /** Raw inline HTML, as written (a heading's `<br>` shown as text in a table of contents). Default false. */
  html?: boolean;
  /** An image's alt text. Default true; a heading's slug leaves it out, as GitHub does. */
  images?: boolean;
}

/** The text of an inline token's children: text and code, line breaks as spaces, emphasis and link marks dropped. */
export function inlineText(children: readonly Token[] | null, options: TextOptions = {}): string {
  let text = "";
  for (const child of children ?? []) {
    if (child.type === "text" || child.type === "code_inline") text += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
    else if (child.type === "html_inline" && options.html) text += child.content;
    else if (child.type === "image" && options.images !== false) text += inlineText(child.children, options);
  }
  return text;
}

/** A heading in the page's tree of headings. */
export interface HeadingNode {
  /** 1 for h1 … 6 for h6. */
  level: number;
  /** Its id (every heading has one once ids are assigned). */
  id: string;
  /** Its text. */
  text: string;
  /** The headings of lower levels up to the next one of its level or higher. */
  children: HeadingNode[];
}

/**
 * The headings `include` keeps, nested by level: a heading goes under the nearest kept heading above it of a higher
 * level, else at the top. Headings without an id are left out.
 */
export function headingTree(tokens: readonly Token[], include: (open: Token) => boolean, text: (inline: Token) => string): HeadingNode[] {
  const root: HeadingNode = { level: 0, id: "", text: "", children: [] };
  const stack: HeadingNode[] = [root];
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== "heading_open" || !include(open)) continue;
    const id = open.attrGet("id");
    if (!id) continue;
    const node: HeadingNode = { level: Number(open.tag.slice(1)), id, text: text(tokens[i + 1]!), children: [] };
    while (stack.length > 1 && stack[stack.length - 1]!.level >= node.level) stack.pop();
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  }
  return root.children;
}
