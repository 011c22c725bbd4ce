import { buildModel, type BuildOptions } from "../eleventy/options.ts";
import { consoleLog, report, type Log } from "../shared/log.ts";
import { issueKeyOf, ownerOfKey, REVIEW_LABEL, reviewIssues, type ReviewIssue } from "../site/review-issues.ts";

/** An open issue of the repository. */
export interface OpenIssue {
  number: number;
  title: string;
  body: string | null;
}

/** What the reminders need of GitHub's issues. */
export interface IssueApi {
  /** Every open issue (not pull requests). */
  openIssues(): Promise<OpenIssue[]>;
  /** Opens an issue with the reminders' label; returns its number. */
  create(title: string, body: string): Promise<number>;
  update(number: number, title: string, body: string): Promise<void>;
  /** Comments on an issue, then closes it. */
  close(number: number, comment: string): Promise<void>;
}

/** GitHub's REST API for one repository (`owner/name`), with a token that may write issues. */
export function githubIssues(repository: string, token: string, apiUrl = "https://api.github.com", fetchFn: typeof fetch = fetch): IssueApi {
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetchFn(`${apiUrl.replace(/\/+$/, "")}/repos/${repository}${path}`, {
      method,
      headers: {
        accept: "application/vnd.github+json",
        authorization: `Bearer ${token}`,
        "x-github-api-version": "2022-11-28",
        "user-agent": "northwind-handbook-review-issues",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`GitHub answered ${response.status} to ${method} ${path}: ${(await response.text()).slice(0, 300)}`);
    return response.status === 204 ? undefined : response.json();
  };
  return {
    async openIssues() {
      const issues: OpenIssue[] = [];
      for (let page = 1; ; page++) {
        const batch = (await call("GET", `/issues?state=open&per_page=100&page=${page}`)) as Array<OpenIssue & { pull_request?: unknown }>;
        issues.push(...batch.filter((i) => !i.pull_request).map(({ number, title, body }) => ({ number, title, body })));
        if (batch.length < 100) return issues;
      }
    },
    async create(title, body) {
      return ((await call("POST", "/issues", { title, body, labels: [REVIEW_LABEL] })) as { number: number }).number;
    },
    async update(number, title, body) {
      await call("PATCH", `/issues/${number}`, { title, body });
    },
    async close(number, comment) {
      await call("POST", `/issues/${number}/comments`, { body: comment });
      await call("PATCH", `/issues/${number}`, { state: "closed", state_reason: "completed" });
    },
  };
}

/** What the reminders do this week. */
export type IssueAction =
  | { kind: "open"; issue: ReviewIssue }
  | { kind: "update" | "unchanged"; number: number; issue: ReviewIssue }
  | { kind: "close"; number: number; key: string; duplicate: boolean };

/**
 * Matches this week's reminders with the open ones (by the owner key in their body): a reminder with no open issue is
 * opened, one whose issue differs is updated, and an open reminder for an owner with nothing overdue is closed, and
 * so is a second reminder for the same owner (the oldest stays). `existing` undefined (a dry run without GitHub)
 * opens or updates every reminder.
 */
export function planIssues(wanted: readonly ReviewIssue[], existing: readonly OpenIssue[] | undefined): IssueAction[] {
  const open = new Map<string, OpenIssue>();
  const duplicates: IssueAction[] = [];
  for (const issue of [...(existing ?? [])].sort((a, b) => a.number - b.number)) {
    const key = issueKeyOf(issue.body);
    if (key === undefined) continue;
    if (open.has(key)) duplicates.push({ kind: "close", number: issue.number, key, duplicate: true });
    else open.set(key, issue);
  }
  const actions: IssueAction[] = wanted.map((issue) => {
    const current = open.get(issue.key);
    if (!current) return { kind: "open", issue };
    open.delete(issue.key);
    const same = current.title === issue.title && (current.body ?? "").replace(/\r\n/g, "\n") === issue.body;
    return { kind: same ? "unchanged" : "update", number: current.number, issue };
  });
  for (const [key, issue] of open) actions.push({ kind: "close", number: issue.number, key, duplicate: false });
  return [...actions, ...duplicates];
}

/**
 * `npm run review-issues`: opens or updates one issue per owner listing their overdue pages, and closes the reminders
 * of owners with none. `--dry-run` writes nothing to GitHub and prints each issue it would open or update in full; it
 * needs no token (with GITHUB_TOKEN and GITHUB_REPOSITORY it reads the open issues to say which it would update).
 */
export async function syncReviewIssues(options: BuildOptions, dryRun: boolean, log: Log = consoleLog, api?: IssueApi): Promise<number> {
  const model = buildModel(options);
  if (report(log, model.diagnostics.filter((d) => d.severity === "error")) > 0) {
    log.info("No review issue was opened or updated: the content has errors.");
    return 1;
  }
  const wanted = reviewIssues(model);
  const { GITHUB_TOKEN: token, GITHUB_REPOSITORY: repository, GITHUB_API_URL: apiUrl } = log.env;
  const github = api ?? (token && repository ? githubIssues(repository, token, apiUrl) : undefined);
  if (!github && !dryRun) {
    log.error("error: review-issues needs GITHUB_TOKEN and GITHUB_REPOSITORY (the workflow sets both); --dry-run shows what it would do without them");
    return 2;
  }
  try {
    await apply(planIssues(wanted, github ? await github.openIssues() : undefined), github, dryRun, log);
  } catch (error) {
    // GitHub refused or could not be reached: say what it answered, without a stack trace.
    log.error(`error: ${(error as Error).message}`);
    return 1;
  }
  const pages = wanted.reduce((n, i) => n + i.pages, 0);
  log.info(`${pages} page${pages === 1 ? "" : "s"} overdue for review, ${wanted.length} owner${wanted.length === 1 ? "" : "s"}${dryRun ? " (dry run: nothing was written to GitHub)" : ""}`);
  return 0;
}

/** Carries out the plan (or, in a dry run, prints it), one line per issue. */
async function apply(actions: readonly IssueAction[], github: IssueApi | undefined, dryRun: boolean, log: Log): Promise<void> {
  const tag = (n: number) => `#${n}`;
  for (const action of actions) {
    if (action.kind === "close") {
      const owner = ownerOfKey(action.key);
      const why = action.duplicate ? `a second reminder for ${owner}` : `no page of ${owner} is overdue`;
      const comment = action.duplicate ? `Another issue lists the pages of ${owner} that are overdue for review. Closing this one.` : `No page of ${owner} is overdue for review any more. Closing; thank you!`;
      if (!dryRun) await github!.close(action.number, comment);
      log.info(`${dryRun ? "Would close" : "Closed"} ${tag(action.number)}: ${why}`);
      continue;
    }
    const { issue } = action;
    if (action.kind === "unchanged") {
      log.info(`${tag(action.number)} is up to date: ${issue.title}`);
      continue;
    }
    if (dryRun) {
      const what = action.kind === "update" ? `Would update ${tag(action.number)}` : github ? "Would open" : "Would open or update";
      log.info(`${what}: ${issue.title}`);
      for (const line of issue.body.split("\n")) log.info(`    ${line}`);
    } else if (action.kind === "update") {
      await github!.update(action.number, issue.title, issue.body);
      log.info(`Updated ${tag(action.number)}: ${issue.title}`);
    } else {
      log.info(`Opened ${tag(await github!.create(issue.title, issue.body))}: ${issue.title}`);
    }
  }
}
