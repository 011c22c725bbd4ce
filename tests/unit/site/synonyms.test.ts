import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { formatDiagnostic } from "../../../src/shared/diagnostics.ts";
import { loadSynonyms, synonymProblems, synonymTable } from "../../../src/site/synonyms.ts";
import { buildSiteModel } from "../../../src/site/model.ts";
import { validateContent } from "../../../src/site/validate.ts";
import { projectDir, tempDir } from "../../helpers/site.ts";

const table = synonymTable([
  { word: "vacation", targets: ["time off", "PTO"], line: 3, column: 17 },
  { word: "laptop", targets: ["equipment"], line: 4, column: 15 },
]);

describe("search synonyms", () => {
  test("a page that uses a word gets the reader's word, weighted as the place it stands: title, heading or text", () => {
    assert.deepEqual(table.wordsFor("Time Off", "Take time off.\n"), [{ word: "vacation", weight: 7, count: 2 }]);
    assert.deepEqual(table.wordsFor("Benefits", "## Equipment\n\nYour equipment.\n### PTO\n"), [
      { word: "laptop", weight: 6, count: 2 },
      { word: "vacation", weight: 5, count: 1 },
    ]);
    assert.deepEqual(table.wordsFor("Notes", "Our PTO, pto and\ntime   off policy: PTO PTO PTO PTO.\n"), [{ word: "vacation", weight: 1, count: 5 }]);
    assert.deepEqual(table.wordsFor("Notes", "Timeoff, PTOs and equipmentless.\n"), []);
  });

  test("every word a synonym leads to is on some page; one that is not is a warning at its entry", () => {
    const pages = [{ title: "Time Off", body: "Take time off." }];
    assert.deepEqual(
      synonymProblems(table, "/repo/_data/synonyms.json", pages).map((d) => formatDiagnostic(d, "/repo")),
      [
        `_data/synonyms.json:3:17 warning synonym "vacation" leads to "PTO", which no page uses; use a word the pages use, or remove it`,
        `_data/synonyms.json:4:15 warning synonym "laptop" leads to "equipment", which no page uses; use a word the pages use, or remove it`,
      ],
    );
    assert.deepEqual(synonymProblems(table, "x", [...pages, { title: "Kit", body: "PTO and equipment" }]), []);
  });

  test("a synonyms file that is not JSON, or has the wrong shape, is an error at its line", () => {
    const dir = tempDir();
    const file = path.join(dir, "synonyms.json");
    fs.writeFileSync(file, `{\n  "synonyms": {\n    "vacation": ["time off",\n  }\n}\n`);
    const broken = loadSynonyms(file).diagnostics.map((d) => formatDiagnostic(d, dir));
    assert.equal(broken.length, 1);
    assert.match(broken[0]!, /^synonyms\.json:\d+:\d+ error /);
    fs.writeFileSync(file, `{\n  "synonyms": {\n    "vacation": ["time off"],\n    "laptop": []\n  }\n}\n`);
    assert.deepEqual(loadSynonyms(file).diagnostics.map((d) => formatDiagnostic(d, dir)), [
      `synonyms.json:4:15 error synonyms file: synonyms.laptop too small: expected array to have >=1 items; "synonyms" maps each word readers search for to a list of the handbook's words`,
    ]);
    assert.deepEqual(loadSynonyms(path.join(dir, "missing.json")).diagnostics, []);
  });

  test("the checker reads the handbook's own synonyms file, and no other content folder gets it", () => {
    const own = buildSiteModel({ contentDir: path.join(projectDir, "content"), settingsFile: path.join(projectDir, "_data", "site.json") });
    assert.equal(own.synonyms?.file, path.join(projectDir, "_data", "synonyms.json"));
    assert.deepEqual(validateContent(own).filter((d) => d.file === own.synonyms?.file), []);
    const other = buildSiteModel({ contentDir: path.join(projectDir, "tests", "fixtures", "roles"), settingsFile: path.join(projectDir, "_data", "site.json") });
    assert.equal(other.synonyms, undefined);
  });
});
