import { applyTheme, saveTheme, savedTheme, siteTheme, type Theme } from "./theme-choice.ts";

/**
 * The header's light/dark toggle (pressed = dark). A choice that matches the operating system is not saved, so
 * the page goes on following the system (as VitePress does); a different one is saved and wins on every page.
 */
export function enhanceThemeToggle(button: HTMLButtonElement): void {
  const system = window.matchMedia("(prefers-color-scheme: dark)");
  // A site with its own theme (colorScheme) starts from that one rather than the system's.
  const systemTheme = (): Theme => siteTheme() ?? (system.matches ? "dark" : "light");
  const current = (): Theme => savedTheme() ?? systemTheme();
  const show = () => button.setAttribute("aria-pressed", String(current() === "dark"));

  button.addEventListener("click", () => {
    const next: Theme = current() === "dark" ? "light" : "dark";
    const choice = next === systemTheme() ? undefined : next;
    saveTheme(choice);
    applyTheme(choice);
    show();
  });
  system.addEventListener("change", show);
  // Another tab changed the choice.
  window.addEventListener("storage", () => {
    applyTheme(savedTheme());
    show();
  });
  show();
  button.hidden = false;
}
