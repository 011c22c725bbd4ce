import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import * as cheerio from "cheerio";
import { freePort } from "../helpers/browser.ts";
import { buildInto, copyFixture, projectDir, tempDir } from "../helpers/site.ts";

// The dev server (`npm start`) on a content folder outside the project, as `--content` allows: every edit must
// reach the pages it changes, and a broken edit must leave the last good site served.

/** Waits until `check` holds (polling), or fails with `what` after 60 s. */
async function eventually(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > 60_000) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The parts of a page that show other pages' titles: sidebar, breadcrumbs, child list, previous/next. */
function navigation(html: string): string[] {
  const $ = cheerio.load(html);
  return $("#site-nav a, nav.breadcrumbs li, section.child-pages a, nav.prev-next .prev-next-title")
    .map((_, el) => $(el).text().trim())
    .get();
}

function htmlFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith("index.html")).map((f) => path.join(dir, f));
}

describe("the dev server, serving a content folder outside the project", () => {
  let content = "";
  let out = "";
  let port = 0;
  let server: ChildProcess;
  let log = "";
  const read = (url: string) => fs.readFileSync(path.join(out, url, "index.html"), "utf8");
  const page = (file: string) => path.join(content, file);

  before(async () => {
    content = copyFixture("basic");
    fs.writeFileSync(path.join(content, "teams", "dev-team", "diagram.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    out = path.join(tempDir(), "site");
    port = await freePort();
    server = spawn(
      process.execPath,
      ["--import", "tsx", path.join(projectDir, "src/cli/main.ts"), "serve", "--content", content, "--output", out, "--port", String(port), "--no-search"],
      { cwd: projectDir, stdio: ["ignore", "pipe", "pipe"] },
    );
    server.stdout!.on("data", (d: Buffer) => (log += d.toString()));
    server.stderr!.on("data", (d: Buffer) => (log += d.toString()));
    await eventually("the server is up", () => log.includes("Server at"));
  });

  after(() => {
    server.kill("SIGTERM");
  });

  test("an image beside the pages is served at its place in the site", async () => {
    assert.ok(fs.existsSync(path.join(out, "teams", "dev-team", "diagram.svg")));
    const response = await fetch(`http://127.0.0.1:${port}/teams/dev-team/diagram.svg`);
    assert.equal(response.status, 200);
  });

  test("a body edit shows on the page, on disk and from the server", async () => {
    fs.appendFileSync(page("teams/dev-team/front-end-engineer.md"), "\nA sentence added while serving: bodyedit42.\n");
    await eventually("the page holds the new sentence", () => read("/teams/dev-team/front-end-engineer/").includes("bodyedit42"));
    const served = await (await fetch(`http://127.0.0.1:${port}/teams/dev-team/front-end-engineer/`)).text();
    assert.match(cheerio.load(served)("article").text(), /A sentence added while serving: bodyedit42\./);
  });

  test("a title edit reaches every sidebar, breadcrumb trail, child list and previous/next that shows the page", async () => {
    const file = page("teams/dev-team/back-end-engineer.md");
    const before = log.length;
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^title: .*$/m, "title: Server-Side Engineer"));
    // Pages are written while others render: the rebuild is over when it says so, not when one page shows the title.
    await eventually("the rebuild is over", () => log.slice(before).includes("Rebuilt "));
    assert.ok(navigation(read("/teams/dev-team/back-end-engineer/")).includes("Server-Side Engineer"), "the page's own sidebar");
    const everyPage = htmlFiles(out);
    for (const file of everyPage) {
      assert.ok(!navigation(fs.readFileSync(file, "utf8")).includes("Back-End Engineer"), `${path.relative(out, file)} still shows the old title`);
    }
    for (const url of ["/teams/dev-team/", "/teams/dev-team/front-end-engineer/", "/teams/dev-team/ai-engineer/", "/teams/dev-team/back-end-engineer/"]) {
      const $ = cheerio.load(read(url));
      assert.equal($('#site-nav a[href="/teams/dev-team/back-end-engineer/"]').text(), "Server-Side Engineer", `${url} sidebar`);
    }
    assert.equal(cheerio.load(read("/teams/dev-team/"))('section.child-pages a[href="/teams/dev-team/back-end-engineer/"]').text(), "Server-Side Engineer");
    assert.equal(cheerio.load(read("/teams/dev-team/ai-engineer/"))("nav.prev-next a.prev .prev-next-title").text(), "Server-Side Engineer");
    assert.deepEqual(
      cheerio.load(read("/teams/dev-team/back-end-engineer/"))("nav.breadcrumbs li").map((_, li) => cheerio.load(li).text().trim()).get(),
      ["Teams", "Dev Team", "Server-Side Engineer"],
    );
  });

  test("a broken edit is reported at its file and line, and the last good site stays served", async () => {
    const file = page("teams/dev-team/ai-engineer.md");
    const good = fs.readFileSync(file, "utf8");
    const before = log.length;
    fs.writeFileSync(file, good.replace(/^parent: .*$/m, "parent: No Such Team"));
    await eventually("the rebuild stops", () => log.slice(before).includes("Rebuild stopped"));
    const report = log.slice(before);
    assert.match(report, /ai-engineer\.md:\d+/, report);
    assert.doesNotMatch(report, /\n\s+at .+\(.+:\d+:\d+\)/, "no stack trace");
    const response = await fetch(`http://127.0.0.1:${port}/teams/dev-team/ai-engineer/`);
    assert.equal(response.status, 200);
    assert.ok(navigation(await response.text()).includes("Dev Team"), "the last good page is still served");

    fs.writeFileSync(file, good.replace(/^title: .*$/m, "title: Machine Learning Engineer"));
    await eventually("the fixed page is rebuilt", () => navigation(read("/teams/dev-team/front-end-engineer/")).includes("Machine Learning Engineer"));
    assert.equal(server.exitCode, null, "the server is still running");
  });

  test("a deleted page leaves every sidebar, and its own page is gone", async () => {
    fs.rmSync(page("teams/dev-team/front-end-engineer.md"));
    await eventually("the sibling's sidebar drops the page", () => !navigation(read("/teams/dev-team/ai-engineer/")).includes("Front-End Engineer"));
    assert.ok(!fs.existsSync(path.join(out, "teams", "dev-team", "front-end-engineer", "index.html")));
  });
});

describe("images beside the pages in a build", () => {
  test("land at their place below the output folder, for a content folder outside the project and one inside it", async () => {
    const outside = copyFixture("basic");
    // Not below a git-ignored folder: Eleventy leaves out what .gitignore lists.
    const inside = fs.mkdtempSync(path.join(projectDir, "test-content-"));
    try {
      fs.cpSync(outside, inside, { recursive: true });
      for (const dir of [outside, inside]) {
        fs.writeFileSync(path.join(dir, "teams", "dev-team", "diagram.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>');
        const result = await buildInto(dir, ["--no-search"]);
        assert.equal(result.code, 0, result.stdout + result.stderr);
        assert.ok(fs.existsSync(path.join(result.outDir, "teams", "dev-team", "diagram.svg")), `copied for ${dir}`);
        assert.deepEqual(
          (fs.readdirSync(result.outDir, { recursive: true }) as string[]).filter((f) => f.endsWith(".svg") && f.includes("diagram")),
          [path.join("teams", "dev-team", "diagram.svg")],
        );
      }
    } finally {
      fs.rmSync(inside, { recursive: true, force: true });
    }
  });
});
