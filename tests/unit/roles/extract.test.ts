import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { parseSource, type SourcePage } from "../../../src/content/page.ts";
import { readRole, unknownNamesLine } from "../../../src/roles/extract.ts";
import { catalogOf, EMPTY_CATALOG, type NameCatalog } from "../../../src/roles/names.ts";
import { sectionsOf } from "../../../src/roles/sections.ts";
import { loadNames } from "../../../src/site/names.ts";
import { checkingMarkdown, parseTokens } from "../../../src/site/page-reading.ts";
import { settingsSchema } from "../../../src/config/settings.ts";
import { projectDir, tempDir } from "../../helpers/site.ts";

const OWNER = path.join(projectDir, "content/teams/dev-team/ai-engineer.md");
const NAMES = loadNames(path.join(projectDir, "_data/names.json")).catalog;

/** A page at /site/content/<relPath>. */
const page = (relPath: string, text: string): SourcePage => {
  const parsed = parseSource(`/site/content/${relPath}`, relPath, text);
  assert.ok(parsed.page, JSON.stringify(parsed.diagnostics));
  return parsed.page;
};

/** What the roles core reads from one page, parsed as the model parses it. */
const read = (source: SourcePage, catalog: NameCatalog = NAMES) => {
  const tokens = parseTokens(checkingMarkdown(settingsSchema.parse({}), "/site/content"), source);
  return readRole(source, tokens, sectionsOf(tokens, source), catalog);
};

const role = (body: string, frontMatter = "title: Role") => page("teams/x/role.md", `---\n${frontMatter}\n---\n${body}`);

describe("reading a role page", () => {
  test("the owner's page: its four tools, its three skills as sentences, its responsibilities and practice groups", () => {
    const owner = page("teams/dev-team/ai-engineer.md", fs.readFileSync(OWNER, "utf8"));
    const result = read(owner);
    assert.ok(result);
    assert.deepEqual(result.unknown, []);
    const { role: r } = result;
    assert.equal(r.title, "AI (Artificial Intelligence) Engineer");
    assert.deepEqual(r.tools, ["TensorFlow", "PyTorch", "Jupyter Notebook", "MLflow"]);
    assert.deepEqual(r.skills, [
      "Proficiency in programming languages such as Python and R",
      "Experience with machine learning frameworks like TensorFlow and PyTorch",
      "Knowledge of data preprocessing, feature engineering, and model evaluation",
    ]);
    assert.deepEqual(r.responsibilities, [
      "Develop and implement machine learning models and algorithms.",
      "Optimize AI solutions for performance and scalability.",
      "Collaborate with data scientists and engineers for data pipelines and integration.",
    ]);
    assert.deepEqual(
      r.practices.map((g) => [g.heading, g.items.length]),
      [
        ["Machine Learning Model Development", 6],
        ["Deployment and Integration", 5],
        ["Ethical Considerations", 4],
      ],
    );
    assert.equal(
      r.practices[0]!.items[0],
      "Data Preparation: Clean and preprocess data to ensure quality and consistency for training.",
    );
  });

  test("a bold lead-in is the name; the rest of the item is its description", () => {
    const r = read(
      role(
        "## Skills\n\n- **Python**: writes typed code.\n- **SQL:** reads query plans.\n\n## Tools\n\n- **Airflow**: orchestrates the DAGs.\n- Snowflake\n",
      ),
    )!.role;
    assert.deepEqual(r.skills, ["Python", "SQL"]);
    assert.deepEqual(r.tools, ["Airflow", "Snowflake"]);
  });

  test("plain text of an item: code marks, emphasis and link targets dropped", () => {
    const r = read(
      role("## Role and Responsibilities\n\n- Run `dbt` builds and *review* [pull requests](../x.md).\n\n## Skills\n\n- a\n\n## Tools\n\n- b\n"),
      EMPTY_CATALOG,
    )!.role;
    assert.deepEqual(r.responsibilities, ["Run dbt builds and review pull requests."]);
  });

  test("items under ### headings of Skills or Tools are not names; nested items are not names", () => {
    const r = read(role("## Skills\n\n- a\n  - nested\n\n### More\n\n- not a skill\n\n## Tools\n\n- b\n"), EMPTY_CATALOG)!.role;
    assert.deepEqual(r.skills, ["a"]);
  });

  test("kind: role makes a role page without the sections; kind: other keeps one with them out", () => {
    assert.ok(read(role("# Lead\n\nProse only.\n", "title: Lead\nkind: role")));
    assert.equal(read(role("## Skills\n\n- a\n\n## Tools\n\n- b\n", "title: X\nkind: guide")), undefined);
    assert.equal(read(role("# Notes\n\n- a list\n")), undefined);
  });

  test("a role page without a title takes its first # heading as its title", () => {
    const r = read(page("r.md", "---\nlayout: default\n---\n# Data Steward\n\n## Skills\n\n- a\n\n## Tools\n\n- b\n"), EMPTY_CATALOG)!.role;
    assert.equal(r.title, "Data Steward");
  });
});

