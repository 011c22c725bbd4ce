import type { TeamRoles } from "../../roles/role-index.ts";
import { GENERATED_SECTIONS, TEAM_TOOLS_HEADING } from "../../view/page-view.ts";

/**
 * The table of a team page's tools, generated from the team's role pages (never written by hand). Contract: `team`
 * from RoleIndex.teamAt(); placed by the layout after the team page's content, and listed in "On this page". One
 * row per tool (A–Z) with the team's roles that list it, so it reads at any width, on a phone too: a roles × tools
 * grid with a column per tool needed sideways scrolling past a dozen tools. Left out of the search index: the role
 * pages themselves are what a search for a tool should find.
 */
export function TeamMatrix({
  team,
  toolUrl,
  href,
}: {
  team: TeamRoles;
  /** The URL of a tool's generated page. */
  toolUrl: (tool: string) => string | undefined;
  href: (url: string) => string;
}) {
  if (team.roles.length === 0 || team.tools.length === 0) return null;
  return (
    <section class="team-matrix" aria-labelledby={GENERATED_SECTIONS.tools} data-pagefind-ignore="all">
      <h2 id={GENERATED_SECTIONS.tools}>{TEAM_TOOLS_HEADING}</h2>
      <p class="team-matrix-note">
        Generated from the Tools sections of the {team.team.title}'s role pages: {team.roles.length} role
        {team.roles.length === 1 ? "" : "s"}, {team.tools.length} tool{team.tools.length === 1 ? "" : "s"}.
      </p>
      <table class="matrix">
        <caption class="visually-hidden">Tools the {team.team.title}'s roles list, A–Z, with the roles that list each</caption>
        <thead>
          <tr>
            <th scope="col">Tool</th>
            <th scope="col">Roles</th>
          </tr>
        </thead>
        <tbody>
          {team.tools.map((tool) => {
            const roles = team.roles.filter((r) => r.tools.includes(tool));
            return (
              <tr>
                <th scope="row" class="matrix-tool">
                  <MaybeLink url={toolUrl(tool)} href={href}>
                    {tool}
                  </MaybeLink>
                </th>
                <td class="matrix-roles">
                  <ul class="matrix-role-list">
                    {roles.map((role) => (
                      <li>
                        <a href={href(role.url)}>{role.title}</a>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function MaybeLink({ url, href, children }: { url: string | undefined; href: (url: string) => string; children: string }) {
  return url ? <a href={href(url)}>{children}</a> : <span>{children}</span>;
}
