/**
 * Writes a synthetic handbook shaped like the real one, for build benchmarks:
 *
 *   index.md                                  Home
 *   teams/index.md                            Teams
 *   teams/department-NN/index.md              departments (parent: Teams)
 *   teams/department-NN/team-NN/index.md      teams (parent: department, grand_parent: Teams)
 *   teams/department-NN/team-NN/role-NN.md    roles (parent: team, grand_parent: department)
 *
 * The tree is filled depth first with a fixed fan-out (at most 40 children per page), so the first role
 * page, its ancestors' titles and its text are the same at every size. Every page's text comes from a
 * PRNG seeded with the seed and the page's place in the tree: the same input gives byte-identical files.
 *
 * CLI: npx tsx tests/helpers/generate.ts <dir> <pages> [--seed N] [--fan-out N]
 */
import fs from "node:fs";
import path from "node:path";

/** What generateHandbook wrote. */
export interface GeneratedHandbook {
  /** Markdown pages written, structural pages (Home, Teams) included. */
  pages: number;
  /** Path of one role page relative to the handbook folder; the same page at every size. */
  rolePage: string;
}

/** Options of generateHandbook. */
export interface GenerateOptions {
  /** Seed of the text; the same seed gives the same files (default 1). */
  seed?: number;
  /** Children per department and per team, and departments under Teams (default and maximum 40). */
  fanOut?: number;
}

/** The largest fan-out the generator uses. */
export const MAX_FAN_OUT = 40;
/** The smallest handbook with every level: Home, Teams, one department, one team, one role. */
export const MIN_PAGES = 5;
/** A dot file, so the handbook loader skips it; marks a folder this script may clear. */
const MARKER = ".generated-handbook";

