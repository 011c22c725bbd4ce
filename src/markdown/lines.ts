import type Token from "markdown-it/lib/token.mjs";

/**
 * The body lines, [first, past-the-end), each token comes from: its own map, else (a table cell's text, to which
 * markdown-it gives none) the map of the nearest token before it that has one, its row's.
 */
export function sourceLines(tokens: readonly Token[]): Array<readonly [number, number]> {
  let last: readonly [number, number] = [0, 1];
  return tokens.map((token) => (token.map ? (last = [token.map[0], token.map[1]]) : last));
}
