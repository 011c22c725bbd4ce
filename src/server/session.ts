// Sessions live in the reader's cookie, encrypted and authenticated (JWE, A256GCM) with a key derived from
// SESSION_SECRET, so any number of server copies accept each other's sessions without a shared store. A cookie that
// was changed, made with another secret, meant for another purpose or past its expiry opens to nothing.
import { hkdfSync } from "node:crypto";
import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";

/** What a sealed value is for; one purpose's cookie is never accepted as another's. */
export type Purpose = "session" | "sign-in";

/** The 256-bit key both cookie kinds are encrypted with, derived from SESSION_SECRET. */
export function deriveKey(secret: string): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", secret, "northwind-handbook", "session cookie key v1", 32));
}

/** Encrypts `payload` for `purpose`, valid for `seconds` from `now`. */
export async function seal(payload: JWTPayload, key: Uint8Array, purpose: Purpose, seconds: number, now = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new EncryptJWT(payload)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setAudience(`handbook-${purpose}`)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + seconds)
    .encrypt(key);
}

/** Opens a sealed value; undefined when it is forged, changed, expired or sealed for another purpose. */
export async function unseal(token: string | undefined, key: Uint8Array, purpose: Purpose, now = new Date()): Promise<JWTPayload | undefined> {
  if (!token) return undefined;
  try {
    const { payload } = await jwtDecrypt(token, key, {
      audience: `handbook-${purpose}`,
      currentDate: now,
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
      requiredClaims: ["exp"],
    });
    return payload;
  } catch {
    return undefined;
  }
}

/** A cookie's name: behind https with the `__Host-` prefix, which browsers keep to this host, path / and Secure. */
export function cookieName(base: string, secure: boolean): string {
  return secure ? `__Host-${base}` : base;
}

/** The Set-Cookie value for a cookie readers' scripts cannot see and other sites' requests do not carry. */
export function setCookie(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The Set-Cookie value that removes a cookie. */
export function clearCookie(name: string, secure: boolean): string {
  return setCookie(name, "", 0, secure);
}

/** The value of cookie `name` in a Cookie request header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
