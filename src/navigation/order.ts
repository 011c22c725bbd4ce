import { compareStrings } from "../shared/diagnostics.ts";
import type { NavOrderOptions, NavPage } from "./types.ts";

/**
 * Just the Docs' sibling order (`_includes/components/nav/sorted.html`): numeric nav_order, then text nav_order, then
 * none (by title as written). Pages that compare equal keep the order Jekyll lists them in, their paths' order (Just
 * the Docs' sort does not promise one; this one never changes between builds).
 */
export function navComparator(options: NavOrderOptions = {}): (a: NavPage, b: NavPage) => number {
  const fold = options.navSort === "case_insensitive" ? (s: string) => s.toLowerCase() : (s: string) => s;
  const rank = (v: unknown) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  return (a, b) => {
    const x = a.source.meta.nav_order;
    const y = b.source.meta.nav_order;
    const byRank = rank(x) - rank(y);
    if (byRank !== 0) return byRank;
    if (typeof x === "number" && typeof y === "number" && x !== y) return x - y;
    if (typeof x === "string" && typeof y === "string") {
      const byText = compareStrings(fold(x), fold(y));
      if (byText !== 0) return byText;
    }
    const byTitle = x === undefined ? compareStrings(fold(a.titleAsWritten), fold(b.titleAsWritten)) : 0;
    return byTitle || compareStrings(a.source.relPath, b.source.relPath) || compareStrings(a.url, b.url);
  };
}
