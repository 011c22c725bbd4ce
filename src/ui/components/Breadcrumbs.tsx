import type { PageLink } from "../../navigation/queries.ts";
import { Title } from "./Title.tsx";

/** Breadcrumbs: the ancestors as links, then the current page as text. Contract: `trail` from breadcrumbsFor(). */
export function Breadcrumbs({ trail, href }: { trail: PageLink[]; href: (url: string) => string }) {
  if (trail.length < 2) return null;
  const ancestors = trail.slice(0, -1);
  const current = trail[trail.length - 1]!;
  return (
    <nav class="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {ancestors.map((link) => (
          <li>
            <a href={href(link.url)}>
              <Title link={link} />
            </a>
          </li>
        ))}
        <li>
          <span aria-current="page">
            <Title link={current} />
          </span>
        </li>
      </ol>
    </nav>
  );
}
