import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { generateHandbook } from "../helpers/generate.ts";
import { INLINE_ROLES } from "../../src/ui/pages/skills-and-tools.tsx";
import { buildInto, copyFixture, fixture, loadPage, runCli, tempDir } from "../helpers/site.ts";

describe("the pages built from the role pages", () => {
  let outDir = "";
  let stdout = "";
  before(async () => {
    const result = await buildInto(fixture("roles"), ["--no-search", "--path-prefix", "/handbook/"]);
    assert.equal(result.code, 0, result.stderr);
    ({ outDir, stdout } = result);
  });

  test("the directory is in the sidebar after the Glossary, and the Home page's links to it resolve", () => {
    const $ = loadPage(outDir, "/skills-and-tools/");
    assert.deepEqual(
      $("#site-nav > ul > li > a").map((_, a) => $(a).text()).get(),
      ["Home", "Teams", "Glossary", "Skills & Tools", "ML Guild Member"],
    );
    assert.equal($('#site-nav a[aria-current="page"]').text(), "Skills & Tools");
    assert.equal($("article h1").text(), "Skills & Tools");
    const home = loadPage(outDir, "/");
    assert.equal(home('article a:contains("every skill and tool")').attr("href"), "/handbook/skills-and-tools/");
  });

  test("the directory lists every tool and every skill A–Z with a count and the roles (linked, with their team)", () => {
    const $ = loadPage(outDir, "/skills-and-tools/");
    const list = (id: string) =>
      $(`#${id}`)
        .closest("section")
        .find(".name-item")
        .map((_, item) => [
          [
            $(item).find(".name-link").text(),
            $(item).find(".name-count").text(),
            $(item)
              .find(".name-roles li")
              .map((_, li) => $(li).text())
              .get()
              .join(" | "),
          ],
        ])
        .get();
    assert.deepEqual(list("tools"), [
      ["Frobnicator", "1 role", "Back-End Engineer (Dev Team)"],
      ["Jupyter Notebook", "1 role", "AI (Artificial Intelligence) Engineer (Dev Team)"],
      ["Kubernetes", "1 role", "Back-End Engineer (Dev Team)"],
      ["MLflow", "2 roles", "AI (Artificial Intelligence) Engineer (Dev Team) | Data Scientist (Data Team)"],
      ["PostgreSQL", "1 role", "Back-End Engineer (Dev Team)"],
      ["PyTorch", "3 roles", "AI (Artificial Intelligence) Engineer (Dev Team) | Data Scientist (Data Team) | ML Guild Member"],
      ["Q&A <Board>", "1 role", "Back-End Engineer (Dev Team)"],
      ["scikit-learn", "1 role", "Data Scientist (Data Team)"],
      ["TensorFlow", "1 role", "AI (Artificial Intelligence) Engineer (Dev Team)"],
    ]);
    assert.deepEqual(
      list("skills").map(([name, count]) => `${name}: ${count}`),
      // The owner's skills are sentences: the skills they name are listed, never the sentences.
      [
        "API Design: 1 role",
        "Data Preprocessing: 1 role",
        "Feature Engineering: 1 role",
        "Machine Learning: 1 role",
        "Model Evaluation: 1 role",
        "Python: 4 roles",
        "R: 1 role",
        "Statistics: 1 role",
      ],
    );
    const pytorch = $(".name-link")
      .filter((_, a) => $(a).text() === "PyTorch")
      .closest(".name-item");
    assert.equal(pytorch.find(".name-link").attr("href"), "/handbook/tools/pytorch/");
    assert.deepEqual(
      pytorch.find(".name-roles a").map((_, a) => $(a).attr("href")).get(),
      ["/handbook/teams/dev-team/ai-engineer/", "/handbook/teams/data/data-scientist/", "/handbook/guilds/ml-guild-member/"],
    );
  });

  test("a name with markup in it is shown as text, never as HTML", () => {
    const html = fs.readFileSync(path.join(outDir, "skills-and-tools/index.html"), "utf8");
    assert.ok(html.includes("Q&amp;A &lt;Board"));
    assert.ok(!html.includes("<Board>"));
    const $ = loadPage(outDir, "/tools/qa-board/");
    assert.equal($("article h1").text(), "Q&A <Board>");
    assert.equal($("title").text().startsWith("Q&A <Board> – "), true);
  });

  test("the PyTorch page lists the roles that use it, grouped by team, with breadcrumbs to the directory", () => {
    const $ = loadPage(outDir, "/tools/pytorch/");
    assert.equal($("article h1").text(), "PyTorch");
    assert.equal($(".generated-lead").text(), "A tool listed by 3 roles in 2 teams.");
    assert.deepEqual(
      $("nav.breadcrumbs li").map((_, li) => $(li).text()).get(),
      ["Skills & Tools", "PyTorch"],
    );
    assert.deepEqual(
      $(".name-team-group")
        .map((_, g) => [[$(g).find("h2").text(), $(g).find(".name-role-list > li > a").map((_, a) => $(a).text()).get()]])
        .get(),
      [
        ["Dev Team", ["AI (Artificial Intelligence) Engineer"]],
        ["Data Team", ["Data Scientist"]],
        ["Other roles", ["ML Guild Member"]],
      ],
    );
    assert.equal($('.name-team-group h2 a:contains("Data Team")').attr("href"), "/handbook/teams/data/");
    // Tool pages are out of the sidebar; the page is still found by search (it has a search body).
    assert.equal($('#site-nav a:contains("PyTorch")').length, 0);
    assert.equal($("article[data-pagefind-body]").length, 1);
    assert.equal($('[data-pagefind-filter="tool"]').text(), "PyTorch");
  });

  test("a skill page: /skills/<slug>/", () => {
    const $ = loadPage(outDir, "/skills/python/");
    assert.equal($("article h1").text(), "Python");
    assert.equal($(".generated-lead").text(), "A skill listed by 4 roles in 2 teams.");
  });

  test("each team page carries its tools, one row per tool with the roles that list it, listed in On this page", () => {
    const $ = loadPage(outDir, "/teams/dev-team/");
    const section = $("section.team-matrix");
    assert.equal(section.find("h2").attr("id"), "team-tools");
    assert.equal(section.find("h2").text(), "Tools and the roles that use them");
    const table = section.find("table");
    assert.deepEqual(
      table.find('thead th[scope="col"]').map((_, th) => $(th).text()).get(),
      ["Tool", "Roles"],
    );
    const rows = table
      .find("tbody tr")
      .map((_, tr) => [[$(tr).find('th[scope="row"]').text(), $(tr).find("td li").map((_, li) => $(li).text()).get().join(" | ")]])
      .get();
    assert.deepEqual(rows, [
      ["Frobnicator", "Back-End Engineer"],
      ["Jupyter Notebook", "AI (Artificial Intelligence) Engineer"],
      ["Kubernetes", "Back-End Engineer"],
      ["MLflow", "AI (Artificial Intelligence) Engineer"],
      ["PostgreSQL", "Back-End Engineer"],
      ["PyTorch", "AI (Artificial Intelligence) Engineer"],
      ["Q&A <Board>", "Back-End Engineer"],
      ["TensorFlow", "AI (Artificial Intelligence) Engineer"],
    ]);
    assert.equal(table.find('th a:contains("PyTorch")').attr("href"), "/handbook/tools/pytorch/");
    assert.equal(table.find('td a:contains("Back-End Engineer")').first().attr("href"), "/handbook/teams/dev-team/back-end-engineer/");
    // Comes after the team page's own content, and is the last entry of "On this page" when the page has one.
    assert.ok($("article").html()!.indexOf("The people who build the product.") < $("article").html()!.indexOf("team-matrix"));
    const ai = loadPage(outDir, "/teams/dev-team/ai-engineer/");
    assert.deepEqual(ai("nav.toc-aside .toc-link").map((_, a) => ai(a).attr("href")).get().slice(-1), ["#related-roles"]);
    // A page that is not a team page has none.
    assert.equal(loadPage(outDir, "/teams/").root().find(".team-matrix").length, 0);
    assert.equal(loadPage(outDir, "/teams/dev-team/back-end-engineer/").root().find(".team-matrix").length, 0);
  });

  test("/roles.json holds every role with the documented fields, URLs with the path prefix, in URL order", () => {
    const json = JSON.parse(fs.readFileSync(path.join(outDir, "roles.json"), "utf8")) as {
      roles: Array<Record<string, unknown>>;
    };
    assert.deepEqual(Object.keys(json), ["roles", "ladders"]);
    assert.deepEqual(
      json.roles.map((r) => r.url),
      [
        "/handbook/guilds/ml-guild-member/",
        "/handbook/teams/data/data-scientist/",
        "/handbook/teams/dev-team/ai-engineer/",
        "/handbook/teams/dev-team/back-end-engineer/",
      ],
    );
    assert.deepEqual(json.roles[1], {
      title: "Data Scientist",
      url: "/handbook/teams/data/data-scientist/",
      team: "Data Team",
      family: null,
      ladder: null,
      responsibilities: ["Build and evaluate the forecasting models."],
      skills: ["Python", "Statistics"],
      tools: ["PyTorch", "scikit-learn", "MLflow"],
      names: [
        { name: "Python", kind: "skill", url: "/handbook/skills/python/" },
        { name: "Statistics", kind: "skill", url: "/handbook/skills/statistics/" },
        { name: "PyTorch", kind: "tool", url: "/handbook/tools/pytorch/" },
        { name: "scikit-learn", kind: "tool", url: "/handbook/tools/scikit-learn/" },
        { name: "MLflow", kind: "tool", url: "/handbook/tools/mlflow/" },
      ],
      notes: [],
    });
    // The owner's page: Python and R among its skills, its four tools.
    assert.deepEqual(json.roles[2]!.tools, ["TensorFlow", "PyTorch", "Jupyter Notebook", "MLflow"]);
    assert.deepEqual(json.roles[2]!.skills, ["Python", "R", "Machine Learning", "Data Preprocessing", "Feature Engineering", "Model Evaluation"]);
    assert.equal(json.roles[0]!.team, null);
  });

  test("the build summary counts the roles and lists, on one line, the names the names file does not know", () => {
    assert.match(stdout, /^Roles: 4 role pages list 9 tools and 8 skills$/m);
    assert.match(
      stdout,
      /^2 names not in _data\/names\.json \(kept as written\): tool "Frobnicator" \(\S*back-end-engineer\.md:24\), tool "Q&A <Board>" \(\S*back-end-engineer\.md:25\)$/m,
    );
  });
});

