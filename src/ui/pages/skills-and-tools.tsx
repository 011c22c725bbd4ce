import { renderToString } from "preact-render-to-string";
import { COMPARE, DIRECTORY, DIRECTORY_ANCHORS, letterAnchor, type GeneratedPage } from "../../roles/directory.ts";
import type { NameKind } from "../../roles/names.ts";
import type { NameEntry, Role, RoleIndex, TeamRef } from "../../roles/role-index.ts";
import { CompareRoles } from "./compare-roles.tsx";

/**
 * The pages generated from the role pages: the Skills & Tools directory, the comparison of roles, and a page per name.
 * Contract: `page` is one of RoleIndex.generated; the result is the page's content, which the handbook layout wraps
 * like rendered Markdown (sidebar, breadcrumbs, search data). Every text is escaped by the JSX renderer.
 */
export function renderGeneratedPage(page: GeneratedPage, index: RoleIndex, href: (url: string) => string): string {
  if (page.kind === "directory") return renderToString(<Directory index={index} href={href} />);
  if (page.kind === "compare") return renderToString(<CompareRoles index={index} href={href} />);
  const entry = index.entryAt(page.url);
  if (!entry) throw new Error(`No ${page.kind} "${page.name}" in this build's roles.`);
  const compare = index.generatedAt(COMPARE.url)?.url;
  return renderToString(<NamePage entry={entry} compare={compare} href={href} />);
}

const count = (n: number, [one, many]: readonly [string, string]) => `${n} ${n === 1 ? one : many}`;
const ROLES = ["role", "roles"] as const;
const LETTERS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"];

/**
 * Roles the directory lists under one name; the name's own page lists them all. Bounds the directory as a handbook
 * grows: with every role listed it was 12 MB at 10,000 pages (1,162 roles under Airflow alone).
 */
export const INLINE_ROLES = 20;

/** What kind of name an entry is, for its label: "tool", "skill", or both. */
const kindLabel = (entry: NameEntry) =>
  entry.asTool.length > 0 && entry.asSkill.length > 0 ? "tool and skill" : entry.asTool.length > 0 ? "tool" : "skill";

/**
 * Every tool and every skill, A–Z, each with a count and the roles that list it (and their team), the first 20. A
 * filter box narrows both lists as the reader types (src/client/directory.ts; it is hidden until the script shows it,
 * as without JavaScript the whole list is there); each list has an A–Z bar to its letters.
 */
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
      <div class="directory-filter" data-directory-filter hidden>
        <label for="directory-filter-input">Filter tools and skills</label>
        <input id="directory-filter-input" class="directory-filter-input" type="search" autocomplete="off" spellcheck={false} />
        <p class="directory-filter-status" role="status"></p>
      </div>
      {groups.map((g) => (
        <DirectorySection kind={g.kind} title={g.title} entries={g.entries} href={href} />
      ))}
    </>
  );
}

/** One list of the directory: its A–Z bar, the names under their letters, and "Back to top". */
function DirectorySection({ kind, title, entries, href }: { kind: NameKind; title: string; entries: NameEntry[]; href: (url: string) => string }) {
  const letters = new Map<string, NameEntry[]>();
  for (const entry of entries) {
    const id = letterAnchor(kind, entry.name);
    letters.set(id, [...(letters.get(id) ?? []), entry]);
  }
  const heading = (id: string) => (id.endsWith("-other") ? "#" : id.slice(id.lastIndexOf("-") + 1).toUpperCase());
  return (
    <section class="directory-section" aria-labelledby={DIRECTORY_ANCHORS[kind]}>
      <h2 id={DIRECTORY_ANCHORS[kind]}>{title}</h2>
      <nav class="letter-bar" aria-label={`${title} A–Z`}>
        <ul>
          {/* "#" (names that start with a digit or sign) first, where the list has them. */}
          {[`${DIRECTORY_ANCHORS[kind]}-other`, ...LETTERS.map((l) => `${DIRECTORY_ANCHORS[kind]}-${l.toLowerCase()}`)].map((id) =>
            letters.has(id) ? (
              <li>
                <a href={`#${id}`}>{heading(id)}</a>
              </li>
            ) : id.endsWith("-other") ? null : (
              <li>
                <span aria-disabled="true">{heading(id)}</span>
              </li>
            ),
          )}
        </ul>
      </nav>
      {[...letters].map(([id, list]) => (
        <div class="letter-group" data-letter-group>
          <h3 id={id} class="letter-heading">
            {heading(id)}
          </h3>
          {/* Listed here for browsing; a search for a name finds its own page and the roles instead. */}
          <ul class="name-list" data-pagefind-ignore>
            {list.map((entry) => (
              <DirectoryEntry entry={entry} roles={kind === "tool" ? entry.asTool : entry.asSkill} href={href} />
            ))}
          </ul>
        </div>
      ))}
      <p class="back-to-top">
        <a href="#top">Back to top</a>
      </p>
    </section>
  );
}

