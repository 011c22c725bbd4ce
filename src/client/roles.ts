// The pages generated from the roles, enhanced: the Skills & Tools directory's filter box, and the role comparison.
// Without this script the directory lists every name and the comparison page is an index of roles; with it, the
// filter narrows the lists as the reader types, and the comparison draws what two roles share from /roles.json.
// Every text is set with textContent; nothing from the data is ever parsed as HTML.

/** The parts of /roles.json the comparison reads (src/roles/roles-json.ts). */
interface RoleData {
  title: string;
  url: string;
  team: string | null;
  family: string | null;
  ladder: string | null;
  names: Array<{ name: string; kind: "tool" | "skill"; url: string }>;
}

/** Enhances whichever of the two the page has. */
export function enhanceRolePages(doc: Document = document): void {
  const filter = doc.querySelector<HTMLElement>("[data-directory-filter]");
  if (filter) enhanceDirectoryFilter(filter, doc);
  const form = doc.querySelector<HTMLFormElement>("form[data-compare]");
  const result = doc.querySelector<HTMLElement>("[data-compare-result]");
  if (form && result) enhanceCompare(form, result);
}

/** The directory's filter: hides the names (and letters) that do not contain what the reader typed, aliases included. */
function enhanceDirectoryFilter(box: HTMLElement, doc: Document): void {
  const input = box.querySelector<HTMLInputElement>("input");
  const status = box.querySelector<HTMLElement>(".directory-filter-status");
  if (!input || !status) return;
  const items = [...doc.querySelectorAll<HTMLElement>(".name-item")];
  const keys = items.map((item) => (item.dataset.name ?? item.textContent ?? "").toLowerCase());
  const groups = [...doc.querySelectorAll<HTMLElement>("[data-letter-group]")];
  const sections = [...doc.querySelectorAll<HTMLElement>(".directory-section")];
  box.hidden = false;
  const apply = () => {
    const query = input.value.trim().toLowerCase();
    items.forEach((item, i) => (item.hidden = query !== "" && !keys[i]!.includes(query)));
    for (const group of groups) group.hidden = !group.querySelector(".name-item:not([hidden])");
    // "Tools" and "Skills" are the sections' headings; "1 tool", "2 tools".
    const counts = sections.map((s) => ({ word: (s.querySelector("h2")?.textContent ?? "").toLowerCase().replace(/s$/, ""), shown: s.querySelectorAll(".name-item:not([hidden])").length }));
    const typed = input.value.trim();
    if (query === "") status.textContent = "";
    else if (counts.every((c) => c.shown === 0)) status.textContent = `No tool or skill matches “${typed}”.`;
    else status.textContent = `Showing ${counts.map((c) => `${c.shown} ${c.word}${c.shown === 1 ? "" : "s"}`).join(" and ")} matching “${typed}”.`;
  };
  input.addEventListener("input", apply);
  // A browser may restore the field's text when the reader comes back to the page.
  if (input.value !== "") apply();
}

/** The comparison: two pickers, kept in the address, and what the two roles share and what each adds. */
function enhanceCompare(form: HTMLFormElement, result: HTMLElement): void {
  const [from, to] = [form.querySelector<HTMLSelectElement>("#compare-a"), form.querySelector<HTMLSelectElement>("#compare-b")];
  const status = form.querySelector<HTMLElement>(".compare-status");
  const source = form.dataset.rolesSrc;
  if (!from || !to || !status || !source) return;
  const params = new URLSearchParams(location.search);
  for (const [select, key] of [[from, "a"], [to, "b"]] as const) {
    const wanted = params.get(key);
    if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
  }
  // Linked from a role page with only that role: compare it with another one.
  if (!params.has("b") && to.value === from.value) to.value = [...to.options].find((o) => o.value !== from.value)?.value ?? to.value;
  form.hidden = false;
  let roles: Promise<Map<string, RoleData>> | undefined;
  const load = () =>
    (roles ??= fetch(source)
      .then((r) => (r.ok ? (r.json() as Promise<{ roles: RoleData[] }>) : Promise.reject(new Error(String(r.status)))))
      .then((data) => new Map(data.roles.map((role) => [role.url, role]))));
  const update = async () => {
    const url = new URL(location.href);
    url.searchParams.set("a", from.value);
    url.searchParams.set("b", to.value);
    history.replaceState(null, "", url);
    try {
      const all = await load();
      const [a, b] = [all.get(from.value), all.get(to.value)];
      if (!a || !b) return;
      drawComparison(result, a, b, status);
    } catch {
      status.textContent = "The roles could not be loaded. Each role's page below still lists its skills and tools.";
    }
  };
  form.addEventListener("change", () => void update());
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void update();
  });
  void update();
}

