/** A theme the reader chose; without a choice the page follows the operating system. */
export type Theme = "light" | "dark";

/** Where the choice is kept in localStorage. */
export const THEME_KEY = "handbook-theme";

/** The saved choice, if any (storage may be unavailable, e.g. blocked cookies). */
export function savedTheme(): Theme | undefined {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === "light" || value === "dark" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Saves a choice, or forgets it (undefined) so the page follows the operating system again. */
export function saveTheme(theme: Theme | undefined): void {
  try {
    if (theme) localStorage.setItem(THEME_KEY, theme);
    else localStorage.removeItem(THEME_KEY);
  } catch {
    // Storage unavailable: the choice lasts for this page only.
  }
}

/** The site's own theme for readers without a choice (`colorScheme`, set on <html> by the build); none: the system's. */
export function siteTheme(): Theme | undefined {
  const value = document.documentElement.getAttribute("data-default-theme");
  return value === "light" || value === "dark" ? value : undefined;
}

/** Applies a choice to the page (`data-theme` on <html>, which the stylesheet reads), or clears it back to the site's. */
export function applyTheme(theme: Theme | undefined): void {
  const shown = theme ?? siteTheme();
  if (shown) document.documentElement.setAttribute("data-theme", shown);
  else document.documentElement.removeAttribute("data-theme");
}
