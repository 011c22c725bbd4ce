import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatDiagnostic } from "../../../src/shared/diagnostics.ts";
import { parseSource, type SourcePage } from "../../../src/content/page.ts";
import { catalogOf } from "../../../src/roles/names.ts";
import { rolesJson } from "../../../src/roles/roles-json.ts";
import { modelOf } from "../../../src/site/model.ts";
import { settingsSchema } from "../../../src/config/settings.ts";

const page = (relPath: string, frontMatter: string, body = "# Page\n"): SourcePage => {
  const parsed = parseSource(`/site/content/${relPath}`, relPath, `---\n${frontMatter}\n---\n${body}`);
  assert.ok(parsed.page, JSON.stringify(parsed.diagnostics));
  return parsed.page;
};
const roleBody = "# R\n\n## Role and Responsibilities\n\n- Does things.\n\n## Skills\n\n- Python\n\n## Tools\n\n- Docker\n\n## R Best Practices\n\n1. x\n";
const LEVELS = ["L1 Associate", "L2 Intermediate", "L3 Senior"];
/** A ladder page: an introduction linking `team`, then a section per level with a paragraph and two items. */
const ladder = (title: string, team: string | undefined, levels = LEVELS) =>
  `# ${title}\n\n${team ? `The family is the [team](${team}).` : "No team here."}\n\n` +
  levels.map((l) => `## ${l}\n\nAn ${l.split(" ")[0]} delivers.\n\n- Ships.\n- Reviews.\n\nTypical roles: all.\n\n`).join("") +
  "## Moving Up\n\nAsk.\n";

const handbook = (...extra: SourcePage[]) =>
  modelOf(
    settingsSchema.parse({}),
    "/site/content",
    [
      page("index.md", "title: Home\nnav_order: 1"),
      page("teams/index.md", "title: Teams\nnav_order: 2"),
      page("teams/dev/index.md", "title: Dev Team\nparent: Teams"),
      page("teams/dev/web.md", "title: Web Engineer\nparent: Dev Team", roleBody),
      page("teams/data/index.md", "title: Data Team\nparent: Teams"),
      page("teams/data/analyst.md", "title: Analyst\nparent: Data Team", roleBody),
      page("careers/index.md", "title: Careers\nnav_order: 3"),
      page("careers/engineering.md", "title: Engineering Ladder\nparent: Careers\nkind: ladder", ladder("Engineering Ladder", "../teams/dev/index.md")),
      ...extra,
    ],
    catalogOf({ tools: { Docker: [] }, skills: ["Python"] }),
  );
const problems = (model: ReturnType<typeof handbook>) => model.diagnostics.map((d) => formatDiagnostic(d, "/site")).sort();
const dataLadder = (levels = LEVELS, title = "Data Ladder") =>
  page("careers/data.md", `title: ${title}\nparent: Careers\nkind: ladder`, ladder(title, "../teams/data/index.md", levels));

