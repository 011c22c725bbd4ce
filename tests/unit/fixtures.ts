// Tiny inline fixtures for the unit tests, built through the real front-matter parser.
import { formatDiagnostic, type Diagnostic } from "../../src/shared/diagnostics.ts";
import { parseSource, type SourcePage } from "../../src/content/page.ts";
import type { NavPage } from "../../src/navigation/tree.ts";

/** The folder fixtures pretend to live in; diagnostics are shown relative to it. */
export const SITE = "/site";

/** A page at content/<relPath> whose front matter (starting on line 2) is `frontMatter`. */
export const src = (relPath: string, frontMatter: string): SourcePage => {
  const parsed = parseSource(`${SITE}/content/${relPath}`, relPath, `---\n${frontMatter}\n---\n# body\n`);
  if (!parsed.page) throw new Error(`fixture ${relPath} does not parse: ${JSON.stringify(parsed.diagnostics)}`);
  return parsed.page;
};

/** Diagnostics as people read them: `content/x.md:4:9 error …`. */
export const formatted = (list: readonly Diagnostic[]): string[] => list.map((d) => formatDiagnostic(d, SITE));

/** A page of a tree as plain data; leaves have no `children` key. */
export interface Shape {
  title: string;
  children?: Shape[];
}

/** Maps pages (and, through `kids`, their children) to nested plain objects. */
export const shape = (pages: readonly NavPage[], kids: (p: NavPage) => NavPage[] = (p) => p.children): Shape[] =>
  pages.map((p) => {
    const children = kids(p);
    return children.length > 0 ? { title: p.title, children: shape(children, kids) } : { title: p.title };
  });

/** The whole tree: every page under its parent, excluded ones included. */
export const treeShape = (tree: { roots: NavPage[] }): Shape[] => shape(tree.roots);

/** What the sidebar shows. */
export const sidebarShape = (tree: { navRoots: NavPage[] }): Shape[] => shape(tree.navRoots, (p) => p.navChildren);
