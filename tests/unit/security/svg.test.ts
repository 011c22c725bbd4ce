import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { formatDiagnostic } from "../../../src/shared/diagnostics.ts";
import { svgProblems } from "../../../src/security/svg.ts";
import { buildSiteModel } from "../../../src/site/model.ts";
import { copyFixture, projectDir } from "../../helpers/site.ts";

/** What the check says about content/img/flow.svg holding `text`. */
const check = (text: string) => svgProblems("/site/content/img/flow.svg", text).map((d) => formatDiagnostic(d, "/site"));
/** How many problems an SVG has. */
const count = (text: string) => svgProblems("/site/a.svg", text).length;

test("a <script> in an SVG is an error at its line, in any namespace and case", () => {
  assert.deepEqual(check('<svg xmlns="http://www.w3.org/2000/svg">\n  <script>parent.location = "https://evil.example"</script>\n</svg>\n'), [
    "content/img/flow.svg:2:3 error <script> runs code when the file is opened, in the site's origin; remove it",
  ]);
  assert.equal(count('<svg><h:script xmlns:h="http://www.w3.org/1999/xhtml">x</h:script></svg>'), 1);
  assert.equal(count("<svg><SCRIPT>x</SCRIPT></svg>"), 1);
});

test("event handlers, <foreignObject> and embedded HTML documents are errors", () => {
  assert.deepEqual(check('<svg onload="x">\n<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>'), [
    'content/img/flow.svg:1:6 error onload="…" on <svg> runs code when the file is opened; remove the attribute',
    "content/img/flow.svg:2:1 error <foreignObject> holds HTML, which can run code; remove it (export the drawing with its text as SVG text)",
  ]);
  for (const tag of ["iframe", "embed", "object"]) assert.equal(count(`<svg><h:${tag} xmlns:h="http://www.w3.org/1999/xhtml"/></svg>`), 1, tag);
});

test("javascript: and data: URLs in href or xlink:href, or animated into one, are errors", () => {
  assert.deepEqual(check('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'), [
    "content/img/flow.svg:1:9 error xlink:href on <a> is a javascript: URL, which can run code; remove it",
  ]);
  assert.equal(count('<svg><a href="data:text/html,x"><text>x</text></a></svg>'), 1);
  assert.equal(count('<svg><a href="&#106;avascript:x"><text>x</text></a></svg>'), 1);
  assert.equal(count('<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>'), 1);
});

test("<use> and <image> may only show what is in the file; a raster picture written into it is fine", () => {
  assert.deepEqual(check('<svg><use href="other.svg#shape"/><image href="https://tracker.example/p.png"/></svg>'), [
    'content/img/flow.svg:1:11 error <use> href="other.svg#shape" points outside the file; put what it shows in this file, or remove it',
    'content/img/flow.svg:1:42 error <image> href="https://tracker.example/p.png" points outside the file; put what it shows in this file, or remove it',
  ]);
  assert.equal(count('<svg><image xlink:href="data:image/svg+xml,&lt;svg/&gt;"/></svg>'), 1);
  assert.equal(count('<svg><defs><path id="p"/></defs><use href="#p"/><image href="data:image/png;base64,iVBORw0KGgo="/></svg>'), 0);
});

test("entity declarations, xml-stylesheet and text that is not UTF-8 are errors", () => {
  assert.deepEqual(check('<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="x.xsl"?>\n<!DOCTYPE svg [<!ENTITY s "&#60;script">]>\n<svg>&s;</svg>'), [
    "content/img/flow.svg:2:1 error <?xml-stylesheet?> applies another file to this one, which can run code; remove it",
    "content/img/flow.svg:3:1 error <!ENTITY> declares text the file expands elsewhere, which can hide script; remove the entity declarations",
  ]);
  assert.deepEqual(check("\ufffd\ufffd<\u0000s\u0000v\u0000g\u0000>"), ["content/img/flow.svg:1:1 error the SVG is not UTF-8 text, so it cannot be checked; save it as UTF-8"]);
});

test("an ordinary drawing passes: styles, gradients, links to other sites, titles", () => {
  const drawing = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 16 16">
  <title>Flow</title><style>.a { fill: url(#g) }</style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
  <rect class="a" width="16" height="16"/><a href="https://example.com/"><text x="1" y="9">x</text></a>
</svg>`;
  assert.deepEqual(check(drawing), []);
});

test("the model reads the SVGs the build copies: the content folder's and a Jekyll site's static files", () => {
  const settingsFile = path.join(projectDir, "_data", "site.json");
  const script = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n';
  const content = copyFixture("basic");
  fs.mkdirSync(path.join(content, "teams/img"));
  fs.writeFileSync(path.join(content, "teams/img/flow.svg"), script);
  const handbook = buildSiteModel({ contentDir: content, settingsFile }).diagnostics;
  assert.deepEqual(handbook.map((d) => formatDiagnostic(d, content)), ["teams/img/flow.svg:1:41 error <script> runs code when the file is opened, in the site's origin; remove it"]);

  const site = copyFixture("jtd-site");
  fs.writeFileSync(path.join(site, "assets/images/logo.svg"), script);
  const jekyll = buildSiteModel({ contentDir: site, settingsFile, jekyllConfig: path.join(site, "_config.yml") }).diagnostics;
  assert.deepEqual(jekyll.filter((d) => d.file.endsWith(".svg")).map((d) => formatDiagnostic(d, site)), ["assets/images/logo.svg:1:41 error <script> runs code when the file is opened, in the site's origin; remove it"]);
});