describe("career ladders", () => {
  test("a ladder's levels, its family and its team; each role of the team is in the family", () => {
    const model = handbook(dataLadder());
    assert.deepEqual(problems(model), []);
    const [data, engineering] = model.roles.ladders;
    assert.deepEqual([engineering!.family, engineering!.team?.title, engineering!.url], ["Engineering", "Dev Team", "/careers/engineering/"]);
    assert.equal(data!.family, "Data");
    assert.deepEqual(
      engineering!.levels.map((l) => [l.level, l.number, l.name, l.anchor, l.summary, l.expectations]),
      [
        ["L1", 1, "Associate", "l1-associate", "An L1 delivers.", ["Ships.", "Reviews."]],
        ["L2", 2, "Intermediate", "l2-intermediate", "An L2 delivers.", ["Ships.", "Reviews."]],
        ["L3", 3, "Senior", "l3-senior", "An L3 delivers.", ["Ships.", "Reviews."]],
      ],
    );
    assert.deepEqual(
      model.roles.roles.map((r) => [r.title, r.family?.name, r.family?.ladder.url]),
      [
        ["Analyst", "Data", "/careers/data/"],
        ["Web Engineer", "Engineering", "/careers/engineering/"],
      ],
    );
  });

  test("/roles.json gives each role its family and ladder, and each ladder its levels", () => {
    const model = handbook(dataLadder());
    const json = JSON.parse(rolesJson(model.roles, model.roles.ladders, (u) => `/hb${u}`)) as {
      roles: Array<{ title: string; family: string | null; ladder: string | null }>;
      ladders: Array<{ title: string; family: string; team: string | null; levels: Array<Record<string, unknown>> }>;
    };
    assert.deepEqual(json.roles.map((r) => [r.title, r.family, r.ladder]), [
      ["Analyst", "Data", "/hb/careers/data/"],
      ["Web Engineer", "Engineering", "/hb/careers/engineering/"],
    ]);
    assert.deepEqual(json.ladders.map((l) => [l.title, l.family, l.team, l.levels.length]), [
      ["Data Ladder", "Data", "Data Team", 3],
      ["Engineering Ladder", "Engineering", "Dev Team", 3],
    ]);
    assert.deepEqual(json.ladders[0]!.levels[1], {
      level: "L2",
      name: "Intermediate",
      url: "/hb/careers/data/#l2-intermediate",
      summary: "An L2 delivers.",
      expectations: ["Ships.", "Reviews."],
    });
  });

  test("a ladder without a level the others have, or with levels out of order or named otherwise, is a warning where it is", () => {
    const model = handbook(
      dataLadder(["L1 Associate", "L3 Senior"]),
      page("careers/design.md", "title: Design Ladder\nparent: Careers\nkind: ladder", ladder("Design Ladder", "../teams/dev/index.md", ["L2 Intermediate", "L1 Associate", "L3 Principal"])),
    );
    const every = "every ladder has L1 Associate, L2 Intermediate, L3 Senior, in that order";
    // The missing level is reported at the section it belongs after; two ladders of one team, on the second by URL.
    assert.deepEqual(problems(model), [
      `content/careers/data.md:10:1 warning ladder has no "## L2 Intermediate" section; ${every}`,
      `content/careers/design.md:19:1 warning "## L1 Associate" comes after "## L2 Intermediate"; ${every}`,
      `content/careers/design.md:28:1 warning "## L3 Principal" names level L3 "Senior" on the other ladders; ${every}`,
      `content/careers/engineering.md:4:7 warning ladder names the team "Dev Team", as /site/content/careers/design.md does; each team has one ladder: link this one to its own team`,
    ]);
  });

  test("a ladder alone still starts at L1 and skips no level; a ladder page without level sections is a warning", () => {
    const gap = modelOf(settingsSchema.parse({}), "/site/content", [
      page("ladder.md", "title: Only Ladder\nkind: ladder", ladder("Only Ladder", undefined, ["L1 Associate", "L3 Senior"])),
    ]);
    assert.ok(problems(gap).includes(`content/ladder.md:9:1 warning ladder has no "## L2" section; every ladder has L1 Associate, L2, L3 Senior, in that order`), problems(gap).join("\n"));
    const none = modelOf(settingsSchema.parse({}), "/site/content", [page("ladder.md", "title: Empty Ladder\nkind: ladder", "# Empty\n\n## Moving Up\n")]);
    assert.ok(problems(none).some((p) => p.startsWith(`content/ladder.md:3:7 warning ladder page has no level sections ("## L1 <Name>")`)), problems(none).join("\n"));
  });

  test("a ladder that links no team page, and a team's role without a ladder, are warnings", () => {
    const model = handbook(page("careers/data.md", "title: Data Ladder\nparent: Careers\nkind: ladder", ladder("Data Ladder", undefined)));
    assert.deepEqual(problems(model), [
      `content/careers/data.md:4:7 warning ladder page links to no team page before its first section; say there which team the family is, e.g. "The engineering family is the [Dev Team](../teams/dev-team/index.md)"`,
      `content/teams/data/analyst.md:2:8 warning role page is in no family with a ladder: no ladder page (kind: ladder) links to its team "Data Team"; add a ladder for the team, or move the role to a team that has one`,
    ]);
  });

  test("a handbook without ladders asks no role for a family", () => {
    const model = modelOf(
      settingsSchema.parse({}),
      "/site/content",
      [page("index.md", "title: Home"), page("role.md", "title: Lone Role\nkind: role", roleBody)],
      catalogOf({ tools: {}, skills: [] }),
    );
    assert.deepEqual(problems(model), []);
    assert.equal(model.roles.roles[0]!.family, undefined);
  });
});
