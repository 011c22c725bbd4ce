import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { loadSettings } from "../../../src/config/settings.ts";
import { formatDiagnostic } from "../../../src/shared/diagnostics.ts";
import { tempDir } from "../../helpers/site.ts";

/** Loads settings from a site.json with this text; the problems as people read them. */
function load(text: string) {
  const dir = tempDir();
  const file = path.join(dir, "site.json");
  fs.writeFileSync(file, text);
  const { settings, diagnostics } = loadSettings(file);
  return { settings, problems: diagnostics.map((d) => formatDiagnostic(d, dir)) };
}

describe("_data/site.json", () => {
  test("a missing file gives the defaults, with the path prefix normalised from an override", () => {
    const { settings, diagnostics } = loadSettings(path.join(tempDir(), "none.json"), { pathPrefix: "handbook" });
    assert.deepEqual(diagnostics, []);
    assert.equal(settings.title, "Handbook");
    assert.equal(settings.pathPrefix, "/handbook/");
  });

  test("JSON that does not parse is an error at the line and column where it breaks", () => {
    const { problems } = load('{\n  "title": "Northwind",\n  "footer": "x"\n  "lang": "en"\n}\n');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^site\.json:4:3 error settings are not valid JSON: .*; check the commas and quotes near here$/);
  });

  test("a setting of the wrong kind is an error at that key's own line, naming the setting", () => {
    const { problems, settings } = load('{\n  "title": "Northwind",\n  "repository": {\n    "url": "ftp://example.com/handbook"\n  },\n  "noindex": "yes"\n}\n');
    assert.deepEqual(problems, [
      "site.json:4:12 error setting repository.url: must be the repository's https:// address",
      "site.json:6:14 error setting noindex: Invalid input: expected boolean, received string",
    ]);
    assert.equal(settings.title, "Handbook", "the defaults stand in while the file has errors");
  });
});
