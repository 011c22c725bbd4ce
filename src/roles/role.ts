// A role as the handbook places it: what every part of the roles core shares (the index, ladders, related roles).
import type { RolePage } from "./extract.ts";

/** A team: its page's title and URL. */
export interface TeamRef {
  title: string;
  url: string;
}

/** A role's family: the career ladder of its team (src/roles/ladders.ts). */
export interface FamilyRef {
  /** The ladder's title without " Ladder" ("Engineering"). */
  name: string;
  /** The ladder page's title and URL. */
  ladder: TeamRef;
}

/**
 * A role page with its place in the handbook: what /roles.json and the generated pages show. What the page says
 * (responsibilities, skills, tools, notes, the names it mentions, practices) is as the role page was read.
 */
export interface Role extends Pick<RolePage, "responsibilities" | "skills" | "tools" | "notes" | "mentioned" | "practices"> {
  title: string;
  /** Site URL without the path prefix. */
  url: string;
  /** The team page at or above the role, directly under "Teams"; undefined for a role outside the teams. */
  team: TeamRef | undefined;
  /** The role's family and its ladder; undefined when no ladder names the role's team. */
  family: FamilyRef | undefined;
  /** The front-matter summary, if any. */
  summary: string | undefined;
  /** The page's file. */
  file: string;
}

/** A role like another, and the names they share. */
export interface RelatedRole {
  role: Role;
  /** The names both list, A–Z. */
  shared: string[];
}
