// `npm run pages-guard`: run by the deploy workflow before it uploads the site. Asks GitHub whether the repository's
// Pages site is public and stops the deploy when it is (or would be) while `_data/site.json` does not say the
// handbook is meant to be public. On most GitHub plans a Pages site is public even from a private repository.
import path from "node:path";
import { diagnose, reportDiagnostics } from "../shared/diagnostics.ts";
import { loadSettings } from "../config/settings.ts";

/** What GitHub answered to `GET /repos/{owner}/{repo}/pages`: the HTTP status and the parsed JSON body. */
export interface PagesAnswer {
  status: number;
  body: unknown;
}

/** Where the guard asks, and with which token: the variables GitHub Actions sets (the token through `env:`). */
export interface GuardEnv {
  GITHUB_REPOSITORY?: string;
  GITHUB_TOKEN?: string;
  GITHUB_API_URL?: string;
  GITHUB_ACTIONS?: string;
}

const SERVER = 'or publish the handbook with its own server behind sign-in (README, "Publishing privately")';
const MEANT_PUBLIC = 'if the handbook is meant for anyone, set "public": true in _data/site.json';

/** Judges GitHub's answer for a handbook that is not marked public: the problem that stops the deploy, or undefined. */
export function pagesProblem(repository: string, answer: PagesAnswer): string | undefined {
  if (answer.status === 200) {
    // `public` is false only for a site GitHub keeps private; a plan without private Pages sends no such field.
    const isPublic = (answer.body as { public?: unknown } | null)?.public !== false;
    if (!isPublic) return undefined;
    return `the GitHub Pages site of ${repository} is public: anyone on the internet could read this handbook; make it private (Settings → Pages → Visibility, GitHub Enterprise Cloud only) ${SERVER}; ${MEANT_PUBLIC}`;
  }
  if (answer.status === 404) {
    return `${repository} has no GitHub Pages site yet, and the first deploy would create one that is public on most plans; create it with private visibility first (Settings → Pages, GitHub Enterprise Cloud only) ${SERVER}; ${MEANT_PUBLIC}`;
  }
  const said = (answer.body as { message?: unknown } | null)?.message;
  return `could not learn whether the GitHub Pages site of ${repository} is public (HTTP ${answer.status}${typeof said === "string" ? `: ${said}` : ""}), so the deploy stops rather than risk publishing the handbook; give the workflow's token "pages: read" (or write) permission and pass it as GITHUB_TOKEN`;
}

/** Asks the GitHub API about the repository's Pages site; a network failure is an answer with status 0. */
export async function askPages(env: GuardEnv, fetchFn: typeof fetch = fetch): Promise<PagesAnswer> {
  const api = (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, "");
  try {
    const response = await fetchFn(`${api}/repos/${env.GITHUB_REPOSITORY}/pages`, {
      headers: {
        accept: "application/vnd.github+json",
        authorization: `Bearer ${env.GITHUB_TOKEN}`,
        "x-github-api-version": "2022-11-28",
      },
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = { message: text.slice(0, 200) };
    }
    return { status: response.status, body };
  } catch (error) {
    return { status: 0, body: { message: (error as Error).message } };
  }
}

/** Runs the guard: 0 when the deploy may go on, 1 (with the reason on stderr) when it must stop. */
export async function pagesGuard(
  projectDir: string,
  env: GuardEnv = process.env,
  fetchFn: typeof fetch = fetch,
  out: (line: string) => void = (line) => process.stderr.write(line + "\n"),
): Promise<number> {
  const file = path.join(projectDir, "_data", "site.json");
  const { settings, diagnostics } = loadSettings(file);
  if (diagnostics.length > 0) return reportDiagnostics(diagnostics, out, env as NodeJS.ProcessEnv) > 0 ? 1 : 0;
  if (settings.public) {
    out('Pages guard: _data/site.json says "public": true, so the handbook may be published to anyone.');
    return 0;
  }
  const missing = [
    env.GITHUB_REPOSITORY ? "" : "error: pages-guard needs GITHUB_REPOSITORY (owner/name), as GitHub Actions sets it",
    env.GITHUB_TOKEN ? "" : "error: pages-guard needs GITHUB_TOKEN; pass the workflow's token as env: GITHUB_TOKEN: ${{ github.token }}",
  ].filter(Boolean);
  missing.forEach((line) => out(line));
  if (missing.length > 0) return 1;
  const problem = pagesProblem(env.GITHUB_REPOSITORY!, await askPages(env, fetchFn));
  if (problem) return reportDiagnostics([diagnose("error", file, 1, problem)], out, env as NodeJS.ProcessEnv) > 0 ? 1 : 0;
  out(`Pages guard: the GitHub Pages site of ${env.GITHUB_REPOSITORY} is private; deploying.`);
  return 0;
}
