// Text from content written into Markdown that GitHub renders (a job summary, an issue): page titles, owners and
// paths are pull requests' words, so none of them may become markup, a link, an @mention or an #issue reference.

/** Text as it reads in GitHub Markdown, inline and in table cells: every character that could be markup as an entity. */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]{}()<>|#@!~&]|\r?\n/g, (c) => (c.includes("\n") ? " " : `&#${c.codePointAt(0)};`));
}

/** A URL as the target of a Markdown link: white space, brackets and quotes percent-encoded, so none can end it early. */
export function markdownUrl(url: string): string {
  return url.replace(/[\s()<>[\]'"`\\|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
