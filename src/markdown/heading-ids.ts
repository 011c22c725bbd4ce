// Heading ids as Jekyll made them (kramdown's GFM parser by default, kramdown's own with `kramdown: { input:
// kramdown }`), so a migrated site's old #anchor links keep working; where GitHub's slug differs, it answers too.
// markdown-it-attrs does not make ids, and markdown-it-anchor makes GitHub's only: so this rule is the handbook's.
import { slug } from "github-slugger";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import { inlineText } from "./text.ts";

/** How heading ids are made: GitHub's slugs; kramdown's GFM parser (Jekyll's default); kramdown's own parser. */
export type HeadingIdStyle = "github" | "kramdown-gfm" | "kramdown";

/** The heading text markdown-it-anchor slugs: its text and code, without markup or images. */
export function headingText(children: readonly Token[] | null): string {
  return inlineText(children, { images: false });
}

/** kramdown-parser-gfm's id (Jekyll's default): text downcased, non-word characters dropped, spaces to hyphens. */
export function kramdownGfmId(children: readonly Token[] | null): string {
  // kramdown turns --, ---, ..., << and >> in text into typographic symbols, which are not word characters.
  const text = (children ?? [])
    .map((t) => (t.type === "text" ? t.content.replace(/-{2,3}|\.\.\.|<<|>>/g, "") : t.type === "code_inline" ? t.content : ""))
    .join("");
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\- \t]/gu, "")
    .replace(/[ \t]/g, "-");
}

/** kramdown's own parser's id, from the heading as written: leading non-letters and all but [a-z0-9 -] dropped. */
export function kramdownId(raw: string): string {
  const id = raw
    .replace(/^[^a-zA-Z]+/, "")
    .replace(/[^a-zA-Z0-9 -]/g, "")
    .replace(/ /g, "-")
    .toLowerCase();
  return id === "" ? "section" : id;
}

/** Gives every heading its id: written `{#id}`, else by `style`, unique on the page (a core rule, before markdown-it-anchor). */
export function headingIds(state: StateCore, style: HeadingIdStyle): void {
  const tokens = state.tokens;
  const used = new Set<string>();
  const githubUsed = new Set<string>();
  const kramdownSeen = new Map<string, number>();
  const unique = (base: string, set: Set<string>) => {
    let id = base;
    for (let n = 1; set.has(id); n++) id = `${base}-${n}`;
    set.add(id);
    return id;
  };
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== "heading_open") continue;
    const inline = tokens[i + 1]!;
    const github = unique(slug(headingText(inline.children)), githubUsed);
    const explicit = open.attrGet("id");
    let id: string;
    if (explicit !== null) id = unique(explicit, used);
    else if (style === "github") id = unique(github, used);
    else {
      const base = style === "kramdown" ? kramdownId(inline.content.trim()) : kramdownGfmId(inline.children);
      if (base === "") {
        id = unique(github, used);
      } else {
        const seen = (kramdownSeen.get(base) ?? -1) + 1;
        kramdownSeen.set(base, seen);
        id = unique(seen > 0 ? `${base}-${seen}` : base, used);
      }
    }
    open.attrSet("id", id);
    if (style !== "github" && explicit === null && github !== id && github !== "" && !used.has(github)) {
      // Also answer to GitHub's slug, so links written against the Markdown on GitHub keep working too.
      used.add(github);
      const alias = new state.Token("html_block", "", 0);
      alias.content = `<span class="heading-alias" id="${state.md.utils.escapeHtml(github)}"></span>\n`;
      alias.block = true;
      tokens.splice(i, 0, alias);
      i++;
    }
  }
}
