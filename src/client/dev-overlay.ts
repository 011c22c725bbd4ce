// The dev server's error overlay (`npm start` only: src/eleventy/dev-overlay.ts adds this script to the pages it
// serves; a built site never holds it). While the content has errors, every open page shows them over itself, as
// file:line:col lines, until a save fixes them. It asks the server for the errors when the page loads and whenever
// the dev server's live-reload socket says a build failed or finished.

/** Where the dev server answers with the current content errors: `{ "problems": string[] }`. */
const PROBLEMS_URL = "/.handbook/problems.json";
/** The overlay's element; its contents live in a shadow root, apart from the site's stylesheet. */
const HOST_ID = "handbook-dev-overlay";

/** Shows the overlay with `problems`, or removes it when there are none. */
function show(problems: readonly string[]): void {
  document.getElementById(HOST_ID)?.remove();
  if (problems.length === 0) return;
  const host = document.createElement("div");
  host.id = HOST_ID;
  const root = host.attachShadow({ mode: "open" });
  const panel = element("section", {
    position: "fixed",
    inset: "0",
    zIndex: "2147483647",
    overflow: "auto",
    padding: "min(10vh, 4rem) 1rem",
    background: "rgb(0 0 0 / 0.72)",
    font: "15px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
  });
  panel.setAttribute("role", "alert");
  panel.setAttribute("aria-labelledby", "title");
  const box = element("div", {
    maxWidth: "60rem",
    margin: "0 auto",
    padding: "1.25rem 1.5rem",
    color: "#f3f4f6",
    background: "#1b1e24",
    borderTop: "6px solid #f87171",
    borderRadius: "8px",
    boxShadow: "0 1rem 3rem rgb(0 0 0 / 0.5)",
  });
  const title = element("h2", { margin: "0 0 0.75rem", fontSize: "1.1rem", color: "#fca5a5" });
  title.id = "title";
  title.textContent = `The handbook did not build: ${problems.length} error${problems.length === 1 ? "" : "s"} in the content`;
  const list = element("ul", { margin: "0 0 1rem", padding: "0", listStyle: "none" });
  for (const problem of problems) {
    const item = element("li", { padding: "0.5rem 0", borderTop: "1px solid #374151", whiteSpace: "pre-wrap", overflowWrap: "anywhere" });
    item.textContent = problem;
    list.append(item);
  }
  const note = element("p", { margin: "0", color: "#d1d5db", fontFamily: "system-ui, sans-serif" });
  note.textContent = "Fix them and save: this page updates by itself. Until then the last good version is served.";
  box.append(title, list, note);
  panel.append(box);
  root.append(panel);
  document.body.append(host);
}

/** A new element with inline style properties (set through the CSSOM, which the Content-Security-Policy allows). */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, style: Partial<CSSStyleDeclaration>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node.style, style);
  return node;
}

/** Asks the dev server for the current errors and shows them. */
async function check(): Promise<void> {
  try {
    const response = await fetch(PROBLEMS_URL, { cache: "no-store" });
    const { problems } = (await response.json()) as { problems: string[] };
    show(problems);
  } catch {
    // The dev server is restarting or gone: leave the page as it is.
  }
}

/** Listens to the dev server's live-reload socket (the one its reload client uses) for builds that fail or finish. */
function listen(): void {
  const socket = new WebSocket(`${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}`);
  socket.addEventListener("message", (event) => {
    let type: unknown;
    try {
      type = (JSON.parse(String(event.data)) as { type?: unknown }).type;
    } catch {
      return;
    }
    if (type === "eleventy.error" || type === "eleventy.reload") void check();
  });
  // The server restarted: try again shortly.
  socket.addEventListener("close", () => setTimeout(listen, 1000));
}

void check();
listen();