function DirectoryEntry({ entry, roles, href }: { entry: NameEntry; roles: Role[]; href: (url: string) => string }) {
  const dual = entry.asTool.length > 0 && entry.asSkill.length > 0;
  return (
    <li class="name-item" data-name={[entry.name, ...entry.aliases].join("\n")}>
      <p class="name-head">
        <a class="name-link" href={href(entry.url)}>
          {entry.name}
        </a>{" "}
        <span class="name-count">
          {count(roles.length, ROLES)}
          {dual && `, ${kindLabel(entry)}`}
        </span>
      </p>
      <ul class="name-roles">
        {roles.slice(0, INLINE_ROLES).map((role) => (
          <li>
            <a href={href(role.url)}>{role.title}</a>
            {role.team && <span class="name-team"> ({role.team.title})</span>}
          </li>
        ))}
        {roles.length > INLINE_ROLES && (
          <li class="name-more">
            <a href={href(entry.url)}>
              {count(roles.length - INLINE_ROLES, ["more role", "more roles"])} on the {entry.name} page
            </a>
          </li>
        )}
      </ul>
    </li>
  );
}

/** A name's page: the roles that use it as a tool and those that need it as a skill, each grouped by team. */
function NamePage({ entry, compare, href }: { entry: NameEntry; compare: string | undefined; href: (url: string) => string }) {
  const lists = [
    { kind: "tool" as const, title: "Used as a tool", roles: entry.asTool },
    { kind: "skill" as const, title: "Needed as a skill", roles: entry.asSkill },
  ].filter((l) => l.roles.length > 0);
  const teams = new Set(entry.roles.flatMap((r) => (r.team ? [r.team.url] : []))).size;
  const lead = `${kindLabel(entry) === "tool and skill" ? "A tool and a skill" : entry.kind === "tool" ? "A tool" : "A skill"} listed by ${count(entry.roles.length, ROLES)}`;
  const known = entry.aliases.length > 0 ? ` Also written ${entry.aliases.map((a) => `“${a}”`).join(", ")}.` : "";
  return (
    <>
      {/* Weighted above a heading that merely mentions the name; role summaries and the note are not indexed (they are
          other pages' words), so a search for the name finds this page first. */}
      <h1 data-pagefind-weight="10">{entry.name}</h1>
      <p class="generated-lead">
        {lead}
        {entry.roles.some((r) => r.team) && ` in ${count(teams, ["team", "teams"])}`}.{known}
      </p>
      {entry.aliases.length > 0 && (
        // The other spellings, weighted as the title is, so a search for "k8s" finds this page first.
        <p hidden data-pagefind-weight="10">
          {entry.aliases.join(" ")}
        </p>
      )}
      {lists.map((list) =>
        lists.length > 1 ? (
          <section class="name-kind-group" aria-labelledby={`as-${list.kind}`}>
            <h2 id={`as-${list.kind}`}>
              {list.title} by {count(list.roles.length, ROLES)}
            </h2>
            <RolesByTeam roles={list.roles} href={href} level={3} label={list.title.toLowerCase()} />
          </section>
        ) : (
          <RolesByTeam roles={list.roles} href={href} level={2} />
        ),
      )}
      <p class="generated-note" data-pagefind-ignore>
        Generated from the Skills and Tools sections of the role pages. See every{" "}
        <a href={href(`${DIRECTORY.url}#${letterAnchor(entry.kind, entry.name)}`)}>{entry.kind} in the directory</a>
        {compare && (
          <>
            , or <a href={href(compare)}>compare two roles</a>
          </>
        )}
        .
      </p>
    </>
  );
}

/** Roles (already in team order) under a heading per team; roles outside the teams come last as their own group. */
function RolesByTeam({ roles, href, level, label }: { roles: readonly Role[]; href: (url: string) => string; level: 2 | 3; label?: string }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <>
      {byTeam(roles).map((g) => (
        // Each group is a landmark: its name says which list it is in when the page has two.
        <section class="name-team-group" aria-label={`${g.team?.title ?? "Other roles"}${label ? `, ${label}` : ""}`}>
          <Heading>{g.team ? <a href={href(g.team.url)}>{g.team.title}</a> : "Other roles"}</Heading>
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
