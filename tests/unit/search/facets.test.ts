import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { parseSource, type SourcePage } from "../../../src/content/page.ts";
import { describeForSearch } from "../../../src/search/facets.ts";
import { catalogOf } from "../../../src/roles/names.ts";
import { modelOf } from "../../../src/site/model.ts";
import { settingsSchema } from "../../../src/config/settings.ts";

const ROLE_BODY =
  "# Role\n\n## Role and Responsibilities\n\n- a\n\n## Skills\n\n- **Python**: writes it\n\n## Tools\n\n- pytorch\n- MLflow\n\n## Role Best Practices\n\n1. d\n";
const NAMES = catalogOf({ tools: { PyTorch: ["Pytorch"], MLflow: [] }, skills: ["Python"] });

/** A page at content/<relPath> with the given front matter and Markdown body. */
const page = (relPath: string, frontMatter: string, body = "# Page\n\nText.\n"): SourcePage => {
  const parsed = parseSource(
    `/site/content/${relPath}`,
    relPath,
    `---\n${frontMatter}\n---\n${body}`,
  );
  if (!parsed.page)
    throw new Error(`fixture ${relPath} does not parse: ${JSON.stringify(parsed.diagnostics)}`);
  return parsed.page;
};

/** The search facets of every page of a small handbook, by path below content/. */
const facetsOf = (...pages: SourcePage[]) => {
  const model = modelOf(settingsSchema.parse({}), "/site/content", pages, NAMES);
  assert.deepEqual(model.diagnostics, []);
  return (relPathOrUrl: string) => {
    const found = model.tree.byFile.get(`/site/content/${relPathOrUrl}`) ?? model.tree.byUrl.get(relPathOrUrl);
    assert.ok(found, `no page ${relPathOrUrl}`);
    return describeForSearch(found, model.roles);
  };
};

/** A handbook shaped like content/: Teams with a team and its roles, and the three sections with kinds of their own. */
const handbook = (...extra: SourcePage[]) =>
  facetsOf(
    page("index.md", "title: Home"),
    page("teams/index.md", "title: Teams"),
    page("teams/dev-team/index.md", "title: Dev Team\nparent: Teams"),
    page(
      "teams/dev-team/ai-engineer.md",
      "title: AI (Artificial Intelligence) Engineer\nparent: Dev Team",
      ROLE_BODY,
    ),
    page("teams/dev-team/rituals.md", "title: Rituals\nparent: Dev Team"),
    page("ways-of-working/index.md", "title: Ways of Working"),
    page("ways-of-working/code-review.md", "title: Code Review\nparent: Ways of Working"),
    page("policies/index.md", "title: Policies"),
    page("policies/security.md", "title: Security Policy\nparent: Policies"),
    page("onboarding/index.md", "title: Onboarding"),
    page("onboarding/first-day.md", "title: First Day\nparent: Onboarding"),
    ...extra,
  );

