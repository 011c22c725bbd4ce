import { GENERATED_SECTIONS, type RoleView } from "../../view/page-view.ts";

/** "A, B, C and 2 more": at most `shown` names, then how many more. */
function someNames(names: readonly string[], shown = 3): string {
  const listed = names.slice(0, shown);
  const rest = names.length - listed.length;
  if (rest > 0) return `${listed.join(", ")} and ${rest} more`;
  return listed.length > 1 ? `${listed.slice(0, -1).join(", ")} and ${listed[listed.length - 1]}` : (listed[0] ?? "");
}

/**
 * What ends a role page, generated from the roles (never written in its Markdown): its family's career ladder with a
 * link to each level, and its related roles (those sharing the most skills and tools) with a link to compare.
 * Contract: `role` from the page view; placed by the layout after the page's content. Other pages' titles and the
 * ladder's words are left out of the search index: a search for them should find those pages.
 */
export function RoleExtras({ role, roleUrl, href }: { role: RoleView; roleUrl: string; href: (url: string) => string }) {
  const compare = role.compareUrl && `${href(role.compareUrl)}?a=${encodeURIComponent(href(roleUrl))}`;
  return (
    <>
      {role.family && (
        <section class="role-levels" aria-labelledby={GENERATED_SECTIONS.levels} data-pagefind-ignore>
          <h2 id={GENERATED_SECTIONS.levels}>Career levels</h2>
          <p>
            This role is in the {role.family.name} family. The <a href={href(role.family.ladder.url)}>{role.family.ladder.title}</a> says
            what each level expects of it{role.family.levels.length > 0 ? ":" : "."}
          </p>
          {role.family.levels.length > 0 && (
            <ol class="role-level-list">
              {role.family.levels.map((l) => (
                <li>
                  <a href={`${href(role.family!.ladder.url)}#${l.anchor}`}>
                    {l.level} {l.name}
                  </a>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      {role.related.length > 0 && (
        <section class="related-roles" aria-labelledby={GENERATED_SECTIONS.related} data-pagefind-ignore>
          <h2 id={GENERATED_SECTIONS.related}>Related roles</h2>
          <ul class="related-role-list">
            {role.related.map((r) => (
              <li>
                <a href={href(r.url)}>{r.title}</a>
                {r.team && <span class="name-team"> ({r.team})</span>}
                <span class="related-shared">
                  {" "}
                  shares {someNames(r.shared)}
                </span>
              </li>
            ))}
          </ul>
          {compare && (
            <p class="related-compare">
              <a href={compare}>Compare this role with another</a>
            </p>
          )}
        </section>
      )}
    </>
  );
}
