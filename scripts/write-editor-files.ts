// Writes the front-matter JSON Schema and the editor snippets generated from src/content/schema.ts (npm run schema).
// tests/unit/content/editor-files.test.ts fails when the committed files and the schema disagree.
import fs from "node:fs";
import path from "node:path";
import { editorFiles } from "../src/content/editor-files.ts";

const projectDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
for (const [rel, text] of editorFiles()) {
  const file = path.join(projectDir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const changed = !fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text;
  if (changed) fs.writeFileSync(file, text);
  console.log(`${changed ? "Wrote" : "Unchanged"} ${rel}`);
}
