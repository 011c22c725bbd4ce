// kramdown's span attribute lists (`[text](url){:target="_blank"}`, `*x*{: .red }`), read by markdown-it-attrs with
// kramdown's `{:` delimiter and the attribute allowlist the security rules need; a link that opens a new tab also
// gets rel="noopener".
import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
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
  // markdown-it-attrs tests every token against its patterns, about a third of `npm run check` at 10,000 pages; a page
  // without "{:" has nothing for it to do, so it runs only on pages that have one.
  const rules = (md.core.ruler as unknown as { __rules__: { name: string; fn: (state: StateCore) => boolean }[] }).__rules__;
  const curly = rules.find((rule) => rule.name === "curly_attributes");
  if (!curly) throw new Error("markdown-it-attrs no longer registers its core rule as curly_attributes");
  const run = curly.fn;
  md.core.ruler.at("curly_attributes", (state) => (state.src.includes("{:") ? run(state) : false));
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
