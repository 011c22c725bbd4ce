// Links added to a page as it is rendered, never written in its Markdown: on a role page, each tool or skill named in
// the items of its Skills and Tools sections links to the name's page. The page says which sections and which names
// through the render environment (`nameLinks`); the Markdown file stays as it is.
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";

/** What a page's render adds links for. */
export interface NameLinks {
  /** Whether the list items of the `##` section with this heading get links. */
  inSection(heading: string): boolean;
  /**
   * The mentions in a text that link, left to right, with the URL each links to (the path prefix applied); `listed`
   * for a name the role lists, which weighs more in search.
   */
  find(text: string): Array<{ start: number; end: number; href: string; listed: boolean }>;
}

/** The render environment key a page's name links are given under. */
export interface NameLinksEnv {
  nameLinks?: NameLinks;
}

/** Pagefind's weight of a name the role lists: an h3's (5), above text that merely mentions the name elsewhere. */
export const NAME_LINK_WEIGHT = 5;

/** The class of an added link, so the stylesheet and tests can tell it from a written one. */
export const NAME_LINK_CLASS = "role-name-link";

/**
 * Adds the links: in each item (not nested deeper) of a chosen `##` section, text outside links and code is split
 * where a name is mentioned, and the name becomes a link. Once per item and name, as a page does not link one word
 * twice in a line.
 */
export function nameLinksPlugin(md: MarkdownIt): void {
  md.core.ruler.push("handbook_name_links", (state) => {
    const links = (state.env as NameLinksEnv | undefined)?.nameLinks;
    if (!links) return;
    let inSection = false;
    let listDepth = 0;
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.type === "heading_open") {
        if (t.tag === "h2") inSection = links.inSection(tokens[i + 1]?.content.trim() ?? "");
        else if (t.tag === "h3") inSection = false;
      } else if (t.type === "bullet_list_open" || t.type === "ordered_list_open") listDepth++;
      else if (t.type === "bullet_list_close" || t.type === "ordered_list_close") listDepth--;
      else if (t.type === "inline" && inSection && listDepth === 1 && tokens[i - 2]?.type === "list_item_open" && t.children) {
        t.children = linked(t.children, links, (type, tag, nesting) => new state.Token(type, tag, nesting));
      }
    }
  });
}

type MakeToken = (type: string, tag: string, nesting: 1 | 0 | -1) => Token;

function linked(children: Token[], links: NameLinks, make: MakeToken): Token[] {
  const out: Token[] = [];
  const done = new Set<string>();
  let inLink = 0;
  for (const child of children) {
    if (child.type === "link_open") inLink++;
    else if (child.type === "link_close") inLink--;
    if (child.type !== "text" || inLink > 0) {
      out.push(child);
      continue;
    }
    let at = 0;
    for (const mention of links.find(child.content)) {
      if (done.has(mention.href) || mention.start < at) continue;
      done.add(mention.href);
      if (mention.start > at) out.push(text(make, child.content.slice(at, mention.start)));
      const open = make("link_open", "a", 1);
      open.attrs = [
        ["href", mention.href],
        ["class", NAME_LINK_CLASS],
      ];
      // A role that lists a name ranks next after the name's own page in a search for it.
      if (mention.listed) open.attrs.push(["data-pagefind-weight", String(NAME_LINK_WEIGHT)]);
      out.push(open, text(make, child.content.slice(mention.start, mention.end)), make("link_close", "a", -1));
      at = mention.end;
    }
    if (at === 0) out.push(child);
    else if (at < child.content.length) out.push(text(make, child.content.slice(at)));
  }
  return out;
}

function text(make: MakeToken, content: string): Token {
  const token = make("text", "", 0);
  token.content = content;
  return token;
}
