// `site.github`, as jekyll-github-metadata (always on under GitHub Pages) gives it to a site built without GitHub's
// API: the values that follow from the repository's name, which comes from `repository:` in _config.yml or from the
// git remote `origin`. Values only the API knows (contributors, releases, …) are empty, and a page that uses one gets
// a warning rather than an error. The remote is read from the git config file as text: git itself is never run in a
// site that is not trusted (its config can name programs git would start).
import fs from "node:fs";
import path from "node:path";
import { diagnose, type Diagnostic } from "../shared/diagnostics.ts";
import type { SourcePage } from "../content/page.ts";

/** Keys only GitHub's API fills in: empty here. */
const API_ONLY: Record<string, unknown> = {
  contributors: [],
  releases: [],
  latest_release: false,
  public_repositories: [],
  organization_members: [],
  owner: null,
  owner_display_name: null,
  owner_gravatar_url: null,
  project_tagline: null,
  license: null,
  language: null,
  versions: {},
  private: false,
  archived: false,
  disabled: false,
  show_downloads: false,
};

/** `owner/name` from a git remote URL on github.com (https, ssh or scp-like), if it is one. */
export function repositoryFromRemote(url: string): string | undefined {
  const m = /github\.com[:/]+([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(url.trim());
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** The URL of `[remote "origin"]` in the git config of the repository holding `dir`, read as text. */
export function originRemote(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const dotGit = path.join(d, ".git");
    const config = gitConfigFile(dotGit);
    if (config) {
      const text = fs.readFileSync(config, "utf8");
      const section = /^\s*\[remote\s+"origin"\]\s*$([\s\S]*?)(?=^\s*\[|(?![\s\S]))/m.exec(text);
      return section ? /^\s*url\s*=\s*(.+?)\s*$/m.exec(section[1]!)?.[1] : undefined;
    }
    if (path.dirname(d) === d) return undefined;
  }
}

function gitConfigFile(dotGit: string): string | undefined {
  const stat = fs.statSync(dotGit, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return fs.existsSync(path.join(dotGit, "config")) ? path.join(dotGit, "config") : undefined;
  if (!stat?.isFile()) return undefined;
  // A worktree's .git file names its folder inside the main repository's .git, whose config holds the remotes.
  const gitdir = /^gitdir:\s*(.+)$/m.exec(fs.readFileSync(dotGit, "utf8"))?.[1]?.trim();
  if (!gitdir) return undefined;
  const own = path.resolve(path.dirname(dotGit), gitdir);
  const common = path.join(own, "commondir");
  const main = fs.existsSync(common) ? path.resolve(own, fs.readFileSync(common, "utf8").trim()) : own;
  return fs.existsSync(path.join(main, "config")) ? path.join(main, "config") : undefined;
}

/** jekyll-github-metadata's `site.github` for a repository (`owner/name`), or with empty values when none is known. */
export function githubMetadata(nwo: string | undefined): Record<string, unknown> {
  const known: Record<string, unknown> = { hostname: "github.com", pages_hostname: "github.io", api_url: "https://api.github.com", help_url: "https://help.github.com", environment: "dotcom", pages_env: "dotcom" };
  if (!nwo) return { ...API_ONLY, ...known, repository_nwo: null, repository_name: null, owner_name: null, repository_url: null, url: null, baseurl: "" };
  const [owner, name] = nwo.split("/") as [string, string];
  const repository = `https://github.com/${nwo}`;
  const userPage = name.toLowerCase() === `${owner.toLowerCase()}.github.io`;
  return {
    ...API_ONLY,
    ...known,
    repository_nwo: nwo,
    repository_name: name,
    project_title: name,
    owner_name: owner,
    owner_url: `https://github.com/${owner}`,
    repository_url: repository,
    clone_url: `${repository}.git`,
    issues_url: `${repository}/issues`,
    releases_url: `${repository}/releases`,
    wiki_url: `${repository}/wiki`,
    is_user_page: userPage,
    is_project_page: !userPage,
    url: userPage ? `https://${owner.toLowerCase()}.github.io` : `https://${owner.toLowerCase()}.github.io/${name}`,
    baseurl: userPage ? "" : `/${name}`,
  };
}

/**
 * A warning at each use of a `site.github` value the build cannot know: one only GitHub's API gives, or any value
 * when no repository is known.
 */
export function githubWarnings(pages: readonly SourcePage[], github: Record<string, unknown>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const page of pages) {
    if (!page.body.includes("site.github")) continue;
    page.body.split("\n").forEach((line, i) => {
      for (const m of line.matchAll(/\bsite\.github\.(\w+)/g)) {
        const key = m[1]!;
        const why =
          key in API_ONLY
            ? `site.github.${key} comes from GitHub's API, which the build does not call: it is empty here`
            : github[key] === null
              ? `site.github.${key} is not known: set repository: owner/name in _config.yml (or give the repository a GitHub remote "origin"); it is empty here`
              : undefined;
        if (why) diagnostics.push(diagnose("warning", page.file, page.bodyLine + i, why, m.index + 1));
      }
    });
  }
  return diagnostics;
}
