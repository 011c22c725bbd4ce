import type { Diagnostic } from "../shared/diagnostics.ts";
import { jekyllRelativeLinks, pageAtUrl } from "../jekyll/links.ts";
import { checkLinks } from "../links/check.ts";
import { createMarkdown, type MarkdownContext, type RenderEnv } from "../markdown/render.ts";
import type { SiteModel } from "./model.ts";

/** The Markdown renderer for a site: the one the build renders with. Takes a getter, as serve swaps models. */
export function markdownFor(model: SiteModel | (() => SiteModel)) {
  const current = typeof model === "function" ? model : () => model;
  // The renderer asks for the context several times a page: made once per model.
  let contextModel: SiteModel | undefined;
  let contextJekyll: SiteModel["jekyll"];
  let context: MarkdownContext | undefined;
  const md = createMarkdown(() => {
    const m = current();
    if (context && contextModel === m && contextJekyll === m.jekyll) return context;
    contextModel = m;
    contextJekyll = m.jekyll;
    context = {
      contentDir: m.contentDir,
      base: m.settings.pathPrefix,
      urlOfFile: (file) => m.page(file)?.url,
      callouts: m.settings.callouts,
      headingIds: m.settings.headingIds,
      headingAnchors: m.settings.headingAnchors,
      pageAt: (url) => pageAtUrl(m, url),
      resolveRelative: jekyllRelativeLinks(m),
    };
    return context;
  });
  // A Jekyll site's pages are rendered as the model holds them: after Liquid, which ran once for the whole build.
  const render = md.render.bind(md);
  md.render = (src: string, env?: RenderEnv) => {
    const m = current();
    const page = m.jekyll && env?.page?.inputPath ? m.page(env.page.inputPath) : undefined;
    return render(page && !page.source.generated ? page.source.body : src, env);
  };
  return md;
}

/**
 * Checks what needs the pages' Markdown (parsed once, by the model): links and anchors between pages, the role-page
 * rules, and what raw HTML may not carry. (The SVG files the build copies are checked as the model reads them.)
 */
export function validateContent(model: SiteModel, linkSeverity: Diagnostic["severity"] = "error"): Diagnostic[] {
  const problems = checkLinks(model.tree, (page) => model.linksOf(page), linkSeverity);
  for (const page of model.tree.pages) problems.push(...model.roleProblemsOf(page.source), ...model.htmlProblemsOf(page.source));
  return problems;
}
