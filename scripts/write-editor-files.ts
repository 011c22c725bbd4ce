// Writes the front-matter JSON Schema and the editor snippets generated from src/content/schema.ts, and the JSON Schema
// of /roles.json from src/roles/roles-json.ts (npm run schema). tests/unit/content/editor-files.test.ts and
// tests/unit/roles/roles-json.test.ts fail when the committed files and the schemas disagree.
import fs from "node:fs";
import path from "node:path";
import { editorFiles } from "../src/content/editor-files.ts";
import { ROLES_SCHEMA_FILE, rolesJsonSchemaFile } from "../src/roles/roles-json.ts";

const projectDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
for (const [rel, text] of [...editorFiles(), [ROLES_SCHEMA_FILE, rolesJsonSchemaFile()] as const]) {
  const file = path.join(projectDir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const changed = !fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text;
  if (changed) fs.writeFileSync(file, text);
  console.log(`${changed ? "Wrote" : "Unchanged"} ${rel}`);
}
