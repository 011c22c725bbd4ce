import { z } from "zod";

/** The two kinds of name a role page lists. */
export type NameKind = "tool" | "skill";

/**
 * `_data/names.json`: the canonical spelling of every tool (with the other spellings it replaces) and of every
 * skill. One file, read by the build, the checker and the content tests.
 */
export const namesSchema = z
  .object({
    tools: z
      .record(z.string(), z.array(z.string()))
      .default({})
      .describe("Each canonical tool name with the spellings (aliases) that mean it, e.g. \"Tensorflow\"."),
    skills: z.array(z.string()).default([]).describe("Canonical skill names."),
  })
  .loose();

/** The validated contents of `_data/names.json`. */
export type NameData = z.infer<typeof namesSchema>;

/** Looks names up in the data file, ignoring case and runs of spaces. */
export interface NameCatalog {
  /** The canonical spelling of a tool or skill name, or undefined when the data file does not know it. */
  canonical(kind: NameKind, name: string): string | undefined;
}

const fold = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

/** The catalog of a names file; a tool's canonical name and every alias lead to the canonical name. */
export function catalogOf(data: NameData): NameCatalog {
  const tools = new Map<string, string>();
  const skills = new Map<string, string>();
  // Canonical names first, so an alias can never shadow another tool's own name.
  for (const name of Object.keys(data.tools)) if (!tools.has(fold(name))) tools.set(fold(name), name);
  for (const [name, aliases] of Object.entries(data.tools)) {
    for (const alias of aliases) if (!tools.has(fold(alias))) tools.set(fold(alias), name);
  }
  for (const name of data.skills) if (!skills.has(fold(name))) skills.set(fold(name), name);
  return {
    canonical: (kind, name) => (kind === "tool" ? tools : skills).get(fold(name)),
  };
}

/** A catalog that knows no names: every name is kept as written and reported. */
export const EMPTY_CATALOG: NameCatalog = { canonical: () => undefined };
