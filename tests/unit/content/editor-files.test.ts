import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { editorFiles, SCHEMA_FILE, SNIPPETS_FILE } from "../../../src/content/editor-files.ts";
import { knownKeys } from "../../../src/content/schema.ts";
import { projectDir } from "../../helpers/site.ts";

test("the committed JSON Schema and editor snippets match the front-matter schema (run npm run schema)", () => {
  for (const [rel, text] of editorFiles()) {
    const file = path.join(projectDir, rel);
    assert.ok(fs.existsSync(file), `${rel} is missing; run npm run schema`);
    assert.equal(fs.readFileSync(file, "utf8"), text, `${rel} is out of date; run npm run schema`);
  }
});

test("the JSON Schema describes every front-matter key with its type", () => {
  const schema = JSON.parse(fs.readFileSync(path.join(projectDir, SCHEMA_FILE), "utf8"));
  assert.deepEqual(Object.keys(schema.properties), [...knownKeys]);
  for (const key of knownKeys) assert.ok(schema.properties[key].description, `${key} has a description`);
  assert.equal(schema.properties.nav_exclude.type, "boolean");
  assert.deepEqual(schema.properties.child_nav_order.enum, ["reversed", "desc"]);
});

test("every front-matter key completes in Markdown files as `key: value`", () => {
  const snippets = JSON.parse(fs.readFileSync(path.join(projectDir, SNIPPETS_FILE), "utf8"));
  for (const key of knownKeys) {
    assert.equal(snippets[key]?.prefix, key);
    assert.equal(snippets[key]?.scope, "markdown");
    assert.ok(snippets[key]?.body.startsWith(`${key}: `), key);
  }
});
