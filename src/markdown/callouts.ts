import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";

/** A callout kind from the site settings: `{: .note }` in Markdown. */
export interface CalloutKind {
  /** Title shown above the callout; none for a plain highlight. */
  title?: string;
  /** Colour name: blue, green, yellow, red, purple or grey. */
  color: string;
}

const IAL_LINE = /^\{:\s*\.([A-Za-z][\w-]*)\s*\}[ \t]*$/;

/**
 * Just the Docs' callouts: a kramdown attribute line `{: .note }` directly above (or on the line before) a
 * paragraph or block quote turns it into a callout. `{: .note-title }` on a block quote takes its first
 * paragraph as the title. Unknown classes are kept as plain classes, as kramdown does.
 */
export function calloutsPlugin(md: MarkdownIt, kinds: () => Record<string, CalloutKind>): void {
  md.core.ruler.after("block", "handbook_callouts", (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const open = tokens[i]!;
      if (open.type !== "paragraph_open") continue;
      const inline = tokens[i + 1]!;
      // Only a paragraph whose first line is `{: .name }` is a callout; most have no "{:" at all.
      if (!inline.content.includes("{:")) continue;
      const lines = inline.content.split("\n");
      const match = IAL_LINE.exec(lines[0]!.trim());
      if (!match) continue;
      const name = match[1]!;
      if (lines.length > 1) {
        // `{: .note }` on the paragraph's first line: the rest of the paragraph is the callout.
        inline.content = lines.slice(1).join("\n");
        if (inline.map) inline.map = [inline.map[0] + 1, inline.map[1]];
        decorate(md, tokens, i, name, kinds());
      } else {
        // A line of its own: it applies to the next block, and is removed.
        tokens.splice(i, 3);
        if (tokens[i]) decorate(md, tokens, i, name, kinds());
        i--;
      }
    }
  });
}

/** Gives the block at tokens[index] a class; a callout kind's class makes it that callout (with its title). */
export function decorate(md: MarkdownIt, tokens: Token[], index: number, name: string, kinds: Record<string, CalloutKind>): void {
  const open = tokens[index]!;
  const titled = name.endsWith("-title");
  const kind = kinds[titled ? name.slice(0, -"-title".length) : name];
  if (!kind) {
    open.attrJoin("class", name);
    return;
  }
  const kindName = titled ? name.slice(0, -"-title".length) : name;
  open.attrJoin("class", `callout callout-${kind.color}`);
  open.attrSet("data-callout", kindName);
  if (titled && open.type === "blockquote_open") {
    // The block quote's first paragraph is the title.
    const first = tokens[index + 1];
    if (first?.type === "paragraph_open") first.attrJoin("class", "callout-title");
    return;
  }
  if (kind.title && open.type === "paragraph_open") {
    // Wrap the paragraph so the title is real text, read by screen readers and search.
    const wrapper = new (open.constructor as typeof Token)("callout_open", "div", 1);
    wrapper.attrs = open.attrs;
    wrapper.block = true;
    open.attrs = null;
    const title = new (open.constructor as typeof Token)("html_block", "", 0);
    title.content = `<p class="callout-title">${md.utils.escapeHtml(kind.title)}</p>\n`;
    const closeIndex = tokens.findIndex((t, j) => j > index && t.type === "paragraph_close");
    const close = new (open.constructor as typeof Token)("callout_close", "div", -1);
    close.block = true;
    tokens.splice(closeIndex + 1, 0, close);
    tokens.splice(index, 0, wrapper, title);
  } else if (kind.title && open.type === "blockquote_open") {
    const title = new (open.constructor as typeof Token)("html_block", "", 0);
    title.content = `<p class="callout-title">${md.utils.escapeHtml(kind.title)}</p>\n`;
    tokens.splice(index + 1, 0, title);
  }
}
