/**
 * The header's light/dark switch: pressed means dark. Hidden until src/client/theme-toggle.ts can work it, so there
 * is no dead control without JavaScript; the theme then follows the operating system.
 */
export function ThemeToggle() {
  return (
    <button class="theme-toggle" type="button" hidden aria-pressed="false">
      <svg class="theme-icon-dark" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
      </svg>
      <svg class="theme-icon-light" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="4" fill="none" stroke="currentColor" stroke-width="2" />
        <path
          d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-linecap="round"
        />
      </svg>
      <span class="visually-hidden">Dark theme</span>
    </button>
  );
}
