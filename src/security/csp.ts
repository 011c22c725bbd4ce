/**
 * The Content-Security-Policy every page carries, as a <meta> (a static host may set no headers). Everything comes
 * from the site itself; nothing inline — no <script> bodies, no <style> elements, no style attributes, no event
 * handler attributes — so HTML that slipped into a page through content cannot run or restyle it.
 * No frames or objects at all: a frame (or <object>/<embed>) of a file on the site, such as an SVG with a <script> in
 * it, would run that script in the site's origin, beside the page and with its storage; the site frames nothing
 * itself. Workers only from the site: the search filters run Pagefind in a worker (/pagefind/pagefind-worker.js),
 * and only the site's own scripts can start one. `child-src` is left to `default-src`: a browser that knows no
 * `worker-src` (Safari before 15.5) takes workers from it, and every browser that knows `child-src` knows `frame-src`.
 * 'wasm-unsafe-eval' is there only because Pagefind compiles its WebAssembly search engine in the page.
 * (frame-ancestors, report-uri and sandbox have no effect in a <meta>, so they are left out.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");
