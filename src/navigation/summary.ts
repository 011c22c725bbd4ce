import type { NavProblem, NavTree } from "./types.ts";

/** What left a page out of the navigation, as the summary counts it. */
const WHY: Record<Exclude<NavProblem, "ambiguous"> | "below", string> = {
  parent: "whose parent matches no page",
  grand_parent: "whose grand_parent or ancestor matches none",
  title: "without a title",
  cycle: "in a cycle of parents",
  depth: "deeper than the handbook allows",
  repeated: "titled as an ancestor",
  below: "below one of those",
};

/** The build's lines on pages a navigation problem left out of the navigation (`--nav warn`); none without any. */
export function leftOutSummary(tree: NavTree): string[] {
  const counts = new Map<string, number>();
  for (const { why } of tree.leftOut) counts.set(why, (counts.get(why) ?? 0) + 1);
  const lines: string[] = [];
  const left = tree.leftOut.length - (counts.get("ambiguous") ?? 0);
  if (left > 0) {
    const parts = (Object.keys(WHY) as Array<keyof typeof WHY>).filter((k) => counts.has(k)).map((k) => `${counts.get(k)} ${WHY[k]}`);
    lines.push(
      `Navigation: ${left} ${left === 1 ? "page is" : "pages are"} not in the navigation (--nav warn), as in Just the Docs: ${parts.join(", ")}; fix the warnings above to bring them back`,
    );
  }
  const guessed = counts.get("ambiguous") ?? 0;
  if (guessed > 0) {
    lines.push(
      `Navigation: ${guessed} ${guessed === 1 ? "page" : "pages"} whose parent's title several pages share ${guessed === 1 ? "is" : "are"} listed under the first of them (--nav warn); Just the Docs lists ${guessed === 1 ? "it" : "them"} under each: add grand_parent to choose`,
    );
  }
  return lines;
}