describe("generated pages and the content checks", () => {
  test("a link to a missing anchor of the directory is an error with file:line; a page at a generated URL too", async () => {
    const dir = copyFixture("roles");
    fs.appendFileSync(path.join(dir, "index.md"), "\nSee [the list](/skills-and-tools/#toolz).\n");
    fs.writeFileSync(path.join(dir, "notes.md"), "---\ntitle: Notes\npermalink: /tools/pytorch/\n---\n\n# Notes\n");
    const result = await runCli(["check", "--content", dir]);
    assert.equal(result.code, 1);
    const lines = result.stderr.trim().split("\n").map((l) => l.slice(l.indexOf(path.basename(dir))));
    assert.deepEqual(lines, [
      `roles/index.md:10:16 error anchor "#toolz" matches no heading on /skills-and-tools/ (did you mean "#tools"?)`,
      `roles/notes.md:3:12 error URL "/tools/pytorch/" is where the generated page of the tool "PyTorch" goes; change this page's permalink or file name`,
    ]);
  });
});

describe("the directory of a large handbook", () => {
  test("lists the first 20 roles under a name and links the rest to the name's page, which lists them all", async () => {
    const content = path.join(tempDir(), "large");
    generateHandbook(content, 300);
    const result = await buildInto(content, ["--no-search"]);
    assert.equal(result.code, 0, result.stderr);
    const $ = loadPage(result.outDir, "/skills-and-tools/");
    const airflow = $('.name-item:has(.name-link:contains("Airflow"))');
    const total = Number(/^(\d+) roles$/.exec(airflow.find(".name-count").text())?.[1]);
    assert.ok(total > INLINE_ROLES, `Airflow is listed by ${total} roles`);
    assert.equal(airflow.find(".name-roles li:not(.name-more)").length, INLINE_ROLES);
    const more = airflow.find(".name-more a");
    assert.equal(more.text(), `${total - INLINE_ROLES} more roles on the Airflow page`);
    assert.equal(more.attr("href"), "/tools/airflow/");
    const page = loadPage(result.outDir, "/tools/airflow/");
    assert.equal(page(".name-role-list > li > a").length, total);
  });
});
