// The roles, names and ladders of the handbook's own content, as a reader and other systems get them from the build.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { z } from "zod";
import { ROLES_SCHEMA_FILE, type RolesJson } from "../../src/roles/roles-json.ts";
import { loadPage, projectDir, sharedBuild } from "../helpers/site.ts";

describe("the handbook's roles, built", () => {
  let outDir = "";
  let stdout = "";
  let json: RolesJson;
  before(async () => {
    const result = await sharedBuild(path.join(projectDir, "content"));
    assert.equal(result.code, 0, result.stderr);
    ({ outDir, stdout } = result);
    json = JSON.parse(fs.readFileSync(path.join(outDir, "roles.json"), "utf8")) as RolesJson;
  });

  test("/roles.json matches the committed JSON Schema", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(projectDir, ROLES_SCHEMA_FILE), "utf8")) as Parameters<typeof z.fromJSONSchema>[0];
    const result = z.fromJSONSchema(schema).safeParse(json);
    assert.ok(result.success, JSON.stringify(result.error?.issues.slice(0, 3)));
  });

  test("the owner's page: Python and R among its skills, its four tools, and the built page links PyTorch to its page", () => {
    const owner = json.roles.find((r) => r.url === "/teams/dev-team/ai-engineer/")!;
    for (const skill of ["Python", "R"]) assert.ok(owner.skills.includes(skill), owner.skills.join(", "));
    for (const tool of ["TensorFlow", "PyTorch", "Jupyter Notebook", "MLflow"]) assert.ok(owner.tools.includes(tool), owner.tools.join(", "));
    assert.deepEqual(owner.names.find((n) => n.name === "PyTorch"), { name: "PyTorch", kind: "tool", url: "/tools/pytorch/" });
    assert.deepEqual([owner.family, owner.ladder], ["Engineering", "/careers/engineering/"]);
    const $ = loadPage(outDir, owner.url);
    const links = $("#skills").closest(".heading").nextAll("ul").first().find("a");
    assert.deepEqual(
      links.map((_, a) => `${$(a).text()} ${$(a).attr("href")}`).get(),
      [
        "Python /skills/python/",
        "R /skills/r/",
        "machine learning /skills/machine-learning/",
        "TensorFlow /tools/tensorflow/",
        "PyTorch /tools/pytorch/",
        "data preprocessing /skills/data-preprocessing/",
        "feature engineering /skills/feature-engineering/",
        "model evaluation /skills/model-evaluation/",
      ],
    );
    // The Markdown is as the owner wrote it: the sentence reads the same with its links.
    assert.equal($(links[0]).parent().text(), "Proficiency in programming languages such as Python and R.");
  });

  test("one page per name: no tool or skill page is titled by more than six words, and no two share a title", () => {
    const titles = json.roles.flatMap((r) => r.names.map((n) => ({ name: n.name, url: n.url })));
    const byUrl = new Map(titles.map((t) => [t.url, t.name]));
    const names = [...byUrl.values()];
    assert.ok(names.length > 150, `${names.length} names`);
    for (const name of names) assert.ok(name.split(/\s+/).length <= 6, name);
    assert.equal(new Set(names).size, names.length, "two pages share a title");
    for (const [url, name] of byUrl) assert.equal(loadPage(outDir, url)("article h1").text(), name);
  });

  test("the skill pages merged into tool pages still answer at their old address, with a link to the new one", () => {
    for (const name of ["go", "kubernetes", "react", "react-native", "typescript"]) {
      const $ = loadPage(outDir, `/skills/${name}/`);
      assert.equal($('meta[http-equiv="refresh"]').attr("content"), `0; url=/tools/${name}/`);
      assert.equal($("main a").attr("href"), `/tools/${name}/`);
    }
    const kubernetes = loadPage(outDir, "/tools/kubernetes/");
    const lists = kubernetes(".name-kind-group h2").map((_, h) => kubernetes(h).text()).get();
    assert.equal(lists.length, 2, lists.join(" | "));
    assert.match(lists[0]!, /^Used as a tool by \d+ roles?$/);
    assert.match(lists[1]!, /^Needed as a skill by \d+ roles?$/);
  });

  test("every role page ends with its family's levels and up to five related roles; the summary counts the names", () => {
    for (const role of json.roles) {
      const $ = loadPage(outDir, role.url);
      assert.equal($("#career-levels").length, 1, role.url);
      assert.equal($(".role-level-list a").length, 6, role.url);
      const related = $(".related-role-list > li").length;
      assert.ok(related >= 1 && related <= 5, `${role.url}: ${related} related roles`);
    }
    const $ = loadPage(outDir, "/teams/dev-team/ai-engineer/");
    assert.equal($(".role-level-list a").first().attr("href"), "/careers/engineering/#l1-associate");
    assert.equal($(".related-compare a").attr("href"), `/compare-roles/?a=${encodeURIComponent("/teams/dev-team/ai-engineer/")}`);
    assert.match(stdout, /^Roles: 37 role pages list \d+ tools and \d+ skills$/m);
    assert.doesNotMatch(stdout, /not in _data\/names\.json|names nothing/);
  });

  test("a team page lists its roles once, and its tools table is in On this page", () => {
    const $ = loadPage(outDir, "/teams/dev-team/");
    // The page's own "Roles" list, and no generated list of its child pages beside it.
    assert.equal($("#roles").closest(".heading").nextAll("ul").first().find('a[href="/teams/dev-team/ai-engineer/"]').length, 1);
    assert.equal($(".child-pages").length, 0);
    assert.deepEqual($("nav.toc-aside .toc-link").map((_, a) => $(a).attr("href")).get().slice(-1), ["#team-tools"]);
  });
  test("a tool's page marks Skills & Tools as its section, in the sidebar and the breadcrumb", () => {
    const $ = loadPage(outDir, "/tools/kubernetes/");
    assert.deepEqual($("nav.site-nav a[aria-current]").map((_, a) => `${$(a).text()} ${$(a).attr("aria-current")}`).get(), ["Skills & Tools true"]);
    assert.deepEqual($("nav.breadcrumbs a").map((_, a) => $(a).attr("href")).get(), ["/skills-and-tools/"]);
  });
  test("the directory's A–Z bars lead to its letters in the order the lists have them", () => {
    const $ = loadPage(outDir, "/skills-and-tools/");
    for (const section of $(".directory-section").toArray()) {
      const bar = $(section).find(".letter-bar a").map((_, a) => $(a).attr("href")).get();
      const letters = $(section).find(".letter-heading").map((_, h) => `#${$(h).attr("id")}`).get();
      assert.deepEqual(bar, letters);
    }
    assert.equal($(".directory-section").first().find(".letter-bar a").first().text(), "#");
  });
});
