import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { buildInto, copyFixture, fixture, loadPage, snapshotTree, tempDir } from "../helpers/site.ts";

describe("building the basic fixture handbook", () => {
  let outDir = "";
  before(async () => {
    const result = await buildInto(fixture("basic"), ["--no-search"]);
    assert.equal(result.code, 0, result.stderr);
    outDir = result.outDir;
  });

  test("the AI Engineer page's sidebar opens Teams → Dev Team and marks the page current", () => {
    const $ = loadPage(outDir, "/teams/dev-team/ai-engineer/");
    const current = $('#site-nav a[aria-current="page"]');
    assert.equal(current.length, 1);
    assert.equal(current.text(), "AI (Artificial Intelligence) Engineer");
    const openTrail = current
      .parents("li.is-open")
      .map((_, li) => $(li).children("a").text())
      .get()
      .reverse();
    assert.deepEqual(openTrail, ["Teams", "Dev Team"]);
    const devTeamChildren = $('#site-nav a:contains("Dev Team")').parent().find("> ul > li > a").map((_, a) => $(a).text()).get();
    assert.deepEqual(devTeamChildren, ["Front-End Engineer", "Back-End Engineer", "AI (Artificial Intelligence) Engineer"]);
  });

  test("the AI Engineer page's breadcrumbs read Teams › Dev Team › the page", () => {
    const $ = loadPage(outDir, "/teams/dev-team/ai-engineer/");
    const crumbs = $("nav.breadcrumbs li").map((_, li) => $(li).text()).get();
    assert.deepEqual(crumbs, ["Teams", "Dev Team", "AI (Artificial Intelligence) Engineer"]);
    assert.deepEqual($("nav.breadcrumbs a").map((_, a) => $(a).attr("href")).get(), ["/teams/", "/teams/dev-team/"]);
  });

  test("previous and next follow the sidebar order and skip excluded pages", () => {
    const $ = loadPage(outDir, "/teams/dev-team/ai-engineer/");
    assert.equal($("nav.prev-next a.prev").attr("href"), "/teams/dev-team/back-end-engineer/");
    assert.equal($("nav.prev-next a.next").attr("href"), "/teams/design/");
  });

  test("the page carries the owner's content", () => {
    const $ = loadPage(outDir, "/teams/dev-team/ai-engineer/");
    assert.equal($("article h1").text(), "AI (Artificial Intelligence) Engineer");
    assert.deepEqual(
      $("article h2").map((_, h) => $(h).text()).get(),
      ["Role and Responsibilities", "Skills", "Tools", "AI Engineers Best Practices"],
    );
  });

  test("a parent page lists its children with their summaries, excluded pages included", () => {
    const $ = loadPage(outDir, "/teams/dev-team/");
    const items = $(".child-pages li").map((_, li) => [[$(li).find("a").text(), $(li).find(".child-summary").text()]]).get();
    assert.deepEqual(items, [
      ["Front-End Engineer", "Builds the web app."],
      ["Back-End Engineer", "Builds the services behind the API."],
      ["AI (Artificial Intelligence) Engineer", ""],
      ["Intern Notes", "Notes kept for interns."],
    ]);
  });

  test("has_toc: false hides the child list", () => {
    const $ = loadPage(outDir, "/teams/design/");
    assert.equal($(".child-pages").length, 0);
  });

  test("links to Markdown files become page URLs with their anchor", () => {
    const $ = loadPage(outDir, "/teams/dev-team/");
    assert.equal($('article a:contains("AI Engineer")').attr("href"), "/teams/dev-team/ai-engineer/#skills");
  });

  test("a page carries only its own part of the sidebar; nav.json holds the whole tree", () => {
    const $ = loadPage(outDir, "/");
    const links = $("#site-nav a").map((_, a) => $(a).text()).get();
    assert.deepEqual(links, ["Home", "Teams", "Skills & Tools"]);
    const nav = JSON.parse(fs.readFileSync(path.join(outDir, "nav.json"), "utf8"));
    assert.deepEqual(nav, [
      { title: "Home", url: "/", children: [] },
      {
        title: "Teams",
        url: "/teams/",
        children: [
          {
            title: "Dev Team",
            url: "/teams/dev-team/",
            children: [
              { title: "Front-End Engineer", url: "/teams/dev-team/front-end-engineer/", children: [] },
              { title: "Back-End Engineer", url: "/teams/dev-team/back-end-engineer/", children: [] },
              { title: "AI (Artificial Intelligence) Engineer", url: "/teams/dev-team/ai-engineer/", children: [] },
            ],
          },
          {
            title: "Design Team",
            url: "/teams/design/",
            children: [{ title: "Product Designer", url: "/teams/design/product-designer/", children: [] }],
          },
        ],
      },
      // Generated from the AI Engineer's Skills and Tools; its tool and skill pages are out of the sidebar.
      { title: "Skills & Tools", url: "/skills-and-tools/", children: [] },
    ]);
  });
});

