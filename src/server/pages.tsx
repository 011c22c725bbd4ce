// The few pages the server writes itself (refused, signed out, sign-in failed). Plain HTML without styles or scripts:
// a reader who sees them may not load the site's assets, and the CSP allows nothing inline.
import type { ComponentChildren } from "preact";
import { renderToString } from "preact-render-to-string";
import type { Reader } from "./access.ts";

function page(title: string, body: ComponentChildren): string {
  return `<!doctype html>${renderToString(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
      </head>
      <body>
        <main>
          <h1>{title}</h1>
          {body}
        </main>
      </body>
    </html>,
  )}`;
}

const signOutForm = (prefix: string, label: string) => (
  <form method="post" action={`${prefix}auth/logout`}>
    <button type="submit">{label}</button>
  </form>
);

/** 403: signed in, but not among the readers the handbook is for. */
export function forbiddenPage(reader: Reader, prefix: string): string {
  const who = reader.email ?? reader.name ?? reader.sub;
  return page("You cannot read this handbook", [
    <p>
      You are signed in as <strong>{who}</strong>, and this handbook is only for the people it is shared with. If you
      should have access, ask the handbook's owners to add your account or group.
    </p>,
    signOutForm(prefix, "Sign out and use another account"),
  ]);
}

/** The page behind /auth/logout (GET): signing out is a button, so a link or a prefetch cannot sign anyone out. */
export function signOutPage(prefix: string, reader: Reader | undefined): string {
  if (!reader) return signedOutPage(prefix);
  return page("Sign out", [<p>You are signed in as {reader.email ?? reader.name ?? reader.sub}.</p>, signOutForm(prefix, "Sign out")]);
}

/** After signing out: signing in again asks the provider who is signing in, so another account can be used. */
export function signedOutPage(prefix: string): string {
  return page("You are signed out", [
    <p>You are signed out of the handbook (your sign-in provider may still know you).</p>,
    <p>
      <a href={`${prefix}auth/login?prompt=login`}>Sign in again, with this or another account</a>
    </p>,
  ]);
}

/** Sign-in did not complete: the provider refused, the attempt expired, or the provider could not be reached. */
export function signInFailedPage(reason: string, retry: string): string {
  return page("Sign-in did not complete", [
    <p>{reason}</p>,
    <p>
      <a href={retry}>Try again</a>
    </p>,
  ]);
}
