// Content is data: whatever a pull request puts in the content folder, Eleventy reads none of it as code or as data.
// Each case plants a file that would leave a mark (a file written by its code, or a page written outside the output
// folder) if anything ran or obeyed it.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { buildInto, copyFixture, tempDir } from "../helpers/site.ts";

describe("a content folder with Eleventy's code and data files in it", () => {
  const marks = tempDir("handbook-marks-");
  const mark = (name: string) => path.join(marks, name);
  const writesMark = (name: string) => `require("node:fs").writeFileSync(${JSON.stringify(mark(name))}, "ran");`;
  const writesMarkEsm = (name: string) => `import fs from "node:fs"; fs.writeFileSync(${JSON.stringify(mark(name))}, "ran");`;
  let outDir = "";
  let code: number | null = null;
  let output = "";

  before(async () => {
    const content = copyFixture("basic");
    const put = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(content, rel)), { recursive: true });
      fs.writeFileSync(path.join(content, rel), text);
    };
    put("evil.11ty.js", `${writesMarkEsm("11ty.js")}\nexport default () => "page from code";\n`);
    put("evil-esm.11ty.mjs", `${writesMarkEsm("11ty.mjs")}\nexport default () => "page from code";\n`);
    put("evil-cjs.11ty.cjs", `${writesMark("11ty.cjs")}\nmodule.exports = () => "page from code";\n`);
    put("teams/teams.11tydata.js", `${writesMarkEsm("11tydata.js")}\nexport default { title: "Owned" };\n`);
    put("teams/dev-team/dev-team.11tydata.cjs", `${writesMark("11tydata.cjs")}\nmodule.exports = {};\n`);
    // Directory and template data files in JSON: Eleventy would merge them into every page of the folder.
    const outside = mark("outside");
    put("teams/design/design.json", JSON.stringify({ permalinkBypassOutputDir: true, permalink: `${outside}/index.html` }));
    put("teams/design/product-designer.11tydata.json", JSON.stringify({ permalinkBypassOutputDir: true, permalink: `${outside}/pd.html` }));
    // Other template languages Eleventy knows.
    put("other.njk", "{{ 7 * 7 }}");
    put("other.liquid", "{{ 7 | times: 7 }}");
    put("other.html", "<p>html</p>");
    const result = await buildInto(content, ["--no-search"]);
    ({ code, outDir } = result);
    output = result.stdout + result.stderr;
  });

  test("the build succeeds, and none of the files' code ran", () => {
    assert.equal(code, 0, output);
    assert.deepEqual(fs.readdirSync(marks).sort(), []);
  });

  test("no page is written outside the output folder, and the folder's pages keep their own URLs", () => {
    assert.equal(fs.existsSync(mark("outside")), false);
    assert.ok(fs.existsSync(path.join(outDir, "teams/design/index.html")));
    assert.ok(fs.existsSync(path.join(outDir, "teams/design/product-designer/index.html")));
  });

  test("files that are neither Markdown pages nor images are not published", () => {
    const planted = /(^|\/)(other\.\w+|evil[\w-]*\.11ty\.\w+|evil[\w-]*\/index\.html|design\.json|[\w-]+\.11tydata\.\w+)$/;
    const published = (fs.readdirSync(outDir, { recursive: true }) as string[]).filter((f) => planted.test(f));
    assert.deepEqual(published, []);
    assert.equal(fs.existsSync(path.join(outDir, "evil/index.html")), false);
    assert.equal(fs.existsSync(path.join(outDir, "evil-esm/index.html")), false);
  });
});

describe("an output folder the build must not replace", () => {
  test("--output set to the content folder stops the build with a clear error, and the content is kept", async () => {
    const content = copyFixture("basic");
    const before = fs.readdirSync(content, { recursive: true }).length;
    const result = await buildInto(content, ["--no-search", "--output", content]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /--output .* is the content folder or holds it/);
    assert.equal(fs.readdirSync(content, { recursive: true }).length, before);
  });

  test("a folder of someone else's files is kept unless --force says to replace it", async () => {
    const content = copyFixture("basic");
    const docs = path.join(tempDir(), "docs");
    fs.mkdirSync(docs);
    fs.writeFileSync(path.join(docs, "thesis.pdf"), "mine");
    const refused = await buildInto(content, ["--no-search", "--output", docs]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /holds files the build did not write/);
    assert.ok(fs.existsSync(path.join(docs, "thesis.pdf")));
    const forced = await buildInto(content, ["--no-search", "--output", docs, "--force"]);
    assert.equal(forced.code, 0, forced.stderr);
    assert.ok(fs.existsSync(path.join(docs, "teams/index.html")));
  });
});
