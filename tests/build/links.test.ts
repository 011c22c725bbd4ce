import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { formatDiagnostic } from "../../src/shared/diagnostics.ts";
import { buildModel, defaultBuildOptions } from "../../src/eleventy/options.ts";
import { generateHandbook } from "../helpers/generate.ts";
import { FEED_FROM, startLinkFeed } from "../../src/links/feed.ts";
import { checkBuiltLinks } from "../../src/site/link-gate.ts";
import { buildInto, copyFixture, projectDir, snapshotTree, tempDir } from "../helpers/site.ts";

/** Appends Markdown to a page of a copied fixture. */
const append = (content: string, rel: string, text: string) => fs.appendFileSync(path.join(content, rel), text);

describe("the link gate on the built site", () => {
  test("the build prints how many links it checked and how long that took", async () => {
    const result = await buildInto(copyFixture("basic"), ["--no-search"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Links: \d+ internal links and anchors on \d+ pages resolve \(checked in \d+ ms\)$/m);
  });

  test("a broken image, raw-HTML link and raw-HTML anchor fail the build at their lines in the Markdown, and nothing is written", async () => {
    const content = copyFixture("basic");
    const page = path.join(content, "teams/dev-team/index.md");
    const lines = fs.readFileSync(page, "utf8").split("\n").length;
    append(
      content,
      "teams/dev-team/index.md",
      "\nOur ![team photo](photos/team.jpg) and\n\n<p>the <a href=\"/teams/gone/\">old page</a></p>\n\n<a href=\"#no-such-heading\">down</a>\n",
    );
    const result = await buildInto(content, ["--no-search"]);
    assert.equal(result.code, 1, result.stdout);
    const errors = result.stderr.trim().split("\n");
    const shown = page; // outside the working folder, so shown in full
    assert.deepEqual(errors, [
      `${shown}:${lines + 1}:19 error link "photos/team.jpg" (built as "/teams/dev-team/photos/team.jpg") matches no page or file: nothing is written at /teams/dev-team/photos/team.jpg`,
      `${shown}:${lines + 3}:17 error link "/teams/gone/" matches no page or file: nothing is written at /teams/gone/`,
      `${shown}:${lines + 5}:10 error link "#no-such-heading" points to #no-such-heading, which no element on /teams/dev-team/ has`,
    ]);
    assert.match(result.stdout, /Build stopped: 3 broken link\(s\) in the built site\. Nothing was written\./);
    assert.equal(fs.existsSync(result.outDir), false, "nothing is written");
    assert.deepEqual(fs.readdirSync(path.dirname(result.outDir)), [], "no staging folder is left behind");
  });

  test("a broken link keeps the previous site as it was", async () => {
    const content = copyFixture("basic");
    const outDir = path.join(tempDir(), "site");
    assert.equal((await buildInto(content, ["--output", outDir, "--no-search"])).code, 0);
    const before = snapshotTree(outDir);
    append(content, "index.md", '\n<img src="logo.svg" alt="Logo">\n');
    const second = await buildInto(content, ["--output", outDir, "--no-search"]);
    assert.equal(second.code, 1);
    assert.match(second.stderr, /index\.md:\d+:11 error link "logo\.svg" matches no page or file/);
    assert.deepEqual(snapshotTree(outDir), before);
  });

  test("a link the layout writes is reported once, on the first page that has it, with how many others do", async () => {
    const content = copyFixture("basic");
    const result = await buildInto(content, ["--no-search"]);
    assert.equal(result.code, 0, result.stderr);
    for (const file of ["teams/index.html", "teams/dev-team/index.html", "teams/design/index.html"]) {
      const full = path.join(result.outDir, file);
      fs.writeFileSync(full, fs.readFileSync(full, "utf8").replace("</head>", '<link rel="icon" href="/favicon-gone.svg"></head>'));
    }
    const model = buildModel({ ...defaultBuildOptions(projectDir), contentDir: content });
    const report = await checkBuiltLinks(model, result.outDir);
    assert.deepEqual(
      report.diagnostics.map((d) => formatDiagnostic(d, content)),
      [
        'teams/design/index.md:1:1 error the layout of this page writes <link href="/favicon-gone.svg">, which matches no page or file: nothing is written at /favicon-gone.svg (and on 2 other pages)',
      ],
    );
  });

  test("a page the build writes without Markdown is named by its file in the output and the line of the link", async () => {
    const content = copyFixture("basic");
    const result = await buildInto(content, ["--no-search"]);
    assert.equal(result.code, 0, result.stderr);
    fs.writeFileSync(path.join(result.outDir, "extra.html"), '<!doctype html>\n<title>x</title>\n<p>\n  <a href="/nowhere/">x</a>\n');
    const model = buildModel({ ...defaultBuildOptions(projectDir), contentDir: content });
    const report = await checkBuiltLinks(model, result.outDir, "/srv/site");
    assert.deepEqual(
      report.diagnostics.map((d) => formatDiagnostic(d, "/srv")),
      ['site/extra.html:4:3 error <a href="/nowhere/"> matches no page or file: nothing is written at /nowhere/'],
    );
  });
  test("the gate on a second thread, fed pages as they are built, reports what it reports reading them afterwards", async () => {
    const content = copyFixture("basic");
    const result = await buildInto(content, ["--no-search"]);
    assert.equal(result.code, 0, result.stderr);
    const broken = path.join(result.outDir, "teams/dev-team/index.html");
    fs.writeFileSync(broken, fs.readFileSync(broken, "utf8").replace("</main>", '<a href="/teams/#no-such-heading">x</a><img src="gone.png" alt=""></main>'));
    fs.writeFileSync(path.join(result.outDir, "extra.html"), '<!doctype html>\n<title>x</title>\n<a href="/nowhere/">x</a>\n');
    const model = buildModel({ ...defaultBuildOptions(projectDir), contentDir: content });
    const afterwards = await checkBuiltLinks(model, result.outDir, "/srv/site");

    const feed = startLinkFeed(model.settings.pathPrefix);
    assert.ok(feed, "the worker starts");
    const pages = (fs.readdirSync(result.outDir, { recursive: true }) as string[])
      .map((file) => file.split(path.sep).join("/"))
      .filter((file) => file.endsWith(".html") && file !== "extra.html");
    for (const page of pages.reverse()) feed.add(page, fs.readFileSync(path.join(result.outDir, page), "utf8"));
    const fed = await checkBuiltLinks(model, result.outDir, "/srv/site", "error", feed);

    assert.equal(afterwards.diagnostics.length, 3);
    assert.deepEqual(fed.diagnostics, afterwards.diagnostics);
    assert.equal(fed.checked, afterwards.checked);
    assert.equal(fed.pages, afterwards.pages);
  });
  test("a handbook big enough for the gate's second thread still stops on a broken link, at its line", async () => {
    const content = path.join(tempDir(), "big");
    generateHandbook(content, FEED_FROM);
    const role = path.join(content, "teams/department-01/team-01/role-02.md");
    const text = fs.readFileSync(role, "utf8").split("\n");
    const line = text.indexOf("## Tools") - 1; // the blank line before it
    // Raw HTML: the Markdown check does not read it, only the gate on the built pages does.
    text[line - 1] = '<p>See <a href="/teams/department-01/team-01/role-99/">the setup</a>.</p>\n';
    fs.writeFileSync(role, text.join("\n"));
    const result = await buildInto(content, ["--no-search"]);
    assert.equal(result.code, 1);
    assert.match(
      result.stdout + result.stderr,
      new RegExp(`role-02\\.md:${line}:\\d+ error link "/teams/department-01/team-01/role-99/" matches no page or file`),
    );
    assert.equal(fs.existsSync(path.join(result.outDir, "index.html")), false, "nothing was written");
  });
});
