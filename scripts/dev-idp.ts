/**
 * `npm run dev-idp`: a sign-in provider on this machine for trying `npm run serve` (and for the tests): panva's
 * oidc-provider, the certified OpenID Connect implementation, with its development login form (any password) and
 * three test users. Never expose it: anyone can sign in as anyone.
 *
 *   npm run dev-idp -- [--port 9090] [--redirect http://127.0.0.1:8080/auth/callback]...
 *
 * It prints the environment for `npm run serve`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

/** A test user: the login is the e-mail address. */
export interface DevUser {
  email: string;
  name: string;
  groups: string[];
}

/** The users of the development provider. */
export const DEV_USERS: readonly DevUser[] = [
  { email: "alice@northwind.example", name: "Alice Example", groups: ["handbook-readers"] },
  { email: "bob@northwind.example", name: "Bob Example", groups: [] },
  { email: "mallory@elsewhere.example", name: "Mallory Elsewhere", groups: [] },
];

/** The client the development provider knows. */
export const DEV_CLIENT = { id: "handbook", secret: "dev-client-secret-not-for-production" } as const;

/** A running development provider. */
export interface DevIdp {
  /** Its issuer URL (OIDC_ISSUER). */
  issuer: string;
  close(): Promise<void>;
}

/** Starts the development provider on 127.0.0.1, accepting sign-ins back to `redirectUris`. */
export async function startDevIdp(options: { port?: number; redirectUris: string[]; users?: readonly DevUser[] }): Promise<DevIdp> {
  const users = options.users ?? DEV_USERS;
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, configuration(users, options.redirectUris));
  server.on("request", provider.callback());
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function configuration(users: readonly DevUser[], redirectUris: string[]): Configuration {
  return {
    clients: [
      {
        client_id: DEV_CLIENT.id,
        client_secret: DEV_CLIENT.secret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    // Groups come with the profile scope, so `npm run serve` needs no OIDC_SCOPES for a trial.
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    async findAccount(_ctx, id) {
      const user = users.find((u) => u.email === id);
      if (!user) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, email: user.email, email_verified: true, name: user.name, groups: user.groups }) };
    },
    // Consent is given on the reader's behalf: the handbook is a first-party client.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 3600, Session: 86_400, Grant: 86_400, AccessToken: 3600, IdToken: 3600 },
    pkce: { required: () => true },
    cookies: { keys: ["dev-idp-cookies-not-secret"] },
  };
}

if (process.argv[1]?.endsWith("dev-idp.ts")) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "9090" }, redirect: { type: "string", multiple: true } } });
  const redirectUris = values.redirect ?? ["http://127.0.0.1:8080/auth/callback", "http://localhost:8080/auth/callback"];
  const idp = await startDevIdp({ port: Number(values.port), redirectUris });
  process.stdout.write(`Development sign-in provider at ${idp.issuer} (any password; never expose it)
Users: ${DEV_USERS.map((u) => `${u.email}${u.groups.length ? ` (${u.groups.join(", ")})` : ""}`).join(", ")}
Sign-ins may return to: ${redirectUris.join(", ")}

In another terminal, after npm run build:
  export OIDC_ISSUER=${idp.issuer} OIDC_CLIENT_ID=${DEV_CLIENT.id} OIDC_CLIENT_SECRET=${DEV_CLIENT.secret}
  export PUBLIC_URL=http://127.0.0.1:8080 SESSION_SECRET=$(openssl rand -base64 48) ALLOWED_DOMAINS=northwind.example
  npm run serve
`);
}
