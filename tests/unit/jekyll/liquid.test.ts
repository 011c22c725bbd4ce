import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { parseSource, type SourcePage } from "../../../src/content/page.ts";
import { applyLiquid, LIQUID_LIMITS, type LiquidSite } from "../../../src/jekyll/liquid.ts";
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
/** As `render`, with no time limit to speak of: a test of the memory limit must not depend on the machine's speed. */
const renderUntimed = (body: string) =>
  applyLiquid([page("docs/page.md", "title: Page", body)], site(), { ...LIQUID_LIMITS, renderMs: 10 * 60_000 });

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

  describe("limits: a page's Liquid cannot exhaust the build's memory or time", () => {
    test("a range of a billion numbers is an error at its tag (memory limit), not an aborted build", () => {
      const { pages, diagnostics } = renderUntimed("Intro\n{% for i in (1..1000000000) %}{{ i }}{% endfor %}\n");
      assert.deepEqual(formatted(diagnostics), [
        `content/docs/page.md:5:1 error Liquid: this page's Liquid makes more than 20,000,000 characters or list items (memory limit); a range, loop or filter here makes too much: make it smaller`,
      ]);
      assert.equal(pages[0]!.body, "Intro\n{% for i in (1..1000000000) %}{{ i }}{% endfor %}\n", "the page keeps its text");
    });

    test("two nested 100,000-step loops end in an error at the inner loop, not a hang", () => {
      const { diagnostics } = render("Intro\nx {% for i in (1..100000) %}{% for j in (1..100000) %}{{ j }}{% endfor %}{% endfor %}\n");
      assert.equal(diagnostics.length, 1);
      assert.match(formatted(diagnostics)[0]!, /^content\/docs\/page\.md:5:\d+ error Liquid: .* \((render|memory) limit\); /);
    });

    test("a page that renders for longer than the render limit is an error naming that limit", () => {
      // 8 million steps over one small list: no memory to speak of, only time (the limit is lowered for the test).
      const body = "One\n{% assign xs = (1..200) %}{% for i in xs %}{% for j in xs %}{% for k in xs %}{% endfor %}{% endfor %}{% endfor %}\n";
      const { diagnostics } = applyLiquid([page("docs/page.md", "title: Page", body)], site(), { ...LIQUID_LIMITS, renderMs: 50 });
      assert.equal(formatted(diagnostics).length, 1);
      assert.match(
        formatted(diagnostics)[0]!,
        /^content\/docs\/page\.md:5:\d+ error Liquid: rendering this page took longer than 0\.05 s \(render limit\); a loop here runs too often/,
      );
    });

    test("a page longer than the parse limit is an error at its first line of text, naming the limit", () => {
      const body = `{{ site.title }}\n${"word ".repeat(LIQUID_LIMITS.parse / 5)}\n`;
      assert.deepEqual(formatted(render(body).diagnostics), [
        `content/docs/page.md:4:1 error Liquid: the page is ${body.length.toLocaleString("en-US")} characters long, more than the 2,000,000 Liquid reads in one page (parse limit); split it into smaller pages, or add render_with_liquid: false to its front matter if it has no Liquid`,
      ]);
    });

    test("output that grows past the memory limit (text repeated by loops) is an error too", () => {
      const { diagnostics } = renderUntimed(`Intro\n{% assign xs = (1..1000) %}{% for i in xs %}{% for j in xs %}${"y".repeat(100)}{% endfor %}{% endfor %}\n`);
      assert.equal(diagnostics.length, 1);
      assert.match(formatted(diagnostics)[0]!, /^content\/docs\/page\.md:\d+:\d+ error Liquid: this page's Liquid makes more than 20,000,000 characters or list items \(memory limit\)/);
    });

    test("text doubled by capture until JavaScript cannot hold it is the memory limit too", () => {
      const { diagnostics } = renderUntimed("Intro\n{% assign s = 'ab' %}{% for i in (1..40) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}\n");
      assert.equal(diagnostics.length, 1);
      assert.match(formatted(diagnostics)[0]!, /^content\/docs\/page\.md:5:\d+ error Liquid: .*\(memory limit\); /);
    });

    test("an included file longer than the parse limit is an error at the include", () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "liquid-include-"));
      try {
        fs.mkdirSync(path.join(dir, "_includes"));
        fs.writeFileSync(path.join(dir, "_includes", "dump.html"), "z".repeat(LIQUID_LIMITS.parse + 1));
        const { diagnostics } = render("Intro\n  {% include dump.html %}\n", "title: Page", { sourceDir: dir });
        assert.deepEqual(formatted(diagnostics), [
          "content/docs/page.md:5:3 error Liquid: the file included here is more than the 2,000,000 characters Liquid reads in one file (parse limit); split it into smaller files",
        ]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    test("a page that lists 2,000 pages stays far inside every limit", () => {
      const listing = "{% assign sorted = site.pages | sort: 'title' %}{% for p in sorted %}- [{{ p.title }}]({{ p.url | relative_url }})\n{% endfor %}";
      const pages = Array.from({ length: 2000 }, (_, i) => page(`docs/p${i}.md`, `title: Page ${i}`, i === 0 ? listing : "x\n"));
      const { pages: out, diagnostics } = applyLiquid(pages, site({ site: { pages: pages.map((p) => ({ title: p.meta.title, url: p.url })) } }));
      assert.deepEqual(diagnostics, []);
      assert.equal(out[0]!.body.split("\n").length, 2001);
    });
  });
});