/** Writes a synthetic handbook of exactly `pages` Markdown pages into `dir`. */
export function generateHandbook(dir: string, pages: number, options: GenerateOptions = {}): GeneratedHandbook {
  const seed = options.seed ?? 1;
  const fanOut = options.fanOut ?? MAX_FAN_OUT;
  if (!Number.isInteger(fanOut) || fanOut < 3 || fanOut > MAX_FAN_OUT) {
    throw new RangeError(`fanOut must be a whole number from 3 to ${MAX_FAN_OUT}, not ${fanOut}`);
  }
  const max = maxPages(fanOut);
  if (!Number.isInteger(pages) || pages < MIN_PAGES || pages > max) {
    throw new RangeError(`pages must be a whole number from ${MIN_PAGES} to ${max} (fan-out ${fanOut}), not ${pages}`);
  }
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be a whole number, not ${seed}`);

  prepareFolder(dir);
  const plan = planTree(pages, fanOut);
  const files = renderHandbook(plan, seed, fanOut);
  for (const [rel, text] of files) {
    const file = path.join(dir, ...rel.split("/"));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return { pages: files.size, rolePage: `teams/${deptSlug(0)}/${teamSlug(0)}/${roleSlug(0)}` };
}

/** The most pages a handbook with this fan-out can hold. */
export function maxPages(fanOut: number = MAX_FAN_OUT): number {
  return 2 + fanOut + fanOut ** 2 + fanOut ** 3;
}

/** Creates the folder, or clears one this script wrote before; refuses to touch any other non-empty folder. */
function prepareFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const entries = fs.readdirSync(dir);
  if (entries.length > 0) {
    if (!entries.includes(MARKER)) {
      throw new Error(`${dir} is not empty and was not written by tests/helpers/generate.ts; give an empty or new folder`);
    }
    for (const entry of entries) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
  }
  fs.writeFileSync(path.join(dir, MARKER), "Written by tests/helpers/generate.ts; regenerating clears this folder.\n");
}

/**
 * Role counts per team per department. Depth first: department 1's team 1 gets `fanOut` roles before team 2
 * starts, and so on, so the first pages are the same at every size. The last team and department always have
 * a child: when the count would leave one empty, a role moves to it from the team before.
 */
export function planTree(pages: number, fanOut: number = MAX_FAN_OUT): number[][] {
  let remaining = pages - 2; // Home and Teams
  const plan: number[][] = [];
  while (remaining > 0) {
    if (plan.length === fanOut) throw new RangeError(`${pages} pages do not fit a fan-out of ${fanOut}`);
    const teams: number[] = [];
    plan.push(teams);
    remaining -= 1;
    while (remaining > 0 && teams.length < fanOut) {
      remaining -= 1;
      const roles = Math.min(fanOut, remaining);
      teams.push(roles);
      remaining -= roles;
    }
  }
  const take = (count: number) => {
    // Removes `count` roles from the teams before the tail, keeping at least one role in each.
    const flat = plan.flatMap((teams, d) => teams.map((_, t) => [d, t] as const));
    for (let i = flat.length - 1; i >= 0 && count > 0; i--) {
      const [d, t] = flat[i]!;
      const teams = plan[d]!;
      const spare = Math.min(count, teams[t]! - 1);
      if (spare <= 0) continue;
      teams[t]! -= spare;
      count -= spare;
    }
    if (count > 0) throw new RangeError(`${pages} pages cannot be split into departments, teams and roles`);
  };
  const last = plan[plan.length - 1]!;
  if (last.length === 0) {
    plan.pop();
    take(2);
    plan.push([1]);
  } else if (last[last.length - 1] === 0) {
    last.pop();
    take(1);
    last.push(1);
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, mixed with the seed. */
function hash(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ Math.imul(seed | 0, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Random choices from one PRNG stream. */
class Rng {
  readonly #next: () => number;
  constructor(seed: number, key: string) {
    this.#next = mulberry32(hash(seed, key));
  }
  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.#next() * list.length)]!;
  }
  /** `count` distinct items of `list`, in random order. */
  sample<T>(list: readonly T[], count: number): T[] {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.#next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, count);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Word lists

/** Tools, all known to _data/names.json, so the generated roles list canonical names as the real ones do. */
const TOOLS = [
  "PyTorch", "TensorFlow", "Kubernetes", "Docker", "Terraform", "Helm", "Argo CD", "GitHub Actions", "GitHub",
  "Prometheus", "Grafana", "Datadog", "PagerDuty", "Sentry", "PostgreSQL", "Redis", "Kafka", "Airflow", "dbt",
  "Snowflake", "Great Expectations", "Jupyter Notebook", "MLflow", "scikit-learn", "pandas", "Figma", "Storybook",
  "Linear", "Slack", "Postman", "Playwright", "Vitest", "k6", "OpenAPI", "Okta", "Snyk", "Trivy", "Looker",
  "Amplitude", "Miro", "OpenTelemetry", "AWS",
] as const;

/**
 * Skills, all known to _data/names.json. Real role pages name a skill in a bold lead-in and explain it after the
 * colon (36 of the 37 in content/); a handbook's skill vocabulary stays bounded as it grows, so its generated
 * skill pages do too.
 */
const SKILLS = [
  "API Design", "Accessibility", "Application Security", "Capacity Planning", "CI/CD", "Cloud Security",
  "Coaching", "Containerization", "Cost Management", "Data Modeling", "Data Pipeline Design", "Data Quality",
  "Data Visualization", "Decision Making", "Design Systems", "Developer Experience", "Documentation",
  "Event-Driven Architecture", "Experiment Design", "Feature Engineering", "Forecasting", "Go",
  "Identity and Access Management", "Incident Management", "Incident Response", "Infrastructure as Code",
  "Interaction Design", "Kubernetes", "Leadership", "Mentoring", "MLOps", "Model Monitoring", "Model Serving",
  "Networking", "Observability", "Performance Testing", "Prioritization", "Process Improvement",
  "Product Analytics", "Product Discovery", "Project Management", "Prototyping", "Python", "React",
  "Release Management", "Reliability Engineering", "Risk Assessment", "Scripting", "Service Level Objectives",
  "SQL", "Stakeholder Management", "Statistics", "Stream Processing", "System Design", "Technical Writing",
  "Test Automation", "Threat Modeling", "Troubleshooting", "TypeScript", "Version Control",
] as const;

const DEPARTMENTS = [
  "Engineering", "Platform", "Data", "Design", "Product", "People", "Finance", "Legal", "Sales", "Marketing",
  "Customer Success", "Support", "Security", "Infrastructure", "Research", "Operations", "Partnerships",
  "Growth", "Quality", "Analytics", "Mobile", "Web", "Payments", "Logistics", "Fleet", "Routing",
  "Forecasting", "Integrations", "Compliance", "Procurement", "Workplace", "IT", "Communications",
  "Developer Relations", "Enterprise", "Localization", "Documentation", "Reliability", "Machine Learning",
  "Internal Tools",
] as const;

const TEAM_NAMES = [
  "Atlas", "Beacon", "Comet", "Delta", "Ember", "Falcon", "Glacier", "Harbor", "Iris", "Juniper", "Kestrel",
  "Lantern", "Meridian", "Nimbus", "Orbit", "Pioneer", "Quartz", "Relay", "Summit", "Tidal", "Umbra",
  "Vector", "Willow", "Zephyr", "Aurora", "Basalt", "Cobalt", "Drift", "Echo", "Fjord", "Granite", "Horizon",
  "Keystone", "Lumen", "Mosaic", "Nova", "Onyx", "Prism", "Signal", "Tundra",
] as const;

const SPECIALTIES = [
  "Back-End", "Front-End", "Full-Stack", "Mobile", "Data", "Machine Learning", "Platform", "Site Reliability",
  "Security", "QA", "DevOps", "Cloud", "Analytics", "Product", "UX", "Content", "Integration", "Release",
  "Database", "Network", "Search", "Payments", "Infrastructure", "Observability", "Growth", "Accessibility",
  "Performance", "Build", "Identity", "Billing",
] as const;

const FUNCTIONS = [
  "Engineer", "Analyst", "Architect", "Specialist", "Lead", "Manager", "Designer", "Scientist", "Consultant",
  "Coordinator",
] as const;

const LEVELS = ["", "Junior ", "Senior ", "Staff ", "Principal "] as const;

const VERBS = [
  "Design", "Build", "Maintain", "Review", "Automate", "Document", "Monitor", "Improve", "Plan", "Own",
  "Coordinate", "Test", "Measure", "Migrate", "Support", "Simplify", "Harden", "Scale", "Operate", "Refine",
] as const;

const OBJECTS = [
  "deployment pipelines", "service APIs", "data models", "release checklists", "alerting rules",
  "dashboards", "runbooks", "feature flags", "database migrations", "access policies", "test suites",
  "design specs", "event schemas", "cost reports", "onboarding guides", "load tests", "training datasets",
  "model evaluations", "incident reviews", "service-level objectives", "dependency upgrades",
  "component libraries", "customer integrations", "capacity plans", "backlog priorities", "API contracts",
  "build caches", "retention policies", "audit trails", "experiment results",
] as const;

const CONTEXTS = [
  "across squads", "with the product team", "before each release", "for every new service",
  "during on-call weeks", "in every planning cycle", "with the data team", "for customer-facing features",
  "in staging and production", "with security reviewers", "for the public API", "for the mobile apps",
  "as the team grows", "without manual steps", "with clear ownership", "for internal users",
] as const;

const GOALS = [
  "keep releases predictable", "reduce time to recovery", "catch regressions early",
  "make decisions traceable", "keep costs within budget", "protect customer data", "shorten review cycles",
  "avoid surprises in production", "help new joiners ramp up", "keep quality consistent",
  "make trade-offs explicit", "keep latency low", "improve forecast accuracy", "reduce manual toil",
  "keep stakeholders informed", "meet compliance requirements",
] as const;

const KNOWLEDGE = [
  "distributed systems", "relational databases", "statistics", "API design", "accessibility standards",
  "cloud networking", "stream processing", "threat modelling", "usability testing", "data modelling",
  "observability", "infrastructure as code", "mobile release processes", "performance profiling",
  "model evaluation", "technical writing", "incident management", "cost optimisation",
] as const;

const LANGUAGES = ["Python", "TypeScript", "Go", "SQL", "Kotlin", "Swift", "Rust", "Java", "R", "Bash"] as const;

const PRACTICE_GROUPS = [
  "Code Quality", "Testing and Verification", "Deployment and Integration", "Monitoring and Observability",
  "Collaboration", "Documentation", "Security and Privacy", "Ethical Considerations", "Planning and Estimation",
  "Incident Response", "Performance", "Data Management", "Cost Control", "Knowledge Sharing",
  "Release Management", "Accessibility",
] as const;

const PRACTICE_NAMES = [
  "Version Control", "Peer Review", "Automated Testing", "Small Changes", "Clear Ownership", "Runbooks",
  "Feature Flags", "Rollback Plans", "Data Preparation", "Model Selection", "Evaluation Metrics", "Monitoring",
  "Alert Hygiene", "Least Privilege", "Secrets Management", "Encryption", "Fairness", "Transparency",
  "Accountability", "Capacity Planning", "Cost Tagging", "Design Docs", "Decision Records", "Pairing",
  "Estimation", "Retrospectives", "Post-Incident Reviews", "Load Testing", "Caching", "Profiling",
  "Schema Versioning", "Backups", "Data Retention", "Accessibility Checks", "Release Notes", "Dependency Updates",
  "Onboarding Notes", "Service Levels", "Chaos Drills", "Async Updates",
] as const;

// ---------------------------------------------------------------------------------------------------------
// Pages

const pad = (n: number) => String(n + 1).padStart(2, "0");
const deptSlug = (d: number) => `department-${pad(d)}`;
const teamSlug = (t: number) => `team-${pad(t)}`;
const roleSlug = (r: number) => `role-${pad(r)}.md`;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const thirdPerson = (verb: string) => (/[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`);
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const article = (noun: string) => (/^[AEIO]/.test(noun) ? "an" : "a");

