// kramdown's span attribute lists (`[text](url){:target="_blank"}`, `*x*{: .red }`), read by markdown-it-attrs with
// kramdown's `{:` delimiter and the attribute allowlist the security rules need; a link that opens a new tab also
// gets rel="noopener".
import type MarkdownIt from "markdown-it";
import attrs from "markdown-it-attrs";
import { SAFE_ATTRIBUTES } from "./attribute-lists.ts";

/** markdown-it-attrs' options (its type declarations list none). */
interface AttrsOptions {
  leftDelimiter: string;
  rightDelimiter: string;
  allowedAttributes: string[];
}

/** Registers span attribute lists on a markdown-it instance. */
export function spanAttributesPlugin(md: MarkdownIt): void {
  const options: AttrsOptions = { leftDelimiter: "{:", rightDelimiter: "}", allowedAttributes: ["id", "class", ...SAFE_ATTRIBUTES] };
  md.use(attrs as unknown as (md: MarkdownIt, options: AttrsOptions) => void, options);
  md.core.ruler.after("curly_attributes", "kramdown_noopener", (state) => {
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (token.type !== "link_open" || token.attrGet("target") !== "_blank") continue;
        const rel = (token.attrGet("rel") ?? "").split(/\s+/).filter(Boolean);
        if (!rel.includes("noopener")) token.attrSet("rel", [...rel, "noopener"].join(" "));
      }
    }
  });
}
