import type { Settings } from "../../config/settings.ts";
import { ThemeToggle } from "./ThemeToggle.tsx";

/**
 * The site header: menu button (narrow screens), site title, aux links, search button, theme toggle. Contract: settings from
 * _data/site.json; `search` when the build writes a search index. The search button stays hidden until the script
 * can open the search dialog, so there is no dead control without JavaScript.
 */
export function Header({
  settings,
  href,
  withNav,
  search = false,
}: {
  settings: Settings;
  href: (url: string) => string;
  withNav: boolean;
  search?: boolean;
}) {
  return (
    <header class="site-header">
      {withNav && (
        <a class="menu-toggle" href="#site-nav" aria-controls="site-nav">
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path d="M3 6h18M3 12h18M3 18h18" fill="none" stroke="currentColor" stroke-width="2" />
          </svg>
          <span class="visually-hidden">Menu</span>
        </a>
      )}
      <a class="site-title" href={href("/")}>
        {settings.title}
      </a>
      {settings.auxLinks.length > 0 && (
        <nav class="aux-nav" aria-label="Other sites">
          <ul>
            {settings.auxLinks.map((link) => (
              <li>
                <a href={href(link.url)}>{link.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {search && (
        <button class="search-button" type="button" hidden aria-haspopup="dialog" aria-controls="search-dialog" aria-keyshortcuts="Control+K Meta+K /">
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" stroke-width="2" />
            <path d="m20 20-3.5-3.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
          <span class="search-button-label">Search</span>
          <kbd class="search-button-key" aria-hidden="true">
            Ctrl K
          </kbd>
        </button>
      )}
      <ThemeToggle />
    </header>
  );
}
