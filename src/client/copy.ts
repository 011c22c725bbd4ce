/** How long the button reads "Copied" before it reads "Copy" again. */
const RESET_MS = 2000;

/**
 * The copy buttons on code blocks: hidden in the markup (no dead control without JavaScript), shown by this script,
 * always visible so touch and keyboard reach them as a mouse does. A copy is announced once through a shared polite
 * live region, as the button's own text change is not reliably read.
 */
export function enhanceCopyButtons(buttons: Iterable<HTMLButtonElement>): void {
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
      const copied = await copyText((code.textContent ?? "").replace(/\n$/, ""));
      label.textContent = copied ? "Copied" : "Copy failed";
      button.classList.toggle("is-copied", copied);
      announce(copied ? "Copied" : "Could not copy: the browser did not allow it");
      clearTimeout(timer);
      timer = setTimeout(() => {
        label.textContent = "Copy";
        button.classList.remove("is-copied");
      }, RESET_MS);
    });
    button.hidden = false;
  }
}

/**
 * Puts text on the clipboard. The Clipboard API exists only on https:// and localhost; an intranet host on plain
 * http:// gets the older way, a selected off-screen text area and the copy command, which browsers still allow
 * during a click.
 */
async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (a permission, a frame): try the older way.
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "visually-hidden";
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  area.remove();
  focused?.focus();
  return copied;
}