describe("content mistakes stop the build", () => {
  test("a misspelt parent fails with file, line, column and a suggestion, and writes nothing", async () => {
    const content = copyFixture("basic");
    const page = path.join(content, "teams/dev-team/ai-engineer.md");
    fs.writeFileSync(page, fs.readFileSync(page, "utf8").replace("parent: Dev Team", "parent: Dev Taem"));
    const result = await buildInto(content);
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`^${page.replace(/[.]/g, "\\.")}:4:9 error parent "Dev Taem" matches no page title \\(did you mean "Dev Team"\\?\\)$`, "m"));
    assert.doesNotMatch(result.stderr + result.stdout, /\n\s+at /, "no stack trace");
    assert.equal(fs.existsSync(result.outDir), false, "nothing is written");
  });

  test("every error of a build is reported, not only the first", async () => {
    const content = copyFixture("basic");
    const edit = (rel: string, from: string, to: string) => {
      const file = path.join(content, rel);
      fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(from, to));
    };
    edit("teams/dev-team/front-end-engineer.md", "parent: Dev Team", "parent: Dev Teams");
    edit("teams/design/product-designer.md", "parent: Design Team", "parent: Desing Team");
    edit("teams/dev-team/back-end-engineer.md", "nav_order: 2", "nav_order: [2]");
    const result = await buildInto(content);
    assert.equal(result.code, 1);
    assert.equal(result.stderr.match(/ error /g)?.length, 3, result.stderr);
  });

  test("a failed build leaves the previous output as it was", async () => {
    const content = copyFixture("basic");
    const outDir = path.join(tempDir(), "site");
    const first = await buildInto(content, ["--output", outDir, "--no-search"]);
    assert.equal(first.code, 0, first.stderr);
    const before = snapshotTree(outDir);
    fs.appendFileSync(path.join(content, "teams/index.md"), "\n");
    fs.writeFileSync(path.join(content, "broken.md"), "---\ntitle: Broken\nparent: Nowhere\n---\n");
    const second = await buildInto(content, ["--output", outDir]);
    assert.equal(second.code, 1);
    assert.deepEqual(snapshotTree(outDir), before);
  });
});

describe("output", () => {
  test("two builds of the same content are byte-identical", async () => {
    const a = await buildInto(fixture("basic"));
    const b = await buildInto(fixture("basic"));
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const first = snapshotTree(a.outDir);
    const second = snapshotTree(b.outDir);
    assert.deepEqual([...first.keys()], [...second.keys()]);
    for (const [file, bytes] of first) assert.ok(bytes.equals(second.get(file)!), `${file} differs between builds`);
  });

  test("a path prefix reaches every internal link, asset and nav.json", async () => {
    const result = await buildInto(fixture("basic"), ["--path-prefix", "/handbook/", "--no-search"]);
    assert.equal(result.code, 0, result.stderr);
    const $ = loadPage(result.outDir, "/teams/dev-team/");
    const urls = $("a[href], link[href], script[src]")
      .map((_, el) => $(el).attr("href") ?? $(el).attr("src"))
      .get()
      .filter((u) => u.startsWith("/"));
    assert.ok(urls.length > 10);
    for (const url of urls) assert.ok(url.startsWith("/handbook/"), `${url} lacks the prefix`);
    assert.equal($("#site-nav").attr("data-nav-src"), "/handbook/nav.json");
    const nav = JSON.parse(fs.readFileSync(path.join(result.outDir, "nav.json"), "utf8"));
    assert.equal(nav[1].url, "/handbook/teams/");
  });
});
