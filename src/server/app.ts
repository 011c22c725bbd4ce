// The production server: every response gets the security headers and is compressed; /healthz is open; the sign-in
// routes live under <prefix>auth/; everything else, the search index and /roles.json included, needs a session
// cookie of a reader the access rules let in.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import compression from "compression";
import { mayRead, safeReturnPath, type Reader } from "./access.ts";
import type { AuthConfig } from "./config.ts";
import { securityHeaders } from "./headers.ts";
import { createSignIn, type SignIn, type SignInResult } from "./oidc.ts";
import { forbiddenPage, signedOutPage, signInFailedPage, signOutPage } from "./pages.tsx";
import { clearCookie, cookieName, deriveKey, readCookie, seal, setCookie, unseal } from "./session.ts";
import { createStaticHandler } from "./static.ts";

/** What the server serves and who may read it. */
export interface ServerOptions {
  /** The built site. */
  dir: string;
  /** The path prefix the site was built with ("/" or e.g. "/handbook/"). */
  prefix: string;
  /** Sign-in settings; none serves the handbook to anyone (`--public`). */
  auth?: AuthConfig;
  /** Where sign-ins and failures are logged. */
  log?: (line: string) => void;
}

/** The request handler of the production server. */
export function createHandler(options: ServerOptions): RequestListener {
  const { auth, prefix, log = (line) => process.stderr.write(line + "\n") } = options;
  const files = createStaticHandler(options.dir, prefix, !auth);
  const headers = securityHeaders(auth?.publicUrl.protocol === "https:");
  const gate = auth ? createGate(auth, prefix, log) : undefined;
  const compress = compression() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const pathname = (req.url ?? "/").split("?")[0]!;
    if (pathname === "/healthz") return send(res, 200, "ok\n", "text/plain");
    if (gate && !(await gate(req, res, pathname))) return;
    files(req, res);
  };
  return (req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    compress(req, res, () => {
      route(req, res).catch((error: unknown) => {
        log(`error: ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
        if (!res.headersSent) send(res, 500, "Something went wrong; try again.\n", "text/plain");
        else res.destroy();
      });
    });
  };
}

/** Answers the sign-in routes and refuses readers without a session or access; true when the request may go on. */
function createGate(auth: AuthConfig, prefix: string, log: (line: string) => void) {
  const key = deriveKey(auth.sessionSecret);
  const secure = auth.publicUrl.protocol === "https:";
  const sessionCookie = cookieName("handbook_session", secure);
  const signIn = createSignIn(auth, prefix, key);
  const readerOf = async (req: IncomingMessage) => toReader(await unseal(readCookie(req.headers.cookie, sessionCookie), key, "session"));
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> = {
    "GET login": (req, res) => {
      const query = new URL(req.url ?? "/", "http://x").searchParams;
      return goSignIn(signIn, res, safeReturnPath(query.get("next") ?? undefined, prefix) ?? prefix, query.get("prompt") === "login");
    },
    "GET callback": async (req, res) => {
      const result: SignInResult = await signIn
        .finish(req)
        .catch((error: unknown) => ({ failed: `The sign-in provider's answer could not be used (${(error as Error).message}).` }));
      const retry = `${prefix}auth/login?next=${encodeURIComponent(result.returnTo ?? prefix)}`;
      if ("failed" in result) {
        log(`sign-in failed: ${result.failed}`);
        return send(res, 400, signInFailedPage(result.failed, retry), "text/html", result.cookie);
      }
      const { reader } = result;
      log(`signed in: ${reader.email ?? reader.sub}${mayRead(reader, auth) ? "" : " (not allowed: refused with 403)"}`);
      const session = setCookie(sessionCookie, await seal({ ...reader }, key, "session", auth.sessionSeconds), auth.sessionSeconds, secure);
      res.writeHead(303, { Location: result.returnTo, "Set-Cookie": [result.cookie, session], "Cache-Control": "no-store" }).end();
    },
    "GET logout": async (req, res) => send(res, 200, signOutPage(prefix, await readerOf(req)), "text/html"),
    "POST logout": async (req, res) => {
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== auth.publicUrl.origin) return send(res, 403, "Sign out from the handbook's own page.\n", "text/plain");
      res.writeHead(303, { Location: `${prefix}auth/signed-out`, "Set-Cookie": clearCookie(sessionCookie, secure), "Cache-Control": "no-store" }).end();
    },
    "GET signed-out": async (_req, res) => send(res, 200, signedOutPage(prefix), "text/html"),
  };
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> => {
    if (pathname.startsWith(`${prefix}auth/`)) {
      // HEAD is not GET here: a HEAD request must not spend a sign-in's code.
      const handler = routes[`${req.method} ${pathname.slice(prefix.length + 5)}`];
      if (handler) await handler(req, res);
      else send(res, 404, "Not found.\n", "text/plain");
      return false;
    }
    const reader = await readerOf(req);
    if (!reader) {
      if (isNavigation(req)) await goSignIn(signIn, res, safeReturnPath(req.url, prefix) ?? prefix);
      else send(res, 401, "Sign in first: open the handbook in a browser.\n", "text/plain");
      return false;
    }
    if (mayRead(reader, auth)) return true;
    send(res, 403, forbiddenPage(reader, prefix), "text/html");
    return false;
  };
}

/** Whether a request is a reader opening a page (then they are sent to sign in), not a script's fetch or an image. */
function isNavigation(req: IncomingMessage): boolean {
  if (req.method !== "GET") return false;
  const mode = req.headers["sec-fetch-mode"];
  return mode === undefined ? (req.headers.accept ?? "").includes("text/html") : mode === "navigate";
}

async function goSignIn(signIn: SignIn, res: ServerResponse, returnTo: string, askAgain = false): Promise<void> {
  let start;
  try {
    start = await signIn.start(returnTo, askAgain);
  } catch (error) {
    const reason = `The sign-in provider could not be reached (${(error as Error).message}).`;
    return send(res, 502, signInFailedPage(reason, returnTo), "text/html");
  }
  res.writeHead(302, { Location: start.location, "Set-Cookie": start.cookie, "Cache-Control": "no-store" }).end();
}

function toReader(payload: Record<string, unknown> | undefined): Reader | undefined {
  if (!payload || typeof payload.sub !== "string") return undefined;
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  const groups = Array.isArray(payload.groups) ? payload.groups.filter((g): g is string => typeof g === "string") : [];
  const email = text(payload.email);
  const name = text(payload.name);
  return { sub: payload.sub, ...(email ? { email } : {}), ...(name ? { name } : {}), groups };
}

function send(res: ServerResponse, status: number, body: string, type: "text/plain" | "text/html", cookie?: string): void {
  res.writeHead(status, {
    "Content-Type": `${type}; charset=utf-8`,
    "Cache-Control": "no-store",
    ...(cookie ? { "Set-Cookie": cookie } : {}),
  });
  res.end(body);
}
