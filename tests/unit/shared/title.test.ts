import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { titleParts, titleText } from "../../../src/shared/title.ts";

describe("inline HTML in a title", () => {
  test("the allowed tags are formatting; the text is the title without them", () => {
    assert.deepEqual(titleParts("<i>inactive</i> COVID <code>x</code>"), [{ tag: "i", parts: ["inactive"] }, " COVID ", { tag: "code", parts: ["x"] }]);
    assert.equal(titleText("<i>inactive</i> COVID Act Now"), "inactive COVID Act Now");
    assert.deepEqual(titleParts("H<sub>2</sub>O <b><em>now</em></b>"), ["H", { tag: "sub", parts: ["2"] }, "O ", { tag: "b", parts: [{ tag: "em", parts: ["now"] }] }]);
  });

  test("any other tag, an attribute, or a tag left open or closed out of order stays text as written", () => {
    for (const title of ["<img src=x onerror=alert(1)>", '<i class="x">a</i>', "<i>open", "a </b> b", "<i><b>x</i>", "a < b & c"]) {
      assert.equal(titleText(title), title, title);
    }
  });

  test("nesting deeper than four stays text, so no title makes a deep tree", () => {
    const deep = "<i>".repeat(10) + "x" + "</i>".repeat(10);
    const depth = (parts: ReturnType<typeof titleParts>): number => Math.max(0, ...parts.map((p) => (typeof p === "string" ? 0 : 1 + depth(p.parts))));
    assert.equal(depth(titleParts(deep)), 4);
  });
});
