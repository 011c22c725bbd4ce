import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { parseSource } from "../../../src/content/page.ts";
import { githubMetadata, githubWarnings, originRemote, repositoryFromRemote } from "../../../src/jekyll/github.ts";
import { formatted, SITE } from "../fixtures.ts";

describe("site.github, as GitHub Pages gives it without its API", () => {
  test("the repository comes from a GitHub remote, https or ssh", () => {
    assert.equal(repositoryFromRemote("https://github.com/just-the-docs/just-the-docs.git"), "just-the-docs/just-the-docs");
    assert.equal(repositoryFromRemote("git@github.com:acme/docs.git"), "acme/docs");
    assert.equal(repositoryFromRemote("https://gitlab.com/acme/docs.git"), undefined);
  });

  test("the remote is read from .git/config as text, from the site's folder or one above", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "gh-meta-"));
    fs.mkdirSync(path.join(root, ".git"));
    fs.mkdirSync(path.join(root, "docs"));
    fs.writeFileSync(path.join(root, ".git/config"), '[core]\n\tbare = false\n[remote "upstream"]\n\turl = https://github.com/other/x.git\n[remote "origin"]\n\turl = git@github.com:acme/docs.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n');
    assert.equal(originRemote(path.join(root, "docs")), "git@github.com:acme/docs.git");
    fs.rmSync(root, { recursive: true });
  });

  test("values that follow from the repository's name; API-only ones are empty", () => {
    const github = githubMetadata("acme/docs");
    assert.equal(github.repository_url, "https://github.com/acme/docs");
    assert.equal(github.url, "https://acme.github.io/docs");
    assert.equal(github.baseurl, "/docs");
    assert.deepEqual(github.contributors, []);
    assert.equal(githubMetadata("acme/acme.github.io").is_user_page, true);
  });

  test("a page using a value the build cannot know gets a warning at its place, not an error", () => {
    const parsed = parseSource(`${SITE}/content/index.md`, "index.md", "---\ntitle: Home\n---\n[Source]({{ site.github.repository_url }})\n{% for c in site.github.contributors %}{{ c.login }}{% endfor %}\n");
    assert.deepEqual(formatted(githubWarnings([parsed.page!], githubMetadata("acme/docs"))), [
      "content/index.md:5:13 warning site.github.contributors comes from GitHub's API, which the build does not call: it is empty here",
    ]);
    assert.deepEqual(formatted(githubWarnings([parsed.page!], githubMetadata(undefined))).length, 2);
  });
});
