// Sign-in with OpenID Connect through openid-client: the authorization code flow with PKCE (and state and nonce).
// What the flow must remember between leaving for the provider and coming back (the PKCE verifier, the nonce, the
// page asked for) travels in an encrypted cookie named after the attempt's state, so several tabs may sign in at
// once and any server copy can finish what another started.
import type { IncomingMessage } from "node:http";
import * as client from "openid-client";
import { needsUserInfo, readerFromClaims, type Reader } from "./access.ts";
import { isLoopback, type AuthConfig } from "./config.ts";
import { clearCookie, cookieName, readCookie, seal, setCookie, unseal } from "./session.ts";

/** How long a reader may take at the provider, in seconds. */
const ATTEMPT_SECONDS = 600;

/** Leaving for the provider: where to send the reader and the cookie that remembers the attempt. */
export interface SignInStart {
  location: string;
  cookie: string;
}

/** Coming back: the reader and the page they asked for, or why not (a sentence for the reader). */
export type SignInResult = { reader: Reader; returnTo: string; cookie: string } | { failed: string; returnTo?: string; cookie?: string };

/** The sign-in flow against one provider. */
export interface SignIn {
  /**
   * Starts signing in; the reader comes back to `returnTo` (a path on this site). `askAgain` makes the provider
   * ask who is signing in (`prompt=login`) rather than reuse its own session, so another account can be used.
   */
  start(returnTo: string, askAgain?: boolean): Promise<SignInStart>;
  /** Finishes signing in from the provider's redirect to /auth/callback. */
  finish(req: IncomingMessage): Promise<SignInResult>;
}

/** The sign-in flow for `auth`, with callback `<PUBLIC_URL><prefix>auth/callback`. */
export function createSignIn(auth: AuthConfig, prefix: string, key: Uint8Array): SignIn {
  const secure = auth.publicUrl.protocol === "https:";
  const redirectUri = new URL(`${prefix}auth/callback`, auth.publicUrl).href;
  const attemptCookie = (state: string) => cookieName(`handbook_signin_${state}`, secure);
  // Discovered when first needed, and again after a failure: the server starts even while the provider is away.
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () =>
    (discovered ??= client
      .discovery(auth.issuer, auth.clientId, auth.clientSecret, client.ClientSecretBasic(auth.clientSecret), {
        ...(isLoopback(auth.issuer) ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      }));

  return {
    async start(returnTo, askAgain = false) {
      const config = await configuration();
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const location = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: auth.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: "S256",
        state,
        nonce,
        ...(askAgain ? { prompt: "login" } : {}),
      }).href;
      const sealed = await seal({ v: verifier, n: nonce, r: returnTo }, key, "sign-in", ATTEMPT_SECONDS);
      return { location, cookie: setCookie(attemptCookie(state), sealed, ATTEMPT_SECONDS, secure) };
    },

    async finish(req) {
      const current = new URL(req.url ?? "/", auth.publicUrl);
      const state = current.searchParams.get("state") ?? "";
      const attempt = /^[\w-]{1,128}$/.test(state) ? await unseal(readCookie(req.headers.cookie, attemptCookie(state)), key, "sign-in") : undefined;
      if (!attempt) return { failed: "This sign-in attempt has expired or was started in another browser." };
      const returnTo = String(attempt.r);
      const cookie = clearCookie(attemptCookie(state), secure);
      const refused = current.searchParams.get("error");
      if (refused) return { failed: `The sign-in provider answered: ${current.searchParams.get("error_description") ?? refused}.`, returnTo, cookie };
      const config = await configuration();
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: String(attempt.v),
        expectedState: state,
        expectedNonce: String(attempt.n),
        idTokenExpected: true,
      });
      let claims: Record<string, unknown> = { ...tokens.claims() };
      if (needsUserInfo(claims, auth.groupsClaim, auth)) {
        claims = { ...claims, ...(await client.fetchUserInfo(config, tokens.access_token, String(claims.sub))) };
      }
      return { reader: readerFromClaims(claims, auth.groupsClaim, auth), returnTo, cookie };
    },
  };
}
