import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { parseSource, type SourcePage } from "../../../src/content/page.ts";
import { applyLiquid, type LiquidSite } from "../../../src/jekyll/liquid.ts";
import { formatted, SITE } from "../fixtures.ts";

/** A page whose front matter is `frontMatter` (lines 2…) and whose body follows the closing ---. */
const page = (relPath: string, frontMatter: string, body: string): SourcePage => {
  const parsed = parseSource(`${SITE}/content/${relPath}`, relPath, `---\n${frontMatter}\n---\n${body}`);
  if (!parsed.page) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.page;
};

const site = (extra: Partial<LiquidSite> = {}): LiquidSite => ({
  site: { title: "Acme Docs", url: "https://docs.acme.example", baseurl: "", team: { lead: { name: "Ada" } } },
  sourceDir: `${SITE}/content`,
  urlOfFile: (file) => (file === `${SITE}/content/docs/install.md` ? "/docs/install/" : undefined),
  ...extra,
});

const render = (body: string, frontMatter = "title: Page", extra: Partial<LiquidSite> = {}) =>
  applyLiquid([page("docs/page.md", frontMatter, body)], site(extra));

describe("Liquid in Markdown, as Jekyll runs it", () => {
  test("site and page variables, nested keys included", () => {
    const { pages, diagnostics } = render("# {{ page.title }} at {{ site.title }}\nLead: {{ site.team.lead.name }}; {{ page.url }} {{ page.path }}\n");
    assert.deepEqual(diagnostics, []);
    assert.equal(pages[0]!.body, "# Page at Acme Docs\nLead: Ada; /docs/page/ docs/page.md\n");
  });

  test("an undefined variable is an error at its line and column in the file, never an empty string", () => {
    // Front matter takes lines 1-3, so the body's third line is line 6 of the file.
    const { pages, diagnostics } = render("One\nTwo\nThree {{ site.team.lead.email }}\n");
    assert.deepEqual(formatted(diagnostics), [
      'content/docs/page.md:6:10 error Liquid: "site.team.lead.email" is not defined; define it in _config.yml or the page\'s front matter, or put {% raw %}…{% endraw %} around text that is not Liquid',
    ]);
    assert.equal(pages[0]!.body, "One\nTwo\nThree {{ site.team.lead.email }}\n", "the page keeps its text");
  });

  test("an unknown filter or tag is an error too", () => {
    assert.deepEqual(formatted(render("{{ site.title | shout }}\n").diagnostics), ["content/docs/page.md:4:1 error Liquid: undefined filter: shout"]);
    assert.match(formatted(render("x\n{% seo %}\n").diagnostics)[0]!, /^content\/docs\/page\.md:5:1 error Liquid: tag "seo" not found$/);
  });

  test("{% raw %} keeps Liquid as text", () => {
    assert.equal(render("{% raw %}{{ site.nope }} {% if %}{% endraw %}\n").pages[0]!.body, "{{ site.nope }} {% if %}\n");
  });

  test("if and default test for a value that may be missing without an error", () => {
    const { pages, diagnostics } = render("{% if page.summary %}S{% else %}none{% endif %} {{ page.summary | default: 'no summary' }}\n");
    assert.deepEqual(diagnostics, []);
    assert.equal(pages[0]!.body, "none no summary\n");
  });

  test("render_with_liquid: false leaves a page as written", () => {
    const { pages, diagnostics } = render("Write {{ site.nope }} like this.\n", "title: Page\nrender_with_liquid: false");
    assert.deepEqual(diagnostics, []);
    assert.equal(pages[0]!.body, "Write {{ site.nope }} like this.\n");
  });

  test("{% link %} gives the URL of the page built from a file; a missing file is an error", () => {
    assert.equal(render("[Install]({% link docs/install.md %})\n").pages[0]!.body, "[Install](/docs/install/)\n");
    assert.deepEqual(formatted(render("x\n[Gone]({% link docs/gone.md %})\n").diagnostics), [
      "content/docs/page.md:5:8 error Liquid: {% link docs/gone.md %} names no page; the path is relative to the site's folder, e.g. docs/page.md",
    ]);
  });

  test("relative_url and absolute_url: site URLs without the path prefix, which the build adds to every link", () => {
    const { pages } = render('{{ "/assets/a.png" | relative_url }} {{ "docs/" | absolute_url }} {{ site.baseurl }}{% link docs/install.md %}\n');
    assert.equal(pages[0]!.body, "/assets/a.png https://docs.acme.example/docs/ /docs/install/\n");
  });

  test("{% highlight %} becomes a fenced code block", () => {
    const { pages } = render("{% highlight ruby %}\nputs '```'\n{% endhighlight %}\n");
    assert.equal(pages[0]!.body, "````ruby\nputs '```'\n````\n");
  });

  test("{% include %} reads _includes/ with Jekyll's include.parameters", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "liquid-include-"));
    try {
      fs.mkdirSync(path.join(dir, "_includes"));
      fs.writeFileSync(path.join(dir, "_includes", "owner.html"), "Owned by {{ include.team }}.");
      const { pages, diagnostics } = render('{% include owner.html team="Platform" %}\n', "title: Page", { sourceDir: dir });
      assert.deepEqual(diagnostics, []);
      assert.equal(pages[0]!.body, "Owned by Platform.\n");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
