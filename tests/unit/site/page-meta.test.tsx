import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { renderToString } from "preact-render-to-string";
import { PageMeta } from "../../../src/ui/components/PageMeta.tsx";
import { editUrlOf, formatDay, lastUpdatedOf } from "../../../src/site/page-meta.ts";
import { src } from "../fixtures.ts";

const repository = { url: "https://github.com/northwind-labs/handbook", branch: "main", contentPath: "content" };

describe("edit this page", () => {
  test("links to the file on the repository's branch, below the content folder", () => {
    assert.equal(
      editUrlOf({ repository }, "teams/dev-team/ai-engineer.md"),
      "https://github.com/northwind-labs/handbook/edit/main/content/teams/dev-team/ai-engineer.md",
    );
  });

  test("encodes spaces and other characters in the path but keeps its slashes", () => {
    assert.equal(
      editUrlOf({ repository: { ...repository, url: `${repository.url}/`, branch: "release/2024", contentPath: "docs/hand book" } }, "a b/c#d.md"),
      "https://github.com/northwind-labs/handbook/edit/release/2024/docs/hand%20book/a%20b/c%23d.md",
    );
  });

  test("there is no link when the site names no repository", () => {
    assert.equal(editUrlOf({ repository: undefined }, "index.md"), undefined);
    const html = renderToString(<PageMeta lastUpdated={{ iso: "2024-03-15", source: "git" }} lang="en" />);
    assert.doesNotMatch(html, /Edit this page/);
    assert.match(html, /Last updated <time datetime="2024-03-15">March 15, 2024<\/time>/);
  });

  test("the link and the date are escaped", () => {
    const html = renderToString(
      <PageMeta lastUpdated={{ iso: '2024-03-15"><b>', source: "front matter" }} editUrl={'https://x.test/"><script>'} lang="en" />,
    );
    assert.doesNotMatch(html, /<script>|<b>/);
    assert.match(html, /href="https:\/\/x\.test\/&quot;>&lt;script>"/);
  });

  test("nothing is shown for a page with neither date nor link", () => {
    assert.equal(renderToString(<PageMeta lang="en" />), "");
  });
});

describe("last updated", () => {
  const git = new Map([["teams/a.md", new Date("2024-05-02T23:30:00Z")]]);

  test("comes from the page's last commit", () => {
    assert.deepEqual(lastUpdatedOf(src("teams/a.md", "title: A"), git), { iso: "2024-05-02", source: "git" });
  });

  test("last_modified_date in front matter wins over git, as a date or as text", () => {
    assert.deepEqual(lastUpdatedOf(src("teams/a.md", "title: A\nlast_modified_date: 2023-01-09"), git), {
      iso: "2023-01-09",
      source: "front matter",
    });
    assert.deepEqual(lastUpdatedOf(src("teams/a.md", 'title: A\nlast_modified_date: "2023-01-09 10:00:00 +0100"'), git), {
      iso: "2023-01-09",
      source: "front matter",
    });
  });

  test("is shown in the site's language, the same day on every machine", () => {
    assert.equal(formatDay("2024-03-15", "en"), "March 15, 2024");
    assert.equal(formatDay("2024-03-15", "de"), "15. März 2024");
  });
});