describe("what a page tells the search index", () => {
  test("a role page: title from front matter, path of its ancestors, its team, kind role, its tools and skills", () => {
    assert.deepEqual(handbook()("teams/dev-team/ai-engineer.md"), {
      title: "AI (Artificial Intelligence) Engineer",
      path: "Teams › Dev Team",
      team: "Dev Team",
      kind: "role",
      tools: ["PyTorch", "MLflow"],
      skills: ["Python"],
    });
  });

  test("a generated tool page filters as its tool, a skill page as its skill", () => {
    const facets = handbook();
    assert.deepEqual(facets("/tools/pytorch/"), {
      title: "PyTorch",
      path: "Skills & Tools",
      team: undefined,
      kind: "tool",
      tools: ["PyTorch"],
      skills: [],
    });
    assert.deepEqual(facets("/skills/python/")?.skills, ["Python"]);
    assert.equal(facets("/skills-and-tools/")?.kind, "page");
  });

  test("a team page (child of the top-level Teams page) is kind team and its own team", () => {
    assert.deepEqual(handbook()("teams/dev-team/index.md"), {
      title: "Dev Team",
      path: "Teams",
      team: "Dev Team",
      kind: "team",
      tools: [],
      skills: [],
    });
  });

  test("the Teams page itself belongs to no team and has an empty path", () => {
    assert.deepEqual(handbook()("teams/index.md"), {
      title: "Teams",
      path: "",
      team: undefined,
      kind: "page",
      tools: [],
      skills: [],
    });
  });

  test("any page below a team page belongs to that team, however deep", () => {
    const facets = handbook(
      page("teams/dev-team/rituals/retro.md", "title: Retro\nparent: Rituals"),
    );
    assert.deepEqual(facets("teams/dev-team/rituals/retro.md"), {
      title: "Retro",
      path: "Teams › Dev Team › Rituals",
      team: "Dev Team",
      kind: "page",
      tools: [],
      skills: [],
    });
  });

  test("a role is what the roles core says it is: Skills and Tools sections, or Role and Responsibilities, or kind: role", () => {
    const facets = handbook(
      page("teams/dev-team/half-role.md", "title: Half Role\nparent: Dev Team", "# Half\n\n## Skills\n\n- b\n\n## Tools\n\n- c\n"),
      page("teams/dev-team/skills-only.md", "title: Skills Only\nparent: Dev Team", "# S\n\n## Skills\n\n- b\n"),
    );
    assert.equal(facets("teams/dev-team/half-role.md")?.kind, "role");
    assert.equal(facets("teams/dev-team/skills-only.md")?.kind, "page");
    assert.equal(facets("teams/dev-team/rituals.md")?.kind, "page");
  });

  test("role sections must be level-2 headings, not text or deeper headings", () => {
    const body = "# X\n\nRole and Responsibilities\n\n### Skills\n\n## Tools\n";
    const facets = handbook(
      page("teams/dev-team/not-role.md", "title: Not Role\nparent: Dev Team", body),
    );
    assert.equal(facets("teams/dev-team/not-role.md")?.kind, "page");
  });

  test("pages under Ways of Working, Policies and Onboarding are process, policy and onboarding", () => {
    const facets = handbook(
      page("ways-of-working/review/checklist.md", "title: Checklist\nparent: Code Review"),
    );
    assert.equal(facets("ways-of-working/code-review.md")?.kind, "process");
    assert.equal(facets("ways-of-working/review/checklist.md")?.kind, "process");
    assert.equal(facets("policies/security.md")?.kind, "policy");
    assert.equal(facets("onboarding/first-day.md")?.kind, "onboarding");
  });

  test("the section pages themselves and other pages are kind page", () => {
    const facets = handbook();
    assert.equal(facets("ways-of-working/index.md")?.kind, "page");
    assert.equal(facets("policies/index.md")?.kind, "page");
    assert.equal(facets("index.md")?.kind, "page");
  });

  test("front matter kind wins over the derived one", () => {
    const facets = handbook(
      page("policies/travel.md", "title: Travel\nparent: Policies\nkind: guide"),
    );
    assert.equal(facets("policies/travel.md")?.kind, "guide");
  });

  test("only a top-level Teams page makes teams", () => {
    const facets = facetsOf(
      page("archive/index.md", "title: Archive"),
      page("archive/teams.md", "title: Teams\nparent: Archive"),
      page("archive/old-team.md", "title: Old Team\nparent: Teams"),
    );
    assert.deepEqual(facets("archive/old-team.md"), {
      title: "Old Team",
      path: "Archive › Teams",
      team: undefined,
      kind: "page",
      tools: [],
      skills: [],
    });
  });

  test("titles with commas and colons come through whole", () => {
    const facets = handbook(
      page("teams/dev-team/odd.md", 'title: "Lead, Platform: EU"\nparent: Dev Team'),
    );
    assert.equal(facets("teams/dev-team/odd.md")?.title, "Lead, Platform: EU");
  });

  test("search_exclude and untitled pages stay out of the index", () => {
    const facets = handbook(
      page("teams/dev-team/secret.md", "title: Secret\nparent: Dev Team\nsearch_exclude: true"),
      page("loose.md", "layout: default"),
    );
    assert.equal(facets("teams/dev-team/secret.md"), undefined);
    assert.equal(facets("loose.md"), undefined);
  });
});
