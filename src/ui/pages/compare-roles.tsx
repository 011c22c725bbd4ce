import { COMPARE, COMPARE_ANCHOR } from "../../roles/directory.ts";
import type { Role, RoleIndex } from "../../roles/role-index.ts";

/** The roles in sidebar order, grouped by team; roles outside the teams last, under "Other roles". */
function groups(index: RoleIndex): Array<{ title: string; roles: Role[] }> {
  const outside = index.roles.filter((r) => !r.team).sort((a, b) => a.title.localeCompare(b.title));
  return [
    ...index.teams.map((t) => ({ title: t.team.title, roles: t.roles })),
    ...(outside.length > 0 ? [{ title: "Other roles", roles: outside }] : []),
  ];
}

/**
 * The comparison of two roles. Contract: `index` is the build's roles. Without JavaScript the page is an index of the
 * roles by team, each with its family's ladder and how many skills and tools it lists. The script
 * (src/client/roles.ts) shows the two pickers (their options are here, so nothing waits for data to draw them),
 * reads /roles.json and draws what the two roles share and what each needs that the other does not; the pair is kept
 * in the address (`?a=…&b=…`, role URLs), so a comparison can be linked.
 */
export function CompareRoles({ index, href }: { index: RoleIndex; href: (url: string) => string }) {
  const teams = groups(index);
  const options = (selected: string | undefined) =>
    teams.map((g) => (
      <optgroup label={g.title}>
        {g.roles.map((r) => (
          <option value={href(r.url)} selected={r.url === selected}>
            {r.title}
          </option>
        ))}
      </optgroup>
    ));
  const first = teams[0]?.roles[0]?.url;
  const second = teams[0]?.roles[1]?.url ?? teams[1]?.roles[0]?.url;
  return (
    <>
      <h1>{COMPARE.title}</h1>
      <p class="generated-lead">
        For planning a move between roles: pick two roles to see the skills and tools both need, and what each needs
        that the other does not. Generated from the Skills and Tools sections of the role pages.
      </p>
      <form class="compare-form" action={href(COMPARE.url)} method="get" data-compare data-roles-src={href("/roles.json")} hidden>
        <p class="compare-field">
          <label for="compare-a">From</label>
          <select id="compare-a" name="a">
            {options(first)}
          </select>
        </p>
        <p class="compare-field">
          <label for="compare-b">To</label>
          <select id="compare-b" name="b">
            {options(second)}
          </select>
        </p>
        <p class="compare-field compare-submit">
          <button type="submit">Compare</button>
        </p>
        <p class="compare-status" role="status"></p>
      </form>
      <div class="compare-result" data-compare-result hidden></div>
      <section class="compare-index" aria-labelledby={COMPARE_ANCHOR}>
        <h2 id={COMPARE_ANCHOR}>Roles to compare</h2>
        <p>
          Every role with its family's career ladder and how many skills and tools it lists. Each role's page has its
          skills and tools, and the roles most like it.
        </p>
        {teams.map((g) => (
          <div class="compare-team">
            <h3>{g.title}</h3>
            <ul class="compare-role-list">
              {g.roles.map((r) => (
                <li>
                  <a href={href(r.url)}>{r.title}</a>
                  <span class="compare-role-facts">
                    {" "}
                    {r.skills.length} skill{r.skills.length === 1 ? "" : "s"}, {r.tools.length} tool{r.tools.length === 1 ? "" : "s"}
                    {r.family && (
                      <>
                        {", "}
                        <a href={href(r.family.ladder.url)}>{r.family.ladder.title}</a>
                      </>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </>
  );
}