/** A YAML scalar: plain when safe, double-quoted (JSON is valid YAML) otherwise. */
function yaml(value: string): string {
  return /^[A-Za-z0-9(][^:#"\n]*$/.test(value) && !/\s$/.test(value) ? value : JSON.stringify(value);
}

function frontMatter(fields: Array<[string, string | number | boolean | undefined]>): string {
  const lines = fields
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? yaml(v) : String(v)}`);
  return `---\n${lines.join("\n")}\n---\n`;
}

function sentence(rng: Rng): string {
  return `${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${rng.pick(CONTEXTS)} to ${rng.pick(GOALS)}.`;
}

/** A one-line summary in the third person, as the real handbook's summaries are written. */
function summarySentence(rng: Rng): string {
  return `${thirdPerson(rng.pick(VERBS))} ${rng.pick(OBJECTS)} ${rng.pick(CONTEXTS)} to ${rng.pick(GOALS)}.`;
}

interface RolePage {
  title: string;
  summary: string;
  text: string;
}

/** One role page, shaped like content/teams/dev-team/ai-engineer.md, about 2–3 kB. */
function rolePage(seed: number, key: string, title: string, team: string, dept: string, order: number): RolePage {
  const rng = new Rng(seed, `role:${key}`);
  const [verb1, verb2] = rng.sample(VERBS, 2).map(thirdPerson);
  const [object1, object2] = rng.sample(OBJECTS, 2);
  const summary = `${verb1} the ${team}'s ${object1} and ${lower(verb2!)} its ${object2}.`;
  const head = frontMatter([
    ["layout", "default"],
    ["title", title],
    ["parent", team],
    ["grand_parent", dept],
    ["nav_order", order],
    ["summary", summary],
    ["description", `What ${article(title)} ${title} in the ${team} does, which skills the role needs and which tools it uses.`],
  ]);
  const out: string[] = [head, `# ${title}`, ""];
  out.push(
    `The ${title} works in the [${team}](index.md) of the ${dept} and helps it ${rng.pick(GOALS)}. ` +
      `Most days they ${lower(rng.pick(VERBS))} ${rng.pick(OBJECTS)} ${rng.pick(CONTEXTS)}.`,
    "",
    "## Role and Responsibilities",
    "",
  );
  for (let i = rng.int(3, 5); i > 0; i--) out.push(`- ${sentence(rng)}`);
  out.push("", "## Skills", "");
  const [lang1, lang2] = rng.sample(LANGUAGES, 2);
  const [toolA, toolB] = rng.sample(TOOLS, 2);
  const knowledge = rng.sample(KNOWLEDGE, 3).join(", ").replace(/, ([^,]*)$/, " and $1");
  const explanations = [
    `You write ${lang1} and ${lang2} that others can review and extend.`,
    `You have used ${toolA} and ${toolB} in production and know their failure modes.`,
    `You bring working knowledge of ${knowledge}.`,
    `You ${lower(sentence(rng))}`,
    `You ${lower(sentence(rng))}`,
  ];
  for (const [i, skill] of rng.sample(SKILLS, rng.int(3, 5)).entries()) out.push(`- **${skill}**: ${explanations[i]}`);
  out.push("", "## Tools", "");
  for (const tool of rng.sample(TOOLS, rng.int(4, 6))) out.push(`- ${tool}`);
  out.push("", `## ${title} Best Practices`);

  // Numbered practices in ### groups until the page reaches its target size (2.1–2.8 kB).
  const target = rng.int(2100, 2800);
  const groups = rng.sample(PRACTICE_GROUPS, PRACTICE_GROUPS.length);
  const names = rng.sample(PRACTICE_NAMES, PRACTICE_NAMES.length);
  const size = () => Buffer.byteLength(out.join("\n"));
  for (let g = 0; g < groups.length && size() < target; g++) {
    out.push("", `### ${groups[g]}`, "");
    const items = rng.int(3, 6);
    for (let i = 1; i <= items && size() < target; i++) {
      out.push(`${i}. **${names.pop() ?? rng.pick(PRACTICE_NAMES)}**: ${sentence(rng)}`);
    }
  }
  return { title, summary, text: out.join("\n") + "\n" };
}

function teamPage(
  seed: number,
  key: string,
  title: string,
  dept: string,
  order: number,
  summary: string,
  roles: RolePage[],
): string {
  const rng = new Rng(seed, `team-text:${key}`);
  const out = [
    frontMatter([
      ["title", title],
      ["parent", dept],
      ["grand_parent", "Teams"],
      ["nav_order", order],
      ["has_children", true],
      ["summary", summary],
      ["description", `Mission, ownership, working rhythm and roles of the ${title} in the ${dept}.`],
    ]),
    `# ${title}`,
    "",
    `The ${title} is part of the ${dept}. It has ${plural(roles.length, "role")} and works to ${rng.pick(GOALS)}.`,
    "",
    "## What we own",
    "",
  ];
  for (const object of rng.sample(OBJECTS, rng.int(3, 5))) out.push(`- **${capitalize(object)}**: ${sentence(rng)}`);
  out.push("", "## How we work", "");
  for (let i = rng.int(3, 4); i > 0; i--) out.push(`- ${sentence(rng)}`);
  out.push("", "## Roles", "");
  roles.forEach((role, r) => out.push(`- [${role.title}](${roleSlug(r)}): ${lower(role.summary)}`));
  return out.join("\n") + "\n";
}

function departmentPage(
  seed: number,
  d: number,
  title: string,
  summary: string,
  teams: Array<{ title: string; summary: string }>,
): string {
  const rng = new Rng(seed, `department-text:${d}`);
  const out = [
    frontMatter([
      ["title", title],
      ["parent", "Teams"],
      ["nav_order", d + 1],
      ["has_children", true],
      ["summary", summary],
      ["description", `The teams of the ${title}, what each owns and how they work together.`],
    ]),
    `# ${title}`,
    "",
    `The ${title} has ${plural(teams.length, "team")}. ${sentence(rng)} ${sentence(rng)}`,
    "",
    "## Teams",
    "",
  ];
  teams.forEach((team, t) => out.push(`- [${team.title}](${teamSlug(t)}/index.md): ${lower(team.summary)}`));
  out.push("", "## How we work together", "");
  for (let i = rng.int(2, 4); i > 0; i--) out.push(`- ${sentence(rng)}`);
  return out.join("\n") + "\n";
}

/** Every file of the handbook, by path relative to its folder. */
function renderHandbook(plan: number[][], seed: number, fanOut: number): Map<string, string> {
  const files = new Map<string, string>();
  const allRoleTitles: string[] = [];
  for (const level of LEVELS) for (const s of SPECIALTIES) for (const f of FUNCTIONS) allRoleTitles.push(`${level}${s} ${f}`);
  const deptNames = new Rng(seed, "departments").sample(DEPARTMENTS, DEPARTMENTS.length);

  const departments: Array<{ title: string; summary: string }> = [];
  plan.forEach((teamRoles, d) => {
    const dept = `${deptNames[d]!} Department`;
    const deptRng = new Rng(seed, `department:${d}`);
    // All `fanOut` names are drawn whatever the count, so a team's title never depends on the handbook's size.
    const teamNames = deptRng.sample(TEAM_NAMES, fanOut);
    const deptSummary = summarySentence(deptRng);
    const teams: Array<{ title: string; summary: string }> = [];
    teamRoles.forEach((roleCount, t) => {
      const key = `${d}:${t}`;
      const team = `${teamNames[t]!} Team`;
      const teamRng = new Rng(seed, `team:${key}`);
      const roleTitles = teamRng.sample(allRoleTitles, fanOut);
      const teamSummary = summarySentence(teamRng);
      const roles: RolePage[] = [];
      for (let r = 0; r < roleCount; r++) {
        const role = rolePage(seed, `${key}:${r}`, roleTitles[r]!, team, dept, r + 1);
        roles.push(role);
        files.set(`teams/${deptSlug(d)}/${teamSlug(t)}/${roleSlug(r)}`, role.text);
      }
      files.set(`teams/${deptSlug(d)}/${teamSlug(t)}/index.md`, teamPage(seed, key, team, dept, t + 1, teamSummary, roles));
      teams.push({ title: team, summary: teamSummary });
    });
    files.set(`teams/${deptSlug(d)}/index.md`, departmentPage(seed, d, dept, deptSummary, teams));
    departments.push({ title: dept, summary: deptSummary });
  });

  const total = files.size + 2;
  files.set(
    "index.md",
    [
      frontMatter([
        ["title", "Home"],
        ["nav_order", 1],
        ["summary", "A synthetic handbook for build benchmarks."],
        ["description", `A generated handbook of ${total} pages, shaped like the team handbook, for benchmarks.`],
      ]),
      "# Benchmark Handbook",
      "",
      `This handbook was generated by \`tests/helpers/generate.ts\` with seed ${seed}. It has ${total} pages:`,
      `${plural(departments.length, "department")}, their teams and their roles, all under [Teams](teams/index.md).`,
      "",
    ].join("\n"),
  );
  const teamsPage = [
    frontMatter([
      ["title", "Teams"],
      ["nav_order", 2],
      ["has_children", true],
      ["summary", "Every department, team and role of the benchmark handbook."],
      ["description", "An overview of the departments, with links to every department page."],
    ]),
    "# Teams",
    "",
    `The handbook has ${plural(departments.length, "department")}. Each has teams, and every team lists its roles.`,
    "",
    "## Departments",
    "",
    ...departments.map((dept, d) => `- [${dept.title}](${deptSlug(d)}/index.md): ${lower(dept.summary)}`),
  ];
  files.set("teams/index.md", teamsPage.join("\n") + "\n");
  return files;
}

// ---------------------------------------------------------------------------------------------------------
// CLI

if (process.argv[1]?.endsWith("tests/helpers/generate.ts")) {
  const args = process.argv.slice(2);
  const flag = (name: string): number | undefined => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const value = Number(args[i + 1]);
    args.splice(i, 2);
    return value;
  };
  const seed = flag("--seed");
  const fanOut = flag("--fan-out");
  const [dir, count] = args;
  if (!dir || !count || args.length !== 2) {
    process.stderr.write("Usage: npx tsx tests/helpers/generate.ts <dir> <pages> [--seed N] [--fan-out N]\n");
    process.exitCode = 2;
  } else {
    try {
      const result = generateHandbook(dir, Number(count), {
        ...(seed !== undefined && { seed }),
        ...(fanOut !== undefined && { fanOut }),
      });
      console.log(`Wrote ${result.pages} pages into ${dir}`);
      console.log(`Role page: ${result.rolePage}`);
    } catch (error) {
      process.stderr.write(`error: ${(error as Error).message}\n`);
      process.exitCode = 1;
    }
  }
}
