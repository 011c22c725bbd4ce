// What the dialog makes of Pagefind's excerpts, as pure functions on text: the highlighted words without their
// punctuation, the excerpt cut so the first highlight is on its first line, and whether a result matched at all.

/** A run of an excerpt's text, highlighted (`mark`) or not. */
export interface Segment {
  text: string;
  mark: boolean;
}

/** Punctuation Pagefind keeps on a highlighted word ("PyTorch.", "“X"), which is not part of the match. */
const LEADING = /^[\s"'“‘«([{¡¿]+/u;
const TRAILING = /[\s"'”’»)\]}.,;:!?…]+$/u;

/**
 * Moves the punctuation around each highlighted word out of the highlight, so "PyTorch." shows "PyTorch" marked and
 * the full stop plain. A highlight that is only punctuation is no highlight.
 */
export function tidyMarks(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  const push = (text: string, mark: boolean) => {
    if (text === "") return;
    const last = out[out.length - 1];
    if (last && last.mark === mark && !mark) last.text += text;
    else out.push({ text, mark });
  };
  for (const { text, mark } of segments) {
    if (!mark) {
      push(text, false);
      continue;
    }
    const lead = LEADING.exec(text)?.[0] ?? "";
    const rest = text.slice(lead.length);
    const trail = TRAILING.exec(rest)?.[0] ?? "";
    const word = rest.slice(0, rest.length - trail.length);
    push(lead, false);
    push(word, word !== "");
    push(trail, false);
  }
  return out;
}

/**
 * Cuts the text before the first highlight down to its last `wordsBefore` words (marking the cut with "…"), so the
 * highlight is on the excerpt's first line rather than after the lines the dialog shows.
 */
export function focusOnFirstMark(segments: readonly Segment[], wordsBefore = 6): Segment[] {
  const first = segments.findIndex((s) => s.mark);
  if (first < 0) return [...segments];
  const before = segments.slice(0, first).map((s) => s.text).join("");
  const words = before.split(/(\s+)/);
  // Words and the spaces between them alternate; a trailing space belongs to the text right before the mark.
  const start = Math.max(0, words.length - wordsBefore * 2 - 1);
  const kept = words.slice(start).join("");
  const lead = start > 0 ? `…${kept.trimStart()}` : kept;
  return [...(lead ? [{ text: lead, mark: false }] : []), ...segments.slice(first)];
}

/** Lower-case letters and digits of a word, for comparing a highlight with what was typed. */
function bare(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Whether a result's highlighted words really match what was typed. Pagefind falls back to a word that only starts
 * like the query ("xqzzy" highlights "X"); a highlight counts when it shares at least the first three letters with a
 * typed word (all of a shorter one), so prefixes ("kube" → Kubernetes) and stems ("runs" → running) still count.
 */
export function matchesQuery(term: string, marks: readonly string[]): boolean {
  const typed = term.split(/\s+/).map(bare).filter((w) => w !== "");
  return marks.some((mark) => {
    const word = bare(mark);
    return word !== "" && typed.some((t) => commonPrefix(t, word) >= Math.min(3, t.length));
  });
}
