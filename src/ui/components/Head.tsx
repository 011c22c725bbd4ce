import type { Settings } from "../../config/settings.ts";
import { SecurityPolicy } from "./SecurityPolicy.tsx";

/**
 * The <head> every page shares, content pages and the 404 alike. Contract: `href` applies the path prefix.
 * /assets/theme.js is a classic script, so it runs before the body is painted and sets the reader's saved theme
 * (no flash of the other one); /assets/handbook.js is a module and only enhances. The Content-Security-Policy comes
 * right after the charset, before anything it governs.
 */
export function Head({
  settings,
  href,
  title,
  description,
}: {
  settings: Settings;
  href: (url: string) => string;
  title: string;
  description?: string | undefined;
}) {
  return (
    <head>
      <meta charset="utf-8" />
      <SecurityPolicy />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      {description && <meta name="description" content={description} />}
      {settings.noindex && <meta name="robots" content="noindex" />}
      <link rel="icon" href={href("/assets/favicon.svg")} type="image/svg+xml" />
      <link rel="stylesheet" href={href("/assets/handbook.css")} />
      <script src={href("/assets/theme.js")}></script>
      <script type="module" src={href("/assets/handbook.js")}></script>
    </head>
  );
}
