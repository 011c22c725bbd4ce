import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatDiagnostic } from "../../../src/shared/diagnostics.ts";
import { parseSource, type SourcePage } from "../../../src/content/page.ts";
import { COMPARE, DIRECTORY } from "../../../src/roles/directory.ts";
import { rolesJson } from "../../../src/roles/roles-json.ts";
import { catalogOf } from "../../../src/roles/names.ts";
import { modelOf } from "../../../src/site/model.ts";
import { settingsSchema } from "../../../src/config/settings.ts";

const page = (relPath: string, frontMatter: string, body = "# Page\n"): SourcePage => {
  const parsed = parseSource(`/site/content/${relPath}`, relPath, `---\n${frontMatter}\n---\n${body}`);
  assert.ok(parsed.page, JSON.stringify(parsed.diagnostics));
  return parsed.page;
};
const roleBody = (tools: string[], skills: string[]) =>
  `# R\n\n## Role and Responsibilities\n\n- Does things.\n\n## Skills\n\n${skills.map((s) => `- ${s}\n`).join("")}\n## Tools\n\n${tools.map((t) => `- ${t}\n`).join("")}\n## R Best Practices\n\n1. x\n`;

const NAMES = catalogOf({ tools: { PyTorch: ["pytorch"], dbt: [], "Next.js": [], Docker: [] }, skills: ["Python", "CI/CD"] });

/** A small handbook: two teams (Data before Dev in the sidebar), roles in each, one role outside the teams. */
const handbook = (...extra: SourcePage[]) =>
  modelOf(
    settingsSchema.parse({}),
    "/site/content",
    [
      page("index.md", "title: Home\nnav_order: 1"),
      page("glossary.md", "title: Glossary\nnav_order: 6"),
      page("teams/index.md", "title: Teams\nnav_order: 2"),
      page("teams/dev/index.md", "title: Dev Team\nparent: Teams\nnav_order: 2"),
      page("teams/dev/web.md", "title: Web Engineer\nparent: Dev Team\nnav_order: 2", roleBody(["Next.js", "Docker"], ["CI/CD"])),
      page("teams/dev/ml.md", "title: ML Engineer\nparent: Dev Team\nnav_order: 1", roleBody(["pytorch", "Docker"], ["Python"])),
      page("teams/data/index.md", "title: Data Team\nparent: Teams\nnav_order: 1"),
      page("teams/data/scientist.md", "title: Data Scientist\nparent: Data Team", roleBody(["PyTorch", "dbt"], ["Python"])),
      page("guilds/ml.md", "title: ML Guild Member\nkind: role\nnav_exclude: true", roleBody(["PyTorch"], ["Python"])),
      ...extra,
    ],
    NAMES,
  );

