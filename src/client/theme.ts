// Built as /assets/theme.js, a classic script in <head>: it runs before the body is parsed and painted, so a saved
// light/dark choice applies from the first frame. No inline script is needed, so the CSP stays `script-src 'self'`.
import { applyTheme, savedTheme } from "./theme-choice.ts";

applyTheme(savedTheme());
