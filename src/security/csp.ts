/**
 * The Content-Security-Policy every page carries, as a <meta> (a static host may set no headers). Everything comes
 * from the site itself; nothing inline — no <script> bodies, no <style> elements, no style attributes, no event
 * handler attributes — so HTML that slipped into a page through content cannot run or restyle it.
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
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");
