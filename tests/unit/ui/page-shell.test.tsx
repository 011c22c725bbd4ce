import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as cheerio from "cheerio";
import { settingsSchema } from "../../../src/config/settings.ts";
import { PageShell, renderShell } from "../../../src/ui/components/PageShell.tsx";

// The document every page shares: the written and generated pages and the 404 differ only in what they put in it.

const settings = settingsSchema.parse({ title: "Northwind Handbook", lang: "en-GB", footer: "Internal use only." });
const render = (props: { search?: boolean; sidebar?: Parameters<typeof PageShell>[0]["sidebar"] }) =>
  cheerio.load(
    renderShell(
      <PageShell
        settings={settings}
        search={props.search ?? true}
        href={(url) => `/handbook${url}`}
        documentTitle={"<Title> – Northwind Handbook"}
        sidebar={props.sidebar}
      >
        <p id="body">Body</p>
      </PageShell>,
    ),
  );

describe("the page shell", () => {
  test("is one HTML document in the site's language, its title escaped, the content in the main column", () => {
    const $ = render({ sidebar: [] });
    assert.equal($("html").attr("lang"), "en-GB");
    assert.equal($("title").text(), "<Title> – Northwind Handbook");
    assert.equal($("main#main-content #body").text(), "Body");
    assert.equal($(".site-footer").text(), "Internal use only.");
    assert.equal($("a.skip-link").attr("href"), "#main-content");
  });

  test("shows a sidebar when given one, and none (body class without-nav) when not", () => {
    const withNav = render({ sidebar: [{ kind: "link", title: "Home", url: "/", current: true }] });
    assert.equal(withNav("body").attr("class"), "with-nav");
    assert.equal(withNav("aside.sidebar a").attr("href"), "/handbook/");
    const without = render({ sidebar: undefined });
    assert.equal(without("body").attr("class"), "without-nav");
    assert.equal(without("aside.sidebar").length, 0);
  });

  test("carries the search dialog only when the site has a search index", () => {
    assert.equal(render({ sidebar: [], search: true })("dialog#search-dialog").attr("data-bundle"), "/handbook/pagefind/");
    assert.equal(render({ sidebar: [], search: false })("dialog#search-dialog").length, 0);
  });
});
