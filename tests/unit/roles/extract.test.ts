import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { parseSource, type SourcePage } from "../../../src/content/page.ts";
import { isSentence, namesOfItem, readRole, unknownNamesLine } from "../../../src/roles/extract.ts";
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
  test("the owner's page: its four tools, the skills its three sentences name, its responsibilities and practice groups", () => {
    const owner = page("teams/dev-team/ai-engineer.md", fs.readFileSync(OWNER, "utf8"));
    const result = read(owner);
    assert.ok(result);
    assert.deepEqual(result.unknown, []);
    const { role: r } = result;
    assert.equal(r.title, "AI (Artificial Intelligence) Engineer");
    // TensorFlow and PyTorch, named in a Skills sentence, are tools: listed once, among the tools.
    assert.deepEqual(r.tools, ["TensorFlow", "PyTorch", "Jupyter Notebook", "MLflow"]);
    assert.deepEqual(r.skills, ["Python", "R", "Machine Learning", "Data Preprocessing", "Feature Engineering", "Model Evaluation"]);
    assert.deepEqual(r.notes, []);
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

  test("a tool listed under Skills is one of the role's tools, and a skill under Tools one of its skills", () => {
    const r = read(role("## Skills\n\n- Postgres\n\n## Tools\n\n- Python\n"), catalog)!;
    assert.deepEqual(r.unknown, []);
    assert.deepEqual(r.role.tools, ["PostgreSQL"]);
    assert.deepEqual(r.role.skills, ["Python"]);
  });

  test("a name that is both a tool and a skill goes to the list of the section it is in", () => {
    const both = catalogOf({ tools: { Kubernetes: ["k8s"] }, skills: ["Kubernetes"] });
    const r = read(role("## Skills\n\n- **Kubernetes**: operates clusters.\n\n## Tools\n\n- k8s\n"), both)!.role;
    assert.deepEqual([r.skills, r.tools], [["Kubernetes"], ["Kubernetes"]]);
  });

  test("the summary line counts the sentences that name nothing known, after the unknown names", () => {
    const line = unknownNamesLine([
      { kind: "tool", name: "Foo", file: "a.md", line: 3 },
      { kind: "skill", name: "A strong sense of ownership and of pride in the quality of work delivered to customers", file: "b.md", line: 4, sentence: true },
    ]);
    assert.equal(
      line,
      `1 name not in _data/names.json (kept as written): tool "Foo" (a.md:3); 1 sentence names nothing in it (kept as text, no page): skill "A strong sense of ownership and of pride in the quality of…" (b.md:4)`,
    );
    assert.equal(
      unknownNamesLine([{ kind: "skill", name: "Works well with others", file: "b.md", line: 4, sentence: true }]),
      `1 sentence names nothing in _data/names.json (kept as text, no page): skill "Works well with others" (b.md:4)`,
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
    assert.equal(NAMES.lookup("Tensorflow")?.name, "TensorFlow");
    assert.equal(NAMES.lookup("K8S")?.name, "Kubernetes");
    assert.equal(NAMES.lookup("swagger")?.name, "OpenAPI");
    assert.deepEqual(NAMES.lookup("ci/cd"), { name: "CI/CD", kinds: ["skill"] });
    assert.deepEqual(NAMES.lookup("Kubernetes")?.kinds, ["tool", "skill"]);
    assert.equal(NAMES.lookup("Nonexistent Tool"), undefined);
    // Spellings that differ only in case are one alias.
    assert.deepEqual(NAMES.aliasesOf("Kubernetes"), ["k8s"]);
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

describe("names inside sentences", () => {
  const catalog = catalogOf({
    tools: { TensorFlow: ["Tensorflow"], Kubernetes: ["k8s"], React: [], "React Native": [], Linear: [], Go: [], "Next.js": [], "CI Runner": [] },
    skills: ["Python", "R", "Machine Learning", "CI/CD", "Go"],
  });
  const found = (text: string) => catalog.find(text).map((m) => text.slice(m.start, m.end) + "=" + m.name);

  test("every known name and alias a text mentions, as whole words, ignoring case, left to right", () => {
    assert.deepEqual(found("Proficiency in python, tensorflow and K8S for CI/CD."), [
      "python=Python",
      "tensorflow=TensorFlow",
      "K8S=Kubernetes",
      "CI/CD=CI/CD",
    ]);
    assert.deepEqual(found("Pythonic code, ReactJS, subReact"), []);
  });

  test("the longest name wins where two start at the same word", () => {
    assert.deepEqual(found("Ships React Native and React apps"), ["React Native=React Native", "React=React"]);
    assert.deepEqual(found("machine   learning"), ["machine   learning=Machine Learning"]);
  });

  test("names of one or two letters, and tools named by an ordinary word, only with their capitals", () => {
    assert.deepEqual(found("Python and R; Go services; tracks work in Linear"), ["Python=Python", "R=R", "Go=Go", "Linear=Linear"]);
    assert.deepEqual(found("a linear model, r values, ready to go live"), []);
  });

  test("a hyphen or a dot joins words: go-to-market, R-squared and Next.js are not Go, R and Next", () => {
    assert.deepEqual(found("Go-to-market and R-squared, built on Next.js"), ["Next.js=Next.js"]);
  });

  test("an item that reads as a sentence gives the names it mentions; one naming nothing is the role's text", () => {
    const result = read(
      role(
        "## Skills\n\n- Proficiency in programming languages such as Python and R.\n- A strong sense of ownership for the work.\n\n## Tools\n\n- Frobnicator\n- Tensorflow (for training)\n",
      ),
      catalog,
    )!;
    assert.deepEqual(result.role.skills, ["Python", "R"]);
    assert.deepEqual(result.role.tools, ["Frobnicator", "TensorFlow"]);
    assert.deepEqual(result.role.notes, [{ kind: "skill", text: "A strong sense of ownership for the work" }]);
    assert.deepEqual(
      result.unknown.map((u) => [u.kind, u.name, u.line, u.sentence ?? false]),
      [
        ["skill", "A strong sense of ownership for the work", 7, true],
        ["tool", "Frobnicator", 11, false],
      ],
    );
  });

  test("a bold lead-in is the name, unless it reads as a sentence itself", () => {
    const r = read(role("## Skills\n\n- **Frobnication**: the art.\n- **Strong Python and machine learning background**: yes.\n\n## Tools\n\n- Go\n"), catalog)!.role;
    assert.deepEqual(r.skills, ["Frobnication", "Python", "Machine Learning"]);
  });

  test("every known name an item mentions is recorded for the page's links, lead-ins and descriptions alike", () => {
    const r = read(role("## Skills\n\n- **Python**: trains models with TensorFlow.\n\n## Tools\n\n- k8s\n"), catalog)!.role;
    assert.deepEqual(r.skills, ["Python"]);
    assert.deepEqual(r.mentioned, ["Python", "TensorFlow", "Kubernetes"]);
  });

  test("no page is ever named by a whole sentence: a sentence either names something or is kept as text", () => {
    for (const text of ["Knowledge of data preprocessing, feature engineering, and model evaluation", "Excellent written and verbal communication skills"]) {
      assert.equal(isSentence(text), true, text);
      const item = { source: text, text, lead: undefined, line: 1 };
      const reading = namesOfItem(item, "skill", catalog);
      assert.ok("note" in reading && reading.names.length === 0, JSON.stringify(reading));
    }
    assert.equal(isSentence("Jupyter Notebook"), false);
  });
});
