import assert from "node:assert/strict";
import { test } from "node:test";
import { scanRawHtml } from "../../../src/security/html.ts";

/** What the scan says about a piece of raw HTML: `offset severity message`, in order. */
const scan = (html: string) => scanRawHtml(html).map((f) => `${f.offset} ${f.severity} ${f.message}`);
/** Just the first words of each finding, for the many tests that are about which tag or attribute is caught. */
const caught = (html: string) => scanRawHtml(html).filter((f) => f.severity === "error").map((f) => f.message.split(" ")[0]);

test("<script>, inline or loading a file of the site, is an error at its tag", () => {
  assert.deepEqual(scan('<p>x</p>\n<SCRIPT src="/files/guide.pdf"></SCRIPT>'), [
    "9 error <script> runs code, which pages may not; remove it (to show code, put it in a code block)",
  ]);
  assert.deepEqual(caught("<script>alert(1)</script>"), ["<script>"]);
});

test("frames, objects, embeds and applets are errors: they would run another document in the site's origin", () => {
  for (const tag of ["iframe", "frame", "frameset", "object", "embed", "applet"]) {
    assert.deepEqual(scan(`<${tag} src="drawing.svg"></${tag}>`), [`0 error <${tag}> embeds another document in the page, which pages may not; link to it instead`]);
  }
});

test("<base>, <meta> (a refresh sends readers away) and <link> are errors", () => {
  assert.deepEqual(scan('<meta http-equiv="refresh" content="0;url=https://evil.example">'), [
    "0 error <meta> can send readers to another address or change how the page loads; remove it",
  ]);
  assert.deepEqual(caught('<base href="https://evil.example/"><link rel="stylesheet" href="/x.css">'), ["<base>", "<link>"]);
});

test("an event handler attribute is an error at the attribute, however it is written", () => {
  assert.deepEqual(scan("<img src=x onerror=alert(1)>"), ['11 error onerror="alert(1)" on <img> runs code, which pages may not; remove the attribute']);
  for (const html of ["<img/src/onerror=alert(1)>", '<img src="x"onerror=alert(1)>', "<img src=x ONERROR =alert(1)>", "<svg><rect onmouseover=x /></svg>"]) {
    assert.equal(caught(html).length, 1, html);
  }
});

test("javascript:, vbscript: and data: URLs are errors in any URL attribute, entities, tabs and case notwithstanding", () => {
  assert.deepEqual(scan('<a href="javascript:alert(1)">x</a>'), [
    '3 error href="javascript:alert(1)" on <a> is a javascript: URL, which pages may not use; link to a page, a file of the site or an https:// address',
  ]);
  const written = [
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="&#106avascript:alert(1)">x</a>',
    '<a href=" JavaScript&colon;alert(1)">x</a>',
    '<form action="vbscript:x"></form>',
    '<img srcset="a.png 1x, javascript:alert(1) 2x">',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
  ];
  for (const html of written) assert.equal(caught(html).length, 1, html);
});

test("data-pagefind-* attributes are errors: content may not steer search", () => {
  assert.deepEqual(scan('<span data-pagefind-filter="team:Evil">x</span>'), [
    "6 error data-pagefind-filter on <span> changes what search shows, which only the site's layout decides; remove the attribute",
  ]);
  for (const name of ["data-pagefind-body", "data-pagefind-meta", "data-pagefind-ignore", "DATA-PAGEFIND-WEIGHT"]) {
    assert.equal(caught(`<p ${name}="x">x</p>`).length, 1, name);
  }
});

test("<style> and style= are warnings: the CSP blocks them, so they only do nothing", () => {
  assert.deepEqual(scan('<p style="color:red">x</p><style>p{}</style>'), [
    '3 warning style="color:red" on <p> has no effect: the site\'s Content-Security-Policy blocks inline styles; remove it',
    "26 warning <style> has no effect: the site's Content-Security-Policy blocks styles written in pages; remove it",
  ]);
});

test("what htmlparser2 reads as a comment, CDATA or raw text but a browser may not is read as HTML too", () => {
  // A browser ends a comment at --!>, reads <![CDATA[ outside SVG as a comment up to the first >, and reads the
  // content of an SVG <title> or <style> as markup.
  for (const html of [
    "<!-- --!> <img src=x onerror=alert(1)> -->",
    "<![CDATA[ x ><img src=x onerror=alert(1)> ]]>",
    "<svg><title><img src=x onerror=alert(1)></title></svg>",
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "<?x ><script>alert(1)</script>?>",
  ]) {
    assert.equal(caught(html).length, 1, html);
  }
});

test("a piece of HTML that ends inside a tag or comment is an error: what follows would become part of it", () => {
  assert.deepEqual(scan("<div title='\n"), [
    '0 error the <div> tag is not finished with ">" where its HTML ends, so the browser would read the Markdown after it as part of it; finish it before the blank line that ends the HTML',
  ]);
  assert.deepEqual(caught("<p>ok</p><div\n"), ["the"]);
  assert.deepEqual(caught("<p>ok</p></div x='"), ["the"]);
  assert.deepEqual(caught("<div><!-- note\n"), ["a"]);
});

test("ordinary HTML passes: elements, links, ids, entities, comments, details, an open <textarea>", () => {
  for (const html of [
    '<details open>\n<summary>More</summary>\n',
    '<p>Use the &lt;script&gt; element &amp; <a href="/teams/#top" title="on call">this</a>.</p>',
    '<img src="diagram.png" alt="onload is a word" width="300">',
    "<!-- a note -->",
    "<!-->",
    "</details>",
    "<kbd>Ctrl</kbd> < <kbd>Alt</kbd>",
    '<a href="https://example.com/?q=javascript:x" id="x" data-team="dev">x</a>',
    "<textarea>",
  ]) {
    assert.deepEqual(scan(html), [], html);
  }
});
