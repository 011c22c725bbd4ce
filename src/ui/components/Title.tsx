import type { JSX } from "preact";
import type { PageLink } from "../../navigation/queries.ts";
import type { TitlePart } from "../../shared/title.ts";

/**
 * A page's title where a link shows it: its formatting (`<i>`, `<em>`, `<b>`, `<strong>`, `<code>`, `<sup>`, `<sub>`,
 * read by src/shared/title.ts) as elements, everything else as escaped text. Contract: a PageLink from the queries.
 */
export function Title({ link }: { link: Pick<PageLink, "title" | "formatted"> }) {
  return link.formatted ? <>{parts(link.formatted)}</> : <>{link.title}</>;
}

function parts(list: readonly TitlePart[]): Array<string | JSX.Element> {
  // Nesting is at most four deep (src/shared/title.ts), so recursion is bounded.
  return list.map((p) => {
    if (typeof p === "string") return p;
    const Tag = p.tag;
    return <Tag>{parts(p.parts)}</Tag>;
  });
}
