import type { Diagnostic } from "../shared/diagnostics.ts";
import { checkLinks } from "../links/check.ts";
import { writtenBaseOf } from "./markdown.ts";
import type { SiteModel } from "./model.ts";
import { synonymProblems } from "./synonyms.ts";

/**
 * Checks what needs the pages' Markdown (parsed once, by the model): links and anchors between pages, the role-page
 * rules, what raw HTML may not carry, and that every word a search synonym leads to is on some page. (The SVG files
 * the build copies are checked as the model reads them.)
 */
export function validateContent(model: SiteModel, linkSeverity: Diagnostic["severity"] = "error"): Diagnostic[] {
  const problems = checkLinks(model.tree, (page) => model.linksOf(page), linkSeverity, writtenBaseOf(model));
  for (const page of model.tree.pages) problems.push(...model.roleProblemsOf(page.source), ...model.htmlProblemsOf(page.source));
  if (model.synonyms) {
    const pages = model.tree.pages.map((p) => ({ title: p.kind === "nav" ? p.title : "", body: p.source.body }));
    problems.push(...synonymProblems(model.synonyms.table, model.synonyms.file, pages));
  }
  return problems;
}
