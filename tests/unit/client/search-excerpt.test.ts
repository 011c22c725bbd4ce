import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { focusOnFirstMark, matchesQuery, tidyMarks, type Segment } from "../../../src/client/search-excerpt.ts";

const plain = (text: string): Segment => ({ text, mark: false });
const mark = (text: string): Segment => ({ text, mark: true });

describe("search excerpts", () => {
  test("a highlight leaves out the punctuation around the word", () => {
    assert.deepEqual(tidyMarks([mark("PyTorch."), plain(" A tool")]), [mark("PyTorch"), plain(". A tool")]);
    assert.deepEqual(tidyMarks([plain("Never "), mark("“X"), plain(" should")]), [plain("Never “"), mark("X"), plain(" should")]);
    assert.deepEqual(tidyMarks([plain("a "), mark("(CI/CD),"), plain(" b")]), [plain("a ("), mark("CI/CD"), plain("), b")]);
  });

  test("a highlight that is only punctuation is no highlight", () => {
    assert.deepEqual(tidyMarks([plain("a "), mark("…"), plain(" b")]), [plain("a … b")]);
  });

  test("the text before the first highlight is cut to its last words, so the highlight shows on the first line", () => {
    const long = "one two three four five six seven eight nine ten ";
    assert.deepEqual(focusOnFirstMark([plain(long), mark("PyTorch"), plain(" and more")], 3), [
      plain("…eight nine ten "),
      mark("PyTorch"),
      plain(" and more"),
    ]);
  });

  test("an excerpt whose highlight is near its start, or that has none, is left whole", () => {
    const near = [plain("Uses "), mark("PyTorch"), plain(" daily")];
    assert.deepEqual(focusOnFirstMark(near, 3), near);
    assert.deepEqual(focusOnFirstMark([plain("no match here")], 3), [plain("no match here")]);
  });

  test("a result matches when a highlight shares its first three letters with a typed word", () => {
    assert.equal(matchesQuery("pytorch", ["PyTorch"]), true);
    assert.equal(matchesQuery("kube", ["Kubernetes"]), true, "the start of a word");
    assert.equal(matchesQuery("running", ["runs"]), true, "a stem");
    assert.equal(matchesQuery("ai engineer", ["AI"]), true, "a short word, whole");
  });

  test("a result Pagefind found by a word that only starts like the query does not match", () => {
    assert.equal(matchesQuery("xqzzy", ["X"]), false);
    assert.equal(matchesQuery("xqzzy", []), false);
  });
});
