// The production server's settings: sign-in from the environment (so secrets stay out of files and command lines),
// where to listen from flags. Every problem is reported at once, naming the variable and what to put in it.

/** Who may sign in and how: the OpenID Connect client, the session and the access rules. */
export interface AuthConfig {
  /** The provider's issuer URL, where its discovery document lives. */
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** The origin readers open (https:// except on this machine); the provider sends them back to its /auth/callback. */
  publicUrl: URL;
  /** Secret the session cookies are encrypted with; the same on every copy of the server. */
  sessionSecret: string;
  /** How long a sign-in lasts, in seconds. */
  sessionSeconds: number;
  /** E-mail domains whose readers may enter (lower case); empty: no domain rule. */
  allowedDomains: string[];
  /** Groups whose members may enter; empty: no group rule. */
  allowedGroups: string[];
  /** The claim that lists a reader's groups; a dotted path reaches into objects (`realm_access.roles`). */
  groupsClaim: string;
  /** Scopes asked for. */
  scopes: string;
}

/** The shortest SESSION_SECRET accepted. */
export const MIN_SECRET_LENGTH = 32;

const EXPLAIN: Record<string, string> = {
  OIDC_ISSUER: "your sign-in provider's issuer URL, e.g. https://accounts.google.com",
  OIDC_CLIENT_ID: "the client id the provider gave this handbook",
  OIDC_CLIENT_SECRET: "the client secret the provider gave this handbook",
  PUBLIC_URL: "the address readers open, e.g. https://handbook.example.com (the provider sends them back to PUBLIC_URL/auth/callback)",
  SESSION_SECRET: `a random string of at least ${MIN_SECRET_LENGTH} characters, the same on every copy of the server (openssl rand -base64 48)`,
};

/** Reads the sign-in settings; `problems` names every missing or wrong variable. */
export function readAuthConfig(env: NodeJS.ProcessEnv, pathPrefix = "/"): { auth?: AuthConfig; problems: string[] } {
  const problems = Object.keys(EXPLAIN)
    .filter((name) => !env[name]?.trim())
    .map((name) => `${name} is not set: ${EXPLAIN[name]}`);
  const list = (name: string) => (env[name] ?? "").split(/[\s,]+/).filter(Boolean);
  const allowedDomains = list("ALLOWED_DOMAINS").map((d) => d.toLowerCase().replace(/^@/, ""));
  const allowedGroups = list("ALLOWED_GROUPS");
  if (allowedDomains.length === 0 && allowedGroups.length === 0) {
    problems.push("neither ALLOWED_DOMAINS nor ALLOWED_GROUPS is set: say who may read the handbook, e.g. ALLOWED_DOMAINS=northwind.example or ALLOWED_GROUPS=handbook-readers");
  }
  const issuer = url("OIDC_ISSUER", env.OIDC_ISSUER, problems);
  const publicUrl = url("PUBLIC_URL", env.PUBLIC_URL, problems);
  if (publicUrl && publicUrl.pathname !== "/" && publicUrl.pathname !== pathPrefix) {
    problems.push(`PUBLIC_URL has the path ${publicUrl.pathname}, but the site is built for ${pathPrefix}; give the origin only, e.g. ${publicUrl.origin}`);
  }
  const secret = env.SESSION_SECRET?.trim() ?? "";
  if (secret && secret.length < MIN_SECRET_LENGTH) {
    problems.push(`SESSION_SECRET is too short (${secret.length} characters): ${EXPLAIN.SESSION_SECRET}`);
  }
  const hours = Number(env.SESSION_HOURS ?? 8);
  if (!(hours > 0 && hours <= 24 * 30)) problems.push(`SESSION_HOURS must be a number of hours between 0 and 720, not "${env.SESSION_HOURS}"`);
  if (problems.length > 0 || !issuer || !publicUrl) return { problems };
  const auth: AuthConfig = {
    issuer,
    clientId: env.OIDC_CLIENT_ID!.trim(),
    clientSecret: env.OIDC_CLIENT_SECRET!.trim(),
    publicUrl: new URL(publicUrl.origin),
    sessionSecret: secret,
    sessionSeconds: Math.round(hours * 3600),
    allowedDomains,
    allowedGroups,
    groupsClaim: env.GROUPS_CLAIM?.trim() || "groups",
    scopes: env.OIDC_SCOPES?.trim() || "openid email profile",
  };
  return { auth, problems };
}

/** Whether a URL points at this machine, where plain http is acceptable (local trials and tests). */
export function isLoopback(url: URL): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
}

function url(name: string, value: string | undefined, problems: string[]): URL | undefined {
  if (!value?.trim()) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    problems.push(`${name} is not a URL: "${value}"; ${EXPLAIN[name]}`);
    return undefined;
  }
  if (parsed.protocol === "https:" || (parsed.protocol === "http:" && isLoopback(parsed))) return parsed;
  problems.push(`${name} must start with https:// (plain http:// only for localhost): "${value}"`);
  return undefined;
}
