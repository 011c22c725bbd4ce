// How browsers read the hrefs pages write, shared by the renderer (resolveLink), the Markdown-level link check and
// the built-site link gate, so the three agree on what is internal, what leaves the site, and what is malformed.

/** decodeURI, or the text as written when it is not valid percent-encoding (`%C3` alone): content never throws. */
export function safeDecodeURI(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** decodeURIComponent, or the text as written when it is not valid percent-encoding. */
export function safeDecodeURIComponent(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Whether an href starts with a scheme (`https:`, `mailto:`, `javascript:`): it is not a path on the site. */
export function hasScheme(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(browserForm(href));
}

/**
 * Whether a browser reads an href as another host's address without a scheme: `//host/x`, and also `/\host`, `\\host`
 * and `\/host`, since a browser reads a backslash in a web URL as a slash (and drops tabs and newlines in it).
 */
export function isSchemeRelative(href: string): boolean {
  return /^[\\/]{2}/.test(browserForm(href));
}

/** Whether an href leads off the site written in a way that looks like a path: a backslash among its first two slashes. */
export function isDisguisedExternal(href: string): boolean {
  return isSchemeRelative(href) && !browserForm(href).startsWith("//");
}

/** Whether a #fragment (decoded, without the #) is the top of the page: "" and "top" in any case, as HTML defines. */
export function isTopOfPage(fragment: string): boolean {
  return fragment === "" || fragment.toLowerCase() === "top";
}

/** The href as a browser's URL parser starts reading it: leading spaces and controls dropped, tabs and newlines removed. */
export function browserForm(href: string): string {
  // eslint-disable-next-line no-control-regex
  return href.replace(/^[\u0000-\u0020]+/, "").replace(/[\t\n\r]/g, "");
}
