import assert from "node:assert/strict";
import { test } from "node:test";
import type { NameLinks, NameLinksEnv } from "../../../src/markdown/name-links.ts";
import { createMarkdown } from "../../../src/markdown/render.ts";

const md = createMarkdown(() => ({ contentDir: "/site/content", base: "/", urlOfFile: () => undefined, headingAnchors: false }));
/** Links "Python" (which the role lists) and "Docker" (which it only mentions) in the Skills section. */
const links: NameLinks = {
  inSection: (heading) => heading === "Skills",
  find: (text) =>
    [...text.matchAll(/Python|Docker/g)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      href: `/x/${m[0].toLowerCase()}/`,
      listed: m[0] === "Python",
    })),
};
const render = (text: string, env: NameLinksEnv = { nameLinks: links }) => md.render(text, env);

test("a name in an item of a chosen section links to its page, once per item; a listed name weighs more in search", () => {
  assert.equal(
    render("## Skills\n\n- Python, Docker and Python again.\n"),
    `<h2 id="skills">Skills</h2>\n<ul>\n<li><a href="/x/python/" class="role-name-link" data-pagefind-weight="5">Python</a>, ` +
      `<a href="/x/docker/" class="role-name-link">Docker</a> and Python again.</li>\n</ul>\n`,
  );
});

test("no link outside the chosen sections, inside a link or code, in nested items or under a ### heading", () => {
  const html = render(
    "## Tools\n\n- Python\n\n## Skills\n\n- [Python](https://python.org) `Python`\n  - Python nested\n\n### Notes\n\n- Python\n\nPython in a paragraph.\n",
  );
  assert.doesNotMatch(html, /role-name-link/);
});

test("without the page's name links, the Markdown renders as it is written", () => {
  assert.equal(render("## Skills\n\n- Python\n", {}), `<h2 id="skills">Skills</h2>\n<ul>\n<li>Python</li>\n</ul>\n`);
});
