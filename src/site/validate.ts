import type { Diagnostic } from "../content/diagnostics.ts";
import { checkLinks } from "../links/check.ts";
import type Token from "markdown-it/lib/token.mjs";
import type { SourcePage } from "../content/page.ts";
import { createMarkdown, type RenderEnv } from "../markdown/render.ts";
import { checkRolePage, isRolePage, sectionsOf } from "../roles/sections.ts";
import type { SiteModel } from "./model.ts";

/** The Markdown renderer for a site: the one the build renders with. Takes a getter, as serve swaps models. */
export function markdownFor(model: SiteModel | (() => SiteModel)) {
  const current = typeof model === "function" ? model : () => model;
  return createMarkdown(() => {
    const m = current();
    return {
      contentDir: m.contentDir,
      base: m.settings.pathPrefix,
      urlOfFile: (file) => m.page(file)?.url,
      callouts: m.settings.callouts,
    };
  });
}

/** Checks what needs the pages' Markdown: links and anchors between pages, and the role-page rules. */
export function validateContent(model: SiteModel): Diagnostic[] {
  const md = markdownFor(model);
  const tokens = new Map<string, Token[]>();
  const tokensOf = (page: SourcePage) => {
    let parsed = tokens.get(page.file);
    if (!parsed) {
      const env: RenderEnv = { page: { inputPath: page.file }, keepLinks: true };
      parsed = md.parse(page.body, env);
      tokens.set(page.file, parsed);
    }
    return parsed;
  };
  const problems = checkLinks(model.tree, tokensOf);
  for (const page of model.tree.pages) {
    const sections = sectionsOf(tokensOf(page.source), page.source);
    if (isRolePage(page.source, sections)) problems.push(...checkRolePage(page.source, sections));
  }
  return problems;
}