describe("normalising names against the names file", () => {
  const catalog = catalogOf({
    tools: { TensorFlow: ["Tensorflow"], PostgreSQL: ["Postgres", "postgres"], "Jupyter Notebook": ["Jupyter Notebooks"] },
    skills: ["API Design", "Python"],
  });

  test("aliases and other cases become the canonical name, for tools and skills", () => {
    const r = read(
      role("## Skills\n\n- **api design**: x\n- PYTHON\n\n## Tools\n\n- Tensorflow\n- **POSTGRES**: x\n- jupyter  notebooks\n- tensorflow\n"),
      catalog,
    )!;
    assert.deepEqual(r.role.tools, ["TensorFlow", "PostgreSQL", "Jupyter Notebook"]);
    assert.deepEqual(r.role.skills, ["API Design", "Python"]);
    assert.deepEqual(r.unknown, []);
  });

  test("an unknown name is kept as written and reported with its file and line", () => {
    const r = read(role("# R\n\n## Skills\n\n- Python\n\n## Tools\n\n- TensorFlow\n- **Frobnicator 3**: in-house.\n"), catalog)!;
    assert.deepEqual(r.role.tools, ["TensorFlow", "Frobnicator 3"]);
    assert.deepEqual(r.unknown, [{ kind: "tool", name: "Frobnicator 3", file: "/site/content/teams/x/role.md", line: 13 }]);
  });

  test("a skill name is not looked up among tools, nor a tool among skills", () => {
    const r = read(role("## Skills\n\n- Postgres\n\n## Tools\n\n- Python\n"), catalog)!;
    assert.deepEqual(
      r.unknown.map((u) => `${u.kind} ${u.name}`),
      ["skill Postgres", "tool Python"],
    );
  });

  test("the summary line names each unknown name once, where it is first listed", () => {
    const line = unknownNamesLine([
      { kind: "tool", name: "Foo", file: "a.md", line: 3 },
      { kind: "tool", name: "Foo", file: "b.md", line: 9 },
      { kind: "skill", name: "Bar", file: "b.md", line: 4 },
    ]);
    assert.equal(line, `2 names not in _data/names.json (kept as written): tool "Foo" (a.md:3), skill "Bar" (b.md:4)`);
    assert.equal(unknownNamesLine([]), undefined);
  });

  test("the repository's names file: every alias leads to its tool, ignoring case", () => {
    assert.equal(NAMES.canonical("tool", "Tensorflow"), "TensorFlow");
    assert.equal(NAMES.canonical("tool", "K8S"), "Kubernetes");
    assert.equal(NAMES.canonical("tool", "swagger"), "OpenAPI");
    assert.equal(NAMES.canonical("skill", "ci/cd"), "CI/CD");
    assert.equal(NAMES.canonical("tool", "Nonexistent Tool"), undefined);
  });

  test("a names file that is not JSON, or has the wrong shape, is an error on the file", () => {
    const dir = tempDir();
    const broken = path.join(dir, "names.json");
    fs.writeFileSync(broken, "{ tools: ");
    assert.match(loadNames(broken).diagnostics[0]!.message, /^names file is not valid JSON/);
    fs.writeFileSync(broken, JSON.stringify({ tools: { Airflow: "Apache Airflow" } }));
    const [problem] = loadNames(broken).diagnostics;
    assert.equal(problem?.severity, "error");
    assert.match(problem!.message, /^names file: tools\.Airflow /);
    assert.deepEqual(loadNames(path.join(dir, "missing.json")).diagnostics, []);
  });
});

test("the unknown-names line spells out 20 names and counts the rest", () => {
  const many = Array.from({ length: 25 }, (_, i) => ({ kind: "tool" as const, name: `Tool ${i}`, file: "a.md", line: i + 1 }));
  const line = unknownNamesLine(many)!;
  assert.match(line, /^25 names not in _data\/names\.json/);
  assert.equal(line.match(/tool "/g)?.length, 20);
  assert.match(line, /, and 5 more$/);
});
