import { renderToString } from "preact-render-to-string";
import { DIRECTORY, DIRECTORY_ANCHORS, type GeneratedPage, type NameEntry, type Role, type RoleIndex, type TeamRef } from "../../roles/directory.ts";
import type { NameKind } from "../../roles/names.ts";

/**
 * The pages generated from the role pages: the Skills & Tools directory and a page per tool and per skill.
 * Contract: `page` is one of RoleIndex.generated; the result is the page's content, which the handbook layout wraps
 * like rendered Markdown (sidebar, breadcrumbs, search data). Every text is escaped by the JSX renderer.
 */
export function renderGeneratedPage(page: GeneratedPage, index: RoleIndex, href: (url: string) => string): string {
  if (page.kind === "directory") return renderToString(<Directory index={index} href={href} />);
  const entry = index.entryAt(page.url);
  if (!entry) throw new Error(`No ${page.kind} "${page.name}" in this build's roles.`);
  return renderToString(<NamePage entry={entry} href={href} />);
}

const PLURAL: Record<NameKind, [string, string]> = { tool: ["tool", "tools"], skill: ["skill", "skills"] };
const count = (n: number, [one, many]: readonly [string, string]) => `${n} ${n === 1 ? one : many}`;
const ROLES = ["role", "roles"] as const;

/**
 * Roles the directory lists under one name; the name's own page lists them all. Bounds the directory as a handbook
 * grows: with every role listed it was 12 MB at 10,000 pages (1,162 roles under Airflow alone).
 */
export const INLINE_ROLES = 20;

/** Every tool and every skill, A–Z, each with a count and the roles that list it (and their team), the first 20. */
function Directory({ index, href }: { index: RoleIndex; href: (url: string) => string }) {
  const groups = [
    { kind: "tool" as const, title: "Tools", entries: index.tools },
    { kind: "skill" as const, title: "Skills", entries: index.skills },
  ];
  return (
    <>
      <h1>{DIRECTORY.title}</h1>
      <p class="generated-lead">
        Every tool and skill named on the handbook's {count(index.roles.length, ROLES)}, A–Z, with the roles that list
        it (each name's page has them all). Generated from the Skills and Tools sections of the role pages: to change an
        entry, edit the role page.
      </p>
      <ul class="directory-jump">
        {groups.map((g) => (
          <li>
            <a href={`#${DIRECTORY_ANCHORS[g.kind]}`}>
              {g.title} ({g.entries.length})
            </a>
          </li>
        ))}
      </ul>
      {groups.map((g) => (
        <section class="directory-section" aria-labelledby={DIRECTORY_ANCHORS[g.kind]}>
          <h2 id={DIRECTORY_ANCHORS[g.kind]}>{g.title}</h2>
          {/* Listed here for browsing; a search for a name finds its own page and the roles instead. */}
          <ul class="name-list" data-pagefind-ignore>
            {g.entries.map((entry) => (
              <li class="name-item">
                <p class="name-head">
                  <a class="name-link" href={href(entry.url)}>
                    {entry.name}
                  </a>{" "}
                  <span class="name-count">{count(entry.roles.length, ROLES)}</span>
                </p>
                <ul class="name-roles">
                  {entry.roles.slice(0, INLINE_ROLES).map((role) => (
                    <li>
                      <a href={href(role.url)}>{role.title}</a>
                      {role.team && <span class="name-team"> ({role.team.title})</span>}
                    </li>
                  ))}
                  {entry.roles.length > INLINE_ROLES && (
                    <li class="name-more">
                      <a href={href(entry.url)}>
                        {count(entry.roles.length - INLINE_ROLES, ["more role", "more roles"])} on the {entry.name} page
                      </a>
                    </li>
                  )}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** A tool's or skill's page: the roles that list it, grouped by team. */
function NamePage({ entry, href }: { entry: NameEntry; href: (url: string) => string }) {
  const groups = byTeam(entry.roles);
  const teams = groups.filter((g) => g.team).length;
  const article = entry.kind === "tool" ? "A tool" : "A skill";
  return (
    <>
      {/* Weighted above a heading that merely mentions the name; role summaries and the note are not indexed (they are
          other pages' words), so a search for the name finds this page first. */}
      <h1 data-pagefind-weight="10">{entry.name}</h1>
      <p class="generated-lead">
        {article} listed by {count(entry.roles.length, ROLES)}
        {teams > 0 && ` in ${count(teams, ["team", "teams"])}`}.
      </p>
      {groups.map((g) => (
        <section class="name-team-group" aria-label={g.team?.title ?? "Other roles"}>
          <h2>{g.team ? <a href={href(g.team.url)}>{g.team.title}</a> : "Other roles"}</h2>
          <ul class="name-role-list">
            {g.roles.map((role) => (
              <li>
                <a href={href(role.url)}>{role.title}</a>
                {role.summary && (
                  <span class="child-summary" data-pagefind-ignore>
                    {role.summary}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p class="generated-note" data-pagefind-ignore>
        Generated from the {entry.kind === "tool" ? "Tools" : "Skills"} sections of the role pages. See every{" "}
        <a href={href(`${DIRECTORY.url}#${DIRECTORY_ANCHORS[entry.kind]}`)}>{PLURAL[entry.kind][0]} in the directory</a>.
      </p>
    </>
  );
}

/** Roles (already in team order) in runs of one team; roles outside the teams come last as their own group. */
function byTeam(roles: readonly Role[]): Array<{ team: TeamRef | undefined; roles: Role[] }> {
  const groups: Array<{ team: TeamRef | undefined; roles: Role[] }> = [];
  for (const role of roles) {
    const last = groups[groups.length - 1];
    if (last && last.team?.url === role.team?.url) last.roles.push(role);
    else groups.push({ team: role.team, roles: [role] });
  }
  return groups;
}
