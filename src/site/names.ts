import fs from "node:fs";
import { diagnose, type Diagnostic } from "../shared/diagnostics.ts";
import { catalogOf, EMPTY_CATALOG, namesSchema, type NameCatalog } from "../roles/names.ts";

/** Reads `_data/names.json` into a catalog; a missing file knows no names, a broken one is an error. */
export function loadNames(file: string): { catalog: NameCatalog; diagnostics: Diagnostic[] } {
  if (!fs.existsSync(file)) return { catalog: EMPTY_CATALOG, diagnostics: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    const message = `names file is not valid JSON: ${(error as Error).message}`;
    return { catalog: EMPTY_CATALOG, diagnostics: [diagnose("error", file, 1, message)] };
  }
  const parsed = namesSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map(String).join(".") || "the file";
    const message = `names file: ${where} ${issue.message.toLowerCase()}; "tools" maps each name to a list of aliases, "skills" is a list of names`;
    return { catalog: EMPTY_CATALOG, diagnostics: [diagnose("error", file, 1, message)] };
  }
  return { catalog: catalogOf(parsed.data), diagnostics: [] };
}