describe("the directory of tools and skills", () => {
  test("tools and skills A–Z ignoring case, each with its page URL and its roles by team in sidebar order", () => {
    const { roles } = handbook();
    assert.deepEqual(
      roles.tools.map((t) => [t.name, t.url, t.roles.map((r) => r.title)]),
      [
        ["dbt", "/tools/dbt/", ["Data Scientist"]],
        ["Docker", "/tools/docker/", ["ML Engineer", "Web Engineer"]],
        ["Next.js", "/tools/nextjs/", ["Web Engineer"]],
        ["PyTorch", "/tools/pytorch/", ["Data Scientist", "ML Engineer", "ML Guild Member"]],
      ],
    );
    assert.deepEqual(
      roles.skills.map((s) => [s.name, s.url]),
      [
        ["CI/CD", "/skills/cicd/"],
        ["Python", "/skills/python/"],
      ],
    );
  });

  test("the generated pages sit in the tree: the directory after the Glossary, the name pages below it, out of the sidebar", () => {
    const { tree } = handbook();
    assert.deepEqual(
      tree.navRoots.map((p) => p.title),
      ["Home", "Teams", "Glossary", DIRECTORY.title],
    );
    const directory = tree.byUrl.get(DIRECTORY.url);
    assert.ok(directory?.kind === "nav");
    // The comparison is the directory's one child in the sidebar.
    assert.deepEqual(directory.navChildren.map((c) => c.title), [COMPARE.title]);
    assert.deepEqual(
      directory.children.map((c) => [c.url, c.visible]),
      [
        [COMPARE.url, true],
        ["/tools/dbt/", false],
        ["/tools/docker/", false],
        ["/tools/nextjs/", false],
        ["/tools/pytorch/", false],
        ["/skills/cicd/", false],
        ["/skills/python/", false],
      ],
    );
    assert.deepEqual(
      tree.sidebarOrder.map((p) => p.title).slice(-3),
      ["Glossary", DIRECTORY.title, COMPARE.title],
    );
  });

  test("roles know their team from the tree; a role outside the teams has none", () => {
    const { roles } = handbook();
    assert.deepEqual(
      roles.roles.map((r) => [r.url, r.team?.title ?? null]),
      [
        ["/guilds/ml/", null],
        ["/teams/data/scientist/", "Data Team"],
        ["/teams/dev/ml/", "Dev Team"],
        ["/teams/dev/web/", "Dev Team"],
      ],
    );
    assert.deepEqual(
      roles.teams.map((t) => [t.team.title, t.roles.map((r) => r.title), t.tools]),
      [
        ["Data Team", ["Data Scientist"], ["dbt", "PyTorch"]],
        ["Dev Team", ["ML Engineer", "Web Engineer"], ["Docker", "Next.js", "PyTorch"]],
      ],
    );
  });

  test("two names with one slug get distinct URLs", () => {
    const { roles } = handbook(
      page("teams/dev/ops.md", "title: Ops\nparent: Dev Team", roleBody(["C++", "C#"], ["Python"])),
    );
    assert.deepEqual(
      roles.tools.filter((t) => t.name.startsWith("C")).map((t) => [t.name, t.url]),
      [
        ["C#", "/tools/c/"],
        ["C++", "/tools/c-2/"],
      ],
    );
  });

  test("a content page at a generated URL, or titled like the directory, is an error on that page", () => {
    const model = handbook(
      page("pytorch.md", "title: PyTorch Notes\npermalink: /tools/pytorch/"),
      page("skills.md", `title: ${DIRECTORY.title}`),
    );
    assert.deepEqual(
      model.diagnostics.map((d) => formatDiagnostic(d, "/site")),
      [
        `content/pytorch.md:3:12 error URL "/tools/pytorch/" is where the generated page of the tool "PyTorch" goes; change this page's permalink or file name`,
        `content/skills.md:2:8 error title "Skills & Tools" is the title of the generated directory of tools and skills; give this page another title`,
      ],
    );
    // The directory's title is taken, so its pages (which name it as their parent) are not generated.
    assert.deepEqual(model.roles.generated, []);
  });

  test("a page at a tool page's URL keeps only that tool page from being generated", () => {
    const model = handbook(page("pytorch.md", "title: PyTorch Notes\npermalink: /tools/pytorch/"));
    assert.equal(model.diagnostics.length, 1);
    assert.equal(model.roles.entryAt("/tools/pytorch/"), undefined);
    assert.equal(model.tree.byUrl.get("/tools/pytorch/")?.source.file, "/site/content/pytorch.md");
    assert.ok(model.roles.generatedAt(DIRECTORY.url));
    assert.ok(model.roles.generatedAt("/tools/docker/"));
  });

  test("a handbook without role pages gets no directory", () => {
    const model = modelOf(settingsSchema.parse({}), "/site/content", [page("index.md", "title: Home")], NAMES);
    assert.deepEqual(model.roles.generated, []);
    assert.deepEqual(
      model.tree.roots.map((p) => p.title),
      ["Home"],
    );
  });

  test("links to a generated page and to its list anchors pass the link check; other anchors do not", async () => {
    const { validateContent } = await import("../../../src/site/validate.ts");
    const model = handbook(
      page("links.md", "title: Links", "[a](/skills-and-tools/) [b](/skills-and-tools/#skills) [c](/tools/pytorch/) [d](/skills-and-tools/#nope)\n"),
    );
    assert.deepEqual(
      validateContent(model).map((d) => formatDiagnostic(d, "/site")),
      [`content/links.md:4:81 error anchor "#nope" matches no heading on /skills-and-tools/`],
    );
  });
});

