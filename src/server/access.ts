// Who may read, and where a reader may be sent back to after signing in. Pure functions.

/** A signed-in reader, as the session cookie keeps them. */
export interface Reader {
  /** The provider's subject identifier. */
  sub: string;
  /** The reader's e-mail address, when the provider vouches for it. */
  email?: string;
  /** A name to greet them with. */
  name?: string;
  /** Those of the reader's groups that are among the allowed groups (the rest are not kept). */
  groups: string[];
}

/** The access rules: each rule that is set must be met. */
export interface AccessRules {
  allowedDomains: string[];
  allowedGroups: string[];
}

/** The reader a provider's claims describe. An e-mail marked unverified is not used. */
export function readerFromClaims(claims: Record<string, unknown>, groupsClaim: string, rules: AccessRules): Reader {
  const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
  const email = claims.email_verified === false || claims.email_verified === "false" ? undefined : text(claims.email);
  const name = text(claims.name) ?? text(claims.preferred_username);
  const groups = groupsOf(claims, groupsClaim).filter((g) => rules.allowedGroups.includes(g));
  return { sub: String(claims.sub ?? ""), ...(email ? { email } : {}), ...(name ? { name } : {}), groups };
}

/** Whether the claims lack what the rules need (an e-mail, the groups claim), so the userinfo endpoint should be asked. */
export function needsUserInfo(claims: Record<string, unknown>, groupsClaim: string, rules: AccessRules): boolean {
  return (rules.allowedDomains.length > 0 && claims.email === undefined) || (rules.allowedGroups.length > 0 && claimAt(claims, groupsClaim) === undefined);
}

/** Whether a reader may read the handbook: an allowed e-mail domain (when domains are set) and an allowed group (when groups are set). */
export function mayRead(reader: Reader, rules: AccessRules): boolean {
  if (rules.allowedDomains.length === 0 && rules.allowedGroups.length === 0) return false;
  const domain = reader.email?.slice(reader.email.lastIndexOf("@") + 1).toLowerCase();
  const domainOk = rules.allowedDomains.length === 0 || (domain !== undefined && rules.allowedDomains.includes(domain));
  const groupOk = rules.allowedGroups.length === 0 || reader.groups.some((g) => rules.allowedGroups.includes(g));
  return domainOk && groupOk;
}

/**
 * The path to send a reader to after signing in, when `raw` is a path on this site under `prefix`; undefined for
 * anything that could lead elsewhere: `//host`, `/\host`, absolute URLs, control characters, and their
 * percent-encoded forms.
 */
export function safeReturnPath(raw: string | undefined, prefix: string): string | undefined {
  if (!raw) return undefined;
  let decoded = raw;
  for (let round = 0; ; round++) {
    // eslint-disable-next-line no-control-regex -- control characters are what this refuses
    if (!/^\/(?![/\\])/.test(decoded) || /[\\\u0000-\u001f\u007f]/.test(decoded)) return undefined;
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return undefined;
    }
    if (next === decoded) break;
    if (round === 3) return undefined;
    decoded = next;
  }
  const base = "http://handbook.invalid";
  const url = new URL(raw, base);
  if (url.origin !== base) return undefined;
  const inside = url.pathname.startsWith(prefix) || `${url.pathname}/` === prefix;
  return inside ? url.pathname + url.search : undefined;
}

function claimAt(claims: Record<string, unknown>, dotted: string): unknown {
  return dotted.split(".").reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), claims);
}

function groupsOf(claims: Record<string, unknown>, groupsClaim: string): string[] {
  const value = claimAt(claims, groupsClaim);
  if (typeof value === "string") return value.split(/[\s,]+/).filter(Boolean);
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === "string") : [];
}
