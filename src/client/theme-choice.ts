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

/** Applies a choice to the page (`data-theme` on <html>, which the stylesheet reads), or clears it. */
export function applyTheme(theme: Theme | undefined): void {
  if (theme) document.documentElement.setAttribute("data-theme", theme);
  else document.documentElement.removeAttribute("data-theme");
}
