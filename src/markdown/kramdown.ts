// Kramdown habits of Just the Docs sites, for markdown-it, each in its module: block attribute lists and `{#id}`
// (attribute-lists.ts), span attribute lists (span-attributes.ts, markdown-it-attrs), heading ids as Jekyll made them
// (heading-ids.ts), `1. TOC` + `{:toc}` (kramdown-toc.ts), tables without a header (tables.ts) and HTML elements
// with markdown="1" (markdown-in-html.ts). This file registers them in the order they depend on.
import type MarkdownIt from "markdown-it";
import { blockAttributes, ialBeforeSetextUnderline } from "./attribute-lists.ts";
import type { CalloutKind } from "./callouts.ts";
import { headingIds, type HeadingIdStyle } from "./heading-ids.ts";
import { tableOfContents } from "./kramdown-toc.ts";
import { markdownInHtml } from "./markdown-in-html.ts";
import { spanAttributesPlugin } from "./span-attributes.ts";
import { alignmentClasses, headerlessTable } from "./tables.ts";

export { parseAttributeList, setAttributes, type AttributeList } from "./attribute-lists.ts";
export { kramdownGfmId, kramdownId, type HeadingIdStyle } from "./heading-ids.ts";
export { hasOwnToc, OWN_TOC_KEY, type OwnTocEnv } from "./kramdown-toc.ts";

/** What the plugin reads from the site on each render. */
export interface KramdownOptions {
  /** Callout kinds by class name, from the site settings. */
  callouts: Record<string, CalloutKind>;
  /** How heading ids are made. */
  headingIds: HeadingIdStyle;
}

/** Registers the kramdown habits on a markdown-it instance; `options` is read on every render. */
export function kramdownPlugin(md: MarkdownIt, options: () => KramdownOptions): void {
  md.block.ruler.before("table", "kramdown_table", headerlessTable);
  md.block.ruler.before("lheading", "kramdown_ial_line", ialBeforeSetextUnderline, { alt: ["paragraph"] });
  md.core.ruler.after("block", "kramdown_markdown_html", (state) => markdownInHtml(state));
  md.core.ruler.after("kramdown_markdown_html", "kramdown_block_attributes", (state) =>
    blockAttributes(md, state, options().callouts),
  );
  spanAttributesPlugin(md);
  md.core.ruler.after("kramdown_block_attributes", "table_alignment_classes", (state) => alignmentClasses(state.tokens));
  md.core.ruler.before("anchor", "kramdown_heading_ids", (state) => headingIds(state, options().headingIds));
  md.core.ruler.after("anchor", "kramdown_toc", (state) => tableOfContents(md, state));
}
