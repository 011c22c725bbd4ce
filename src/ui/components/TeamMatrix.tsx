import type { TeamRoles } from "../../roles/directory.ts";

/**
 * The roles × tools table of a team page, generated from the team's role pages (never written by hand).
 * Contract: `team` from RoleIndex.teamAt(); placed by the layout after the team page's content. Rows are the roles in
 * sidebar order, columns the tools A–Z; the table scrolls sideways inside its own region on narrow screens.
 * Left out of the search index: the role pages themselves are what a search for a tool should find.
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
    <div class="team-matrix" data-pagefind-ignore="all">
      <h2 id="team-matrix-title">Tools by role</h2>
      <p class="team-matrix-note">
        Generated from the Tools sections of the {team.team.title}'s role pages: {team.roles.length} role
        {team.roles.length === 1 ? "" : "s"}, {team.tools.length} tool{team.tools.length === 1 ? "" : "s"}.
      </p>
      <section class="matrix-scroll" aria-labelledby="team-matrix-caption" tabindex={0}>
        <table class="matrix">
          <caption id="team-matrix-caption" class="visually-hidden">Tools each {team.team.title} role lists</caption>
          <thead>
            <tr>
              <th scope="col" class="matrix-corner">
                Role
              </th>
              {team.tools.map((tool) => (
                <th scope="col" class="matrix-tool">
                  <MaybeLink url={toolUrl(tool)} href={href}>
                    {tool}
                  </MaybeLink>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {team.roles.map((role) => (
              <tr>
                <th scope="row" class="matrix-role">
                  <a href={href(role.url)}>{role.title}</a>
                </th>
                {team.tools.map((tool) =>
                  role.tools.includes(tool) ? (
                    <td class="matrix-yes">
                      <span aria-hidden="true">●</span>
                      <span class="visually-hidden">Yes</span>
                    </td>
                  ) : (
                    <td class="matrix-no">
                      <span class="visually-hidden">No</span>
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function MaybeLink({ url, href, children }: { url: string | undefined; href: (url: string) => string; children: string }) {
  return url ? <a href={href(url)}>{children}</a> : <span>{children}</span>;
}
