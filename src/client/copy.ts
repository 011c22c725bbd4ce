/** How long the button reads "Copied" before it reads "Copy" again. */
const RESET_MS = 2000;

/**
 * The copy buttons on code blocks: hidden in the markup, shown when the clipboard can be written. A copy is
 * announced once through a shared polite live region, as the button's own text change is not reliably read.
 */
export function enhanceCopyButtons(buttons: Iterable<HTMLButtonElement>): void {
  if (!navigator.clipboard || !window.isSecureContext) return;
  const list = [...buttons];
  if (list.length === 0) return;
  // Present from the start: a live region added at the moment it speaks is often not read.
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  (document.querySelector("main") ?? document.body).append(status);
  const announce = (text: string) => {
    status.textContent = "";
    // Emptied first and filled a frame later, so a second copy is announced again.
    requestAnimationFrame(() => (status.textContent = text));
  };
  for (const button of list) {
    const code = button.parentElement?.querySelector("pre code, pre");
    const label = button.querySelector(".copy-code-label");
    if (!code || !label) continue;
    let timer: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText((code.textContent ?? "").replace(/\n$/, ""));
        label.textContent = "Copied";
        button.classList.add("is-copied");
        announce("Copied");
      } catch {
        label.textContent = "Copy failed";
        announce("Could not copy: the browser did not allow it");
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        label.textContent = "Copy";
        button.classList.remove("is-copied");
      }, RESET_MS);
    });
    button.hidden = false;
  }
}
