// Related roles: for each role, the roles that share the most names (tools and skills) with it. Computed once per
// build from an inverted index (name → roles), so the work is the sum over names of (roles listing it) × (roles
// listing it), bounded by leaving out names nearly every role lists.
import { compareStrings } from "../shared/diagnostics.ts";
import type { RelatedRole, Role } from "./role.ts";

/** How many related roles a role page shows. */
export const RELATED_ROLES = 5;

/**
 * A name listed by more roles than this says little about which roles are alike (on a 10,000-page handbook a tool
 * can have a thousand roles), and counting it would make the work grow with the square of the roles: it is left out.
 */
export const COMMON_NAME_ROLES = 200;

/**
 * Each role's related roles: most names shared first, then roles of the same team, then the order given (teams in
 * sidebar order). Roles sharing no name are not related. `roles` in sidebar order, grouped by team.
 */
export function relatedRoles(roles: readonly Role[]): Map<Role, RelatedRole[]> {
  const namesOf = roles.map((r) => [...new Set([...r.tools, ...r.skills])]);
  const listing = new Map<string, number[]>();
  namesOf.forEach((names, i) => {
    for (const name of names) {
      const list = listing.get(name);
      if (list) list.push(i);
      else listing.set(name, [i]);
    }
  });
  const counts = new Int32Array(roles.length);
  const result = new Map<Role, RelatedRole[]>();
  roles.forEach((role, i) => {
    const touched: number[] = [];
    for (const name of namesOf[i]!) {
      const list = listing.get(name)!;
      if (list.length > COMMON_NAME_ROLES) continue;
      for (const j of list) {
        if (j === i) continue;
        if (counts[j] === 0) touched.push(j);
        counts[j]!++;
      }
    }
    const sameTeam = (j: number) => (roles[j]!.team !== undefined && roles[j]!.team?.url === role.team?.url ? 0 : 1);
    touched.sort((a, b) => counts[b]! - counts[a]! || sameTeam(a) - sameTeam(b) || a - b);
    const best = touched.slice(0, RELATED_ROLES);
    const mine = new Set(namesOf[i]);
    result.set(
      role,
      best.map((j) => ({
        role: roles[j]!,
        shared: namesOf[j]!.filter((n) => mine.has(n)).sort((a, b) => compareStrings(a.toLowerCase(), b.toLowerCase()) || compareStrings(a, b)),
      })),
    );
    for (const j of touched) counts[j] = 0;
  });
  return result;
}
