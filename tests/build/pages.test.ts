// Gates over every page a build writes, for the handbook's own content and the fixture sites: valid HTML
// (html-validate, rules in .htmlvalidate.json) and the Content-Security-Policy with nothing inline.
//
// .htmlvalidate.json extends html-validate:recommended and turns one rule off:
// - long-title: a page's <title> is its own title and the site's name, so its length is the author's (skill pages
//   are named after the skills role pages list, some 70 characters long, and the owner's page must build unchanged);
//   the rule guards how search engines cut titles, and an internal handbook is not in search engines.
// It sets three rules' options:
// - doctype-style lowercase and void-style selfclose: how Preact's renderer writes `<!doctype html>` and `<meta … />`;
//   both are valid HTML, the rules only choose a spelling.
// - aria-label-misuse allowAnyNamable: a list of search results named "Results" is announced as such; ARIA allows a
//   name on any element whose role takes one, and the rule by default only warns that it is unusual.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import * as cheerio from "cheerio";
import { HtmlValidate, type ConfigData } from "html-validate";
import { CONTENT_SECURITY_POLICY } from "../../src/security/csp.ts";
import { sharedBuild, fixture, projectDir } from "../helpers/site.ts";

/** The sites built: the handbook itself and every fixture handbook. */
const SITES = {
  handbook: path.join(projectDir, "content"),
  basic: fixture("basic"),
  search: fixture("search"),
  escaping: fixture("escaping"),
};

/** Every HTML page of a built site, as `site/relative/path.html` and its text. */
type Pages = Array<{ name: string; html: string }>;

describe("every page of every build", () => {
  const pages: Pages = [];
  before(async () => {
    const builds = await Promise.all(
      Object.entries(SITES).map(async ([name, dir]) => ({ name, result: await sharedBuild(dir) })),
    );
    for (const { name, result } of builds) {
      assert.equal(result.code, 0, `${name}: ${result.stderr}`);
      for (const file of (fs.readdirSync(result.outDir, { recursive: true }) as string[]).sort()) {
        if (file.endsWith(".html")) pages.push({ name: `${name}/${file}`, html: fs.readFileSync(path.join(result.outDir, file), "utf8") });
      }
    }
  });

  test("the builds wrote the page types the gates are meant to cover", () => {
    const names = pages.map((p) => p.name);
    for (const page of ["handbook/index.html", "handbook/teams/index.html", "handbook/teams/dev-team/index.html", "handbook/teams/dev-team/ai-engineer/index.html", "escaping/people/html-title/index.html"]) {
      assert.ok(names.includes(page), `${page} was built`);
    }
    assert.ok(pages.length > 70, `${pages.length} pages`);
  });

  test("is valid HTML by html-validate's recommended rules", async () => {
    const config = JSON.parse(fs.readFileSync(path.join(projectDir, ".htmlvalidate.json"), "utf8")) as ConfigData;
    const validator = new HtmlValidate(config);
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(page.html, page.name);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${page.name}:${m.line}:${m.column} ${m.ruleId} ${m.message} (${m.selector ?? ""})`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test("carries the Content-Security-Policy first in <head>, before any stylesheet or script", () => {
    for (const page of pages) {
      const $ = cheerio.load(page.html);
      const policies = $('meta[http-equiv="Content-Security-Policy"]');
      assert.equal(policies.length, 1, `${page.name} has one policy`);
      assert.equal(policies.attr("content"), CONTENT_SECURITY_POLICY, page.name);
      const head = $("head").children().toArray().map((el) => $(el).is('meta[http-equiv="Content-Security-Policy"]') ? "csp" : el.tagName);
      assert.deepEqual(head.slice(0, 2), ["meta", "csp"], `${page.name}: charset, then the policy`);
    }
  });

  test("has nothing inline that the policy would block: no script bodies, <style>, style or on* attributes", () => {
    const found: string[] = [];
    for (const page of pages) {
      const $ = cheerio.load(page.html);
      $("script:not([src])").each((_, el) => void found.push(`${page.name}: inline <script>${$(el).text().slice(0, 40)}`));
      $("style").each(() => void found.push(`${page.name}: <style>`));
      $("[style]").each((_, el) => void found.push(`${page.name}: style attribute on <${$(el).prop("tagName")}>`));
      $("*").each((_, el) => {
        for (const name of Object.keys($(el).attr() ?? {})) {
          if (/^on/i.test(name)) found.push(`${page.name}: ${name} attribute on <${$(el).prop("tagName")}>`);
        }
      });
      $('a[href^="javascript:"]').each(() => void found.push(`${page.name}: javascript: link`));
    }
    assert.deepEqual(found, []);
  });

  test("the policy allows only the site itself, and WebAssembly only for Pagefind", () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(/;\s*/).map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
    assert.deepEqual(directives.get("default-src"), ["'self'"]);
    assert.deepEqual(directives.get("script-src"), ["'self'", "'wasm-unsafe-eval'"]);
    assert.deepEqual(directives.get("style-src"), ["'self'"]);
    assert.deepEqual(directives.get("object-src"), ["'none'"]);
    for (const [name, sources] of directives) {
      for (const source of sources ?? []) assert.ok(!/unsafe-inline|unsafe-eval'|\*|https?:|data:/.test(source) || source === "'wasm-unsafe-eval'", `${name} ${source}`);
    }
  });
});
