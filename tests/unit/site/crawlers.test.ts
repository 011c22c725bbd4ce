import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildNavTree } from "../../../src/navigation/tree.ts";
import { robotsTxt, sitemapXml, writesSitemap } from "../../../src/site/crawlers.ts";
import { SiteModel } from "../../../src/site/model.ts";
import { settingsSchema, type Settings } from "../../../src/config/settings.ts";
import { src } from "../fixtures.ts";

const pages = [
  src("index.md", "title: Home"),
  src("café.md", "title: Café"),
  src("hidden.md", "title: Hidden\nsearch_exclude: true"),
  src("unlisted.md", "title: Unlisted\nnav_exclude: true"),
];
const model = (settings: Partial<Settings>) =>
  new SiteModel({ ...settingsSchema.parse({}), ...settings }, "/site/content", buildNavTree(pages).tree, []);

describe("robots.txt and sitemap.xml", () => {
  test("noindex (the default) disallows everything", () => {
    assert.equal(settingsSchema.parse({}).noindex, true);
    assert.equal(robotsTxt(model({ url: "https://h.example" })), "User-agent: *\nDisallow: /\n");
  });

  test("without noindex, crawlers are let in and told where the sitemap is", () => {
    assert.equal(
      robotsTxt(model({ noindex: false, url: "https://h.example", pathPrefix: "/hb/" })),
      "User-agent: *\nAllow: /\n\nSitemap: https://h.example/hb/sitemap.xml\n",
    );
    assert.equal(robotsTxt(model({ noindex: false })), "User-agent: *\nAllow: /\n");
  });

  test("the sitemap needs the origin; its URLs are encoded and sorted, search_exclude pages left out", () => {
    assert.equal(writesSitemap(model({})), false);
    const xml = sitemapXml(model({ url: "https://h.example", pathPrefix: "/hb/" }));
    assert.deepEqual(
      [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]),
      ["https://h.example/hb/", "https://h.example/hb/caf%C3%A9/", "https://h.example/hb/unlisted/"],
    );
  });

  test("an origin with a path is refused", () => {
    assert.equal(settingsSchema.safeParse({ url: "https://h.example/handbook" }).success, false);
    assert.equal(settingsSchema.safeParse({ url: "https://h.example" }).success, true);
  });
});
