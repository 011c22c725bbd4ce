// The HTTP headers every response of the production server carries, and how long each file may be cached.
import { CONTENT_SECURITY_POLICY } from "../security/csp.ts";

/** One year, in seconds: how long a file whose name changes with its content may be cached. */
const YEAR = 31_536_000;

/**
 * The security headers of every response. The page's CSP, as a header, with what a <meta> cannot say:
 * `frame-ancestors 'none'` (no other site may frame the handbook). HSTS only when readers come over https.
 */
export function securityHeaders(https: boolean): Record<string, string> {
  return {
    "Content-Security-Policy": `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": `max-age=${YEAR}` } : {}),
  };
}

/**
 * Pagefind's index files are named after a hash of their content (`index/en_ffa58d3.pf_index`,
 * `pagefind.en_65f216f8d4.pf_meta`): a changed file gets a new name. Nothing else of the site is: pages,
 * /assets/handbook.js and .css, pagefind.js, pagefind-entry.json and the WebAssembly keep their names.
 */
const FINGERPRINTED = /\/pagefind\/(?:(?:index|fragment|filter)\/)?[^/]*_[0-9a-f]{7,}\.pf_(?:index|fragment|filter|meta)$/;

/**
 * Cache-Control for a path of the site. `private` unless the handbook is public: a handbook behind sign-in must not
 * be kept by a shared cache (proxy, CDN). Fingerprinted files are immutable for a year; everything else is
 * revalidated (ETag) on every use, so a deploy shows at once.
 */
export function cacheControl(pathname: string, isPublic = false): string {
  const scope = isPublic ? "public" : "private";
  return FINGERPRINTED.test(pathname) ? `${scope}, max-age=${YEAR}, immutable` : `${scope}, no-cache`;
}
