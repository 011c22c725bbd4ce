import { renderToString } from "preact-render-to-string";
import type { Settings } from "../../config/settings.ts";
import { SecurityPolicy } from "../components/SecurityPolicy.tsx";

/**
 * A page at an old address that now leads elsewhere (a skill page merged into the tool page of the same name).
 * Contract: `to` is a site URL with the path prefix applied. Browsers follow the refresh at once; the link is there for
 * readers whose browser does not, and search engines read the canonical link and the noindex. No script, no style.
 */
export function renderRedirect({ settings, to, title }: { settings: Settings; to: string; title: string }): string {
  return `<!doctype html>\n${renderToString(
    <html lang={settings.lang}>
      <head>
        <meta charset="utf-8" />
        <SecurityPolicy />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${settings.title}`}</title>
        <meta name="robots" content="noindex" />
        <link rel="canonical" href={to} />
        <meta http-equiv="refresh" content={`0; url=${to}`} />
      </head>
      <body>
        <main>
          <p>
            This page has moved: <a href={to}>{title}</a>.
          </p>
        </main>
      </body>
    </html>,
  )}\n`;
}
