// A page title may carry a little inline HTML, as Just the Docs sites write it (`title: <i>inactive</i> CDC`). Only
// these tags, bare and closed in order, are read as formatting; anything else (another tag, an attribute, a tag left
// open) stays text, so `<img src=x onerror=…>` in a title is shown as written, never run.

/** The tags a title may use for formatting. */
export const TITLE_TAGS = ["i", "em", "b", "strong", "code", "sup", "sub"] as const;

/** One of those tags. */
export type TitleTag = (typeof TITLE_TAGS)[number];

/** A title read as formatted text: text, and formatted runs of it. */
export type TitlePart = string | { tag: TitleTag; parts: TitlePart[] };

const TAG = new RegExp(`<(/?)(${TITLE_TAGS.join("|")})>`, "gi");

/** How deep formatting may nest; a tag deeper than this stays text, so no title makes a deep tree. */
const MAX_NESTING = 4;

/** The title as formatted text; a title without allowed tags is one text part. */
export function titleParts(title: string): TitlePart[] {
  const root: { tag?: TitleTag; parts: TitlePart[]; from: number }[] = [{ parts: [], from: 0 }];
  let text = 0;
  const flush = (to: number) => {
    if (to > text) root[root.length - 1]!.parts.push(title.slice(text, to));
  };
  for (const m of title.matchAll(TAG)) {
    const tag = m[2]!.toLowerCase() as TitleTag;
    if (m[1] === "") {
      if (root.length > MAX_NESTING) continue;
      flush(m.index);
      root.push({ tag, parts: [], from: m.index });
      text = m.index + m[0].length;
    } else if (root.length > 1 && root[root.length - 1]!.tag === tag) {
      flush(m.index);
      const open = root.pop()!;
      root[root.length - 1]!.parts.push({ tag, parts: open.parts });
      text = m.index + m[0].length;
    }
  }
  // A tag left open is text: its run is put back as it was written.
  while (root.length > 1) {
    flush(title.length);
    const open = root.pop()!;
    root[root.length - 1]!.parts.push(title.slice(open.from, open.from + `<${open.tag}>`.length), ...open.parts);
    text = title.length;
  }
  flush(title.length);
  return merge(root[0]!.parts);
}

/** The title as plain text: formatting tags dropped, everything else as written. */
export function titleText(title: string): string {
  const text = (parts: TitlePart[]): string => parts.map((p) => (typeof p === "string" ? p : text(p.parts))).join("");
  return text(titleParts(title)).replace(/\s+/g, " ").trim();
}

/** Whether a title has formatting: its parts are more than one text. */
export function isFormatted(parts: readonly TitlePart[]): boolean {
  return parts.some((p) => typeof p !== "string");
}

function merge(parts: TitlePart[]): TitlePart[] {
  const out: TitlePart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (typeof p === "string" && typeof last === "string") out[out.length - 1] = last + p;
    else out.push(p);
  }
  return out;
}
