/* global process, console */
// The benchmark's floor: what the work itself costs, with nothing else. Reads every Markdown file of a folder, splits
// its front matter with gray-matter, renders it with markdown-it and writes one HTML file per page (`a/b.md` to
// `a/b/index.html`). No layout, no navigation, no checks, no search. Run by bench/build.ts, never by the handbook.
//
//   node bench/floor/floor.mjs <content folder> <output folder>
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import MarkdownIt from "markdown-it";

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error("usage: floor.mjs <content folder> <output folder>");
const md = new MarkdownIt({ html: true });
let pages = 0;
for (const rel of fs.readdirSync(input, { recursive: true })) {
  if (!rel.endsWith(".md")) continue;
  const { content } = matter(fs.readFileSync(path.join(input, rel), "utf8"));
  const base = rel.slice(0, -3);
  const dir = path.join(output, path.basename(base) === "index" ? path.dirname(base) : base);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "index.html"), md.render(content));
  pages++;
}
console.log(`floor: ${pages} pages`);
