// The dev server's error overlay, server side: every HTML page `npm start` serves gets one more script, which shows
// the content errors of the last build over the page until they are fixed (src/client/dev-overlay.ts). It is added
// as pages are served, so the files on disk, like a built site, never hold it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { devOverlayScript } from "./assets.ts";

/** Where the overlay's script and the current errors are served; the dev server's own files are under /.11ty/. */
const SCRIPT_PATH = "/.handbook/overlay.js";
const PROBLEMS_PATH = "/.handbook/problems.json";
const SCRIPT_TAG = `<script type="module" src="${SCRIPT_PATH}"></script>`;

/** The part of @11ty/eleventy-dev-server's wrapped response that turns a served HTML page into what is sent. */
interface WrappedResponse extends ServerResponse {
  _wrappedTransformHtml?: (html: string) => string;
}

/** Adds the overlay's script to a page, before `</head>`. */
export function withOverlay(html: string): string {
  return html.includes("</head>") ? html.replace("</head>", `${SCRIPT_TAG}</head>`) : html;
}

/**
 * Dev-server middleware: answers the overlay's two paths, and adds its script to every HTML page served. `problems`
 * gives the content errors of the last build (none when it succeeded).
 */
export function overlayMiddleware(projectDir: string, problems: () => readonly string[]) {
  let script: Promise<string> | undefined;
  return (req: IncomingMessage, res: ServerResponse, next: () => unknown): unknown => {
    const pathname = (req.url ?? "/").split("?")[0];
    if (pathname === PROBLEMS_PATH) return send(res, "application/json", JSON.stringify({ problems: problems() }));
    if (pathname === SCRIPT_PATH) {
      script ??= devOverlayScript(projectDir);
      return script.then(
        (text) => send(res, "text/javascript", text),
        (error: unknown) => {
          script = undefined;
          res.statusCode = 500;
          res.end(`the overlay script could not be built: ${(error as Error).message}`);
        },
      );
    }
    // The dev server's own transform adds its reload script to each HTML page; the overlay's goes with it.
    const wrapped = res as WrappedResponse;
    const transform = wrapped._wrappedTransformHtml;
    if (transform) wrapped._wrappedTransformHtml = (html) => withOverlay(transform(html));
    return next();
  };
}

function send(res: ServerResponse, type: string, body: string): void {
  res.statusCode = 200;
  res.setHeader("Content-Type", `${type}; charset=utf-8`);
  res.setHeader("Cache-Control", "no-store");
  res.end(body);
}