describe("one page per name", () => {
  const both = catalogOf({ tools: { Kubernetes: ["k8s"], Go: [], Docker: [] }, skills: ["Kubernetes", "Go", "Python"] });
  const model = (...extra: SourcePage[]) =>
    modelOf(
      settingsSchema.parse({}),
      "/site/content",
      [
        page("index.md", "title: Home\nnav_order: 1"),
        page("teams/index.md", "title: Teams\nnav_order: 2"),
        page("teams/ops/index.md", "title: Ops Team\nparent: Teams"),
        page("teams/ops/sre.md", "title: SRE\nparent: Ops Team", roleBody(["k8s", "Docker"], ["Python"])),
        page("teams/ops/lead.md", "title: Ops Lead\nparent: Ops Team", roleBody(["Docker"], ["**Kubernetes**: reviews cluster changes.", "Go"])),
        ...extra,
      ],
      both,
    );

  test("a name both a tool and a skill has one page, under /tools/, listing the roles that use it each way", () => {
    const { roles } = model();
    const k8s = roles.entry("Kubernetes")!;
    assert.equal(k8s.url, "/tools/kubernetes/");
    assert.deepEqual([k8s.asTool.map((r) => r.title), k8s.asSkill.map((r) => r.title)], [["SRE"], ["Ops Lead"]]);
    assert.deepEqual(k8s.aliases, ["k8s"]);
    assert.deepEqual(
      roles.generated.filter((g) => g.name === "Kubernetes").map((g) => g.url),
      ["/tools/kubernetes/"],
    );
    // Listed in both of the directory's lists, pointing to the one page.
    assert.ok(roles.tools.includes(k8s) && roles.skills.includes(k8s));
    // Go is only listed as a skill here, so its page is a skill page.
    assert.equal(roles.entry("Go")?.url, "/skills/go/");
  });

  test("the skill page a merged name had is a redirect to its page; a content page at that address keeps it", () => {
    assert.deepEqual(model().roles.redirects, [{ from: "/skills/kubernetes/", to: "/tools/kubernetes/", title: "Kubernetes" }]);
    const taken = model(page("k8s-notes.md", "title: K8s Notes\npermalink: /skills/kubernetes/"));
    assert.deepEqual(taken.roles.redirects, []);
    assert.deepEqual(taken.diagnostics, []);
  });
});

describe("related roles", () => {
  test("the roles sharing the most names, then those of the same team, each with the names shared", () => {
    const { roles } = handbook(
      page("teams/dev/data-eng.md", "title: Data Engineer\nparent: Dev Team\nnav_order: 3", roleBody(["dbt", "PyTorch", "Docker"], ["Python"])),
    );
    const related = (title: string) =>
      roles
        .relatedTo(roles.roles.find((r) => r.title === title)!)
        .map((r) => `${r.role.title}: ${r.shared.join(", ")}`);
    assert.deepEqual(related("Data Scientist"), [
      "Data Engineer: dbt, Python, PyTorch",
      "ML Engineer: Python, PyTorch",
      "ML Guild Member: Python, PyTorch",
    ]);
    // Web Engineer shares Docker with ML Engineer and Data Engineer (both Dev Team, one name each: sidebar order).
    assert.deepEqual(related("Web Engineer"), ["ML Engineer: Docker", "Data Engineer: Docker"]);
  });

  test("at most five, and never the role itself", () => {
    const extra = Array.from({ length: 7 }, (_, i) => page(`teams/dev/r${i}.md`, `title: R${i}\nparent: Dev Team`, roleBody(["Docker"], ["Python"])));
    const { roles } = handbook(...extra);
    const ml = roles.roles.find((r) => r.title === "ML Engineer")!;
    const related = roles.relatedTo(ml).map((r) => r.role.title);
    assert.equal(related.length, 5);
    assert.ok(!related.includes("ML Engineer"));
  });
});

describe("/roles.json", () => {
  test("every role with title, URL with the path prefix, team, responsibilities, skills and tools, in URL order", () => {
    const model = handbook();
    const json = JSON.parse(rolesJson(model.roles, model.roles.ladders, (u) => `/handbook${u}`)) as { roles: Array<Record<string, unknown>> };
    assert.deepEqual(Object.keys(json), ["roles", "ladders"]);
    assert.deepEqual(json.roles[2], {
      title: "ML Engineer",
      url: "/handbook/teams/dev/ml/",
      team: "Dev Team",
      family: null,
      ladder: null,
      responsibilities: ["Does things."],
      skills: ["Python"],
      tools: ["PyTorch", "Docker"],
      names: [
        { name: "Python", kind: "skill", url: "/handbook/skills/python/" },
        { name: "PyTorch", kind: "tool", url: "/handbook/tools/pytorch/" },
        { name: "Docker", kind: "tool", url: "/handbook/tools/docker/" },
      ],
      notes: [],
    });
    assert.deepEqual(
      json.roles.map((r) => r.url),
      ["/handbook/guilds/ml/", "/handbook/teams/data/scientist/", "/handbook/teams/dev/ml/", "/handbook/teams/dev/web/"],
    );
    assert.equal(json.roles[0]!.team, null);
  });
});
