// The navigation tree's types: what src/navigation/tree.ts builds and its helpers (parents, placement, order) read.
import type { SourcePage } from "../content/page.ts";

/** A page with a title, placed in the navigation tree. */
export interface NavPage {
  kind: "nav";
  /** The file and its validated front matter. */
  source: SourcePage;
  /** The title as text (inline HTML in it dropped): what the sidebar, search and `<title>` call the page. */
  title: string;
  /** The title as written in front matter: what `parent`, `grand_parent` and `ancestor` name, and what sorts it. */
  titleAsWritten: string;
  /** Site URL without the path prefix. */
  url: string;
  /** Parent page, or undefined at the top level. */
  parent: NavPage | undefined;
  /** Every child in sidebar order, excluded ones included (the page's child list). */
  children: NavPage[];
  /** Children the sidebar shows: none when `has_children: false`, never `nav_exclude` ones. */
  navChildren: NavPage[];
  /** 0 at the top level. */
  depth: number;
  /** Shown in the sidebar: neither it nor an ancestor is excluded or hidden. */
  visible: boolean;
}

/** A page without a title (or one whose place could not be worked out): built, but in no navigation. */
export interface LoosePage {
  kind: "loose";
  /** The file and its validated front matter. */
  source: SourcePage;
  /** Site URL without the path prefix. */
  url: string;
}

/** Any built page of the handbook. */
export type HandbookPage = NavPage | LoosePage;

/** The whole handbook's navigation, computed once per build. */
export interface NavTree {
  /** Top-level pages in sidebar order, excluded ones included. */
  roots: NavPage[];
  /** Top-level pages the sidebar shows. */
  navRoots: NavPage[];
  /** Every page, in file order. */
  pages: HandbookPage[];
  /** Pages the sidebar shows, depth-first in sidebar order: the order of previous/next. */
  sidebarOrder: NavPage[];
  /** Each page by absolute file path. */
  byFile: ReadonlyMap<string, HandbookPage>;
  /** Each page by URL. */
  byUrl: ReadonlyMap<string, HandbookPage>;
  /** Each visible page's index in `sidebarOrder`. */
  orderIndex: ReadonlyMap<NavPage, number>;
  /** Each visible page's index among the pages the sidebar shows beside it: its parent's navChildren, or navRoots. */
  navIndex: ReadonlyMap<NavPage, number>;
  /** Pages a navigation problem left out of the navigation (built all the same), or placed by a guess; none when problems are errors. */
  leftOut: readonly LeftOut[];
}

/** A navigation problem, by what it is about. */
export type NavProblem = "title" | "parent" | "grand_parent" | "cycle" | "depth" | "repeated" | "ambiguous";

/** A page left out of the navigation by a problem (`below`: by one of a page above it), or placed by a guess (`ambiguous`). */
export interface LeftOut {
  source: SourcePage;
  why: NavProblem | "below";
}

/** Settings that change how the tree is built. */
export interface NavOptions extends NavOrderOptions {
  /**
   * What a navigation problem is: an error (the default), or a warning, the page then treated as Just the Docs treats
   * it: built at its URL, left out of the navigation where Just the Docs leaves it out (`--nav warn`).
   */
  problems?: "error" | "warning";
}

/** Reports a navigation problem at a front-matter key of a page. */
export type NavReport = (page: SourcePage, key: string, message: string, problem: NavProblem) => void;

/**
 * How many levels deep a page may be (a top-level page is level 1). Just the Docs allows any depth; real sites go
 * to about 7, and at ~22 px of indent per level the sidebar has no room left for titles beyond level 11. Each page
 * carries its ancestors (sidebar, breadcrumbs), so the limit also bounds every page's size.
 */
export const NAV_DEPTH_LIMIT = 20;

/** Settings that change how the tree is ordered. */
export interface NavOrderOptions {
  /** Just the Docs' `nav_sort`: whether text `nav_order`s and titles compare ignoring case. */
  navSort?: "case_sensitive" | "case_insensitive";
}