type Name = RoleData["names"][number];

/** A new element of the page with its text (set as text, never parsed) and class. */
function make<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function linkTo(doc: Document, text: string, href: string): HTMLAnchorElement {
  const a = make(doc, "a", text);
  a.href = href;
  return a;
}

/** Draws the comparison of `a` (the role a reader has) with `b` (the role they consider). */
function drawComparison(result: HTMLElement, a: RoleData, b: RoleData, status: HTMLElement): void {
  const doc = result.ownerDocument;
  result.replaceChildren();
  result.hidden = false;
  if (a.url === b.url) {
    result.append(make(doc, "p", "Pick two different roles to compare them.", "compare-same"));
    status.textContent = "The same role is picked twice.";
    return;
  }
  const key = (n: Name) => `${n.kind}:${n.name}`;
  const inA = new Set(a.names.map(key));
  const inB = new Set(b.names.map(key));
  const groups = [
    { title: "What both roles need", names: a.names.filter((n) => inB.has(key(n))) },
    { title: `What ${b.title} needs that ${a.title} does not`, names: b.names.filter((n) => !inA.has(key(n))) },
    { title: `What ${a.title} needs that ${b.title} does not`, names: a.names.filter((n) => !inB.has(key(n))) },
  ];
  const heading = make(doc, "h2", `${a.title} and ${b.title}`);
  heading.id = "comparison";
  result.append(heading, families(doc, a, b));
  for (const group of groups) {
    const section = make(doc, "section", undefined, "compare-group");
    section.append(make(doc, "h3", group.title));
    if (group.names.length === 0) section.append(make(doc, "p", "Nothing.", "compare-none"));
    for (const [kind, label] of [["skill", "Skills"], ["tool", "Tools"]] as const) {
      const names = group.names.filter((n) => n.kind === kind);
      if (names.length === 0) continue;
      const list = make(doc, "ul", undefined, "compare-names");
      for (const n of names) {
        const item = make(doc, "li");
        item.append(linkTo(doc, n.name, n.url));
        list.append(item);
      }
      section.append(make(doc, "p", `${label} (${names.length})`, "compare-kind"), list);
    }
    result.append(section);
  }
  const [shared, added] = [groups[0]!.names.length, groups[1]!.names.length];
  status.textContent = `${a.title} and ${b.title} share ${shared} skill${shared === 1 ? "" : "s"} and tool${shared === 1 ? "" : "s"}; ${b.title} needs ${added} more.`;
}

/** The two roles' families and their ladders: one sentence when they share a family, one per role when not. */
function families(doc: Document, a: RoleData, b: RoleData): HTMLParagraphElement {
  const p = make(doc, "p", undefined, "compare-families");
  if (a.family && a.family === b.family && a.ladder) {
    p.append(`Both roles are in the ${a.family} family, on the same ladder: `, linkTo(doc, `${a.family} ladder`, a.ladder), ".");
    return p;
  }
  for (const role of [a, b]) {
    p.append(`${role.title}${role.team ? ` (${role.team})` : ""} is `);
    if (role.family && role.ladder) p.append(`in the ${role.family} family: `, linkTo(doc, `${role.family} ladder`, role.ladder), ". ");
    else p.append("in no family with a career ladder. ");
  }
  return p;
}
