import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { OUTPUT_MARKER, outputFolderProblem, removeLeftStaging, stagingFolder } from "../../../src/cli/output-folder.ts";
import { tempDir } from "../../helpers/site.ts";

// A build replaces its output folder as a whole: these are the folders it must refuse, so it never deletes the
// content, the project, or files someone else put there.

describe("the output folder a build may replace", () => {
  const project = tempDir();
  const content = path.join(project, "content");
  fs.mkdirSync(content);
  const folders = (outputDir: string, force = false) => ({ outputDir, contentDir: content, projectDir: project, force });

  test("a new folder, an empty one, or one an earlier build wrote", () => {
    assert.equal(outputFolderProblem(folders(path.join(project, "_site"))), undefined);
    const empty = path.join(project, "empty");
    fs.mkdirSync(empty);
    assert.equal(outputFolderProblem(folders(empty)), undefined);
    const built = path.join(project, "built");
    fs.mkdirSync(built);
    fs.writeFileSync(path.join(built, OUTPUT_MARKER), "");
    fs.writeFileSync(path.join(built, "index.html"), "");
    assert.equal(outputFolderProblem(folders(built)), undefined);
  });

  test("a folder inside the content folder may be the output (it is left out of the content)", () => {
    assert.equal(outputFolderProblem(folders(path.join(content, "_site"))), undefined);
  });

  test("never the content folder, nor a folder that holds it, even with --force", () => {
    for (const out of [content, project, path.dirname(project), "/"]) {
      const problem = outputFolderProblem(folders(out, true));
      assert.match(problem ?? "", /is the (content|project) folder or holds it; .*choose a folder of its own/, out);
    }
  });

  test("a folder with files the build did not write, unless --force", () => {
    const docs = path.join(project, "docs");
    fs.mkdirSync(docs);
    fs.writeFileSync(path.join(docs, "thesis.pdf"), "mine");
    assert.match(outputFolderProblem(folders(docs)) ?? "", /holds files the build did not write.*add --force/);
    assert.equal(outputFolderProblem(folders(docs, true)), undefined);
  });

  test("a file is not a folder", () => {
    const file = path.join(project, "notes.txt");
    fs.writeFileSync(file, "");
    assert.match(outputFolderProblem(folders(file, true)) ?? "", /is a file, not a folder/);
  });
});

describe("staging folders left by a killed build", () => {
  test("are removed when their process is gone, and kept while it runs", () => {
    const out = path.join(tempDir(), "_site");
    for (const pid of [111, 222]) fs.mkdirSync(stagingFolder(out, pid));
    fs.mkdirSync(`${out}.partial-notapid`);
    const removed = removeLeftStaging(out, (pid) => pid === 222);
    assert.equal(removed, 1);
    assert.deepEqual(fs.readdirSync(path.dirname(out)).sort(), ["_site.partial-222", "_site.partial-notapid"]);
  });
});
