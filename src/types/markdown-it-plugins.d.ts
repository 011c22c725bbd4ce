// markdown-it-footnote and markdown-it-deflist ship no types (their @types packages describe markdown-it 13's): each
// is a plugin taking the markdown-it instance.
declare module "markdown-it-footnote" {
  import type MarkdownIt from "markdown-it";
  const footnote: (md: MarkdownIt) => void;
  export default footnote;
}

declare module "markdown-it-deflist" {
  import type MarkdownIt from "markdown-it";
  const deflist: (md: MarkdownIt) => void;
  export default deflist;
}

// markdown-it's smart-quotes core rule, run by src/markdown/typography.ts after heading ids are made.
declare module "markdown-it/lib/rules_core/smartquotes.mjs" {
  import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
  const smartquotes: (state: StateCore) => void;
  export default smartquotes;
}
