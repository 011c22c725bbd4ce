import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { formatDiagnostic } from "../../../src/shared/diagnostics.ts";
import { loadContent } from "../../../src/content/load.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "content-files-"));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (rel: string | Buffer, text = "---\ntitle: Page\n---\n") => {
  const full = typeof rel === "string" ? path.join(dir, rel) : Buffer.concat([Buffer.from(`${dir}/`), rel]);
  fs.mkdirSync(path.dirname(full.toString()), { recursive: true });
  fs.writeFileSync(full, text);
};
const link = (rel: string, target: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.symlinkSync(target, path.join(dir, rel));
};
const shown = (list: Parameters<typeof formatDiagnostic>[0][]) => list.map((d) => formatDiagnostic(d, dir));

write("index.md", "---\ntitle: Home\n---\n");
write("guide/index.md", "---\ntitle: Guide\nparent: Home\n---\n");
write("guide/photo.png", "png");
write("empty.md", "");
link("guide/alias.md", "../index.md");
link("env.md", "/proc/self/environ");
link("secret.png", "/etc/hostname");
link("guide/loop", "..");
link("guide/again", "../guide");
link("folder.md", "guide");
link("outside", os.tmpdir());
link("nowhere.md", "missing.md");
write("a#b.md");
write("what?.md");
write("100%.md");
write("new\nline.md");
write(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x6d, 0x64])); // "caf\xE9.md", Latin-1, not UTF-8
write(".hidden/env.md");
link(".git", "/etc");
spawnSync("mkfifo", [path.join(dir, "fifo.md")]);

describe("the content folder holds plain files and folders only", () => {
  test("pages are the plain Markdown files; links inside the folder are followed; an empty file is a page", () => {
    const { pages } = loadContent(dir);
    assert.deepEqual(pages.map((p) => p.relPath), ["empty.md", "guide/alias.md", "guide/index.md", "index.md"]);
    assert.equal(pages.find((p) => p.relPath === "guide/alias.md")?.meta.title, "Home");
  });

  test("every other entry is an error at its path that says what to do, and none of them is opened", () => {
    assert.deepEqual(shown(loadContent(dir).diagnostics), [
      '100%.md:1:1 error the name has "%" in it, which a URL cannot hold as it is; rename it',
      'a#b.md:1:1 error the name has "#" in it, which a URL cannot hold as it is; rename it',
      "caf�.md:1:1 error the name has bytes that are not UTF-8 (shown as �); rename it",
      "env.md:1:1 error is a symbolic link to a place outside the content folder, which the build never reads; put the file itself here instead",
      "fifo.md:1:1 error is a FIFO (named pipe), not a file; remove it: the content folder holds files and folders only",
      "folder.md:1:1 error is a symbolic link to another folder of the content folder, whose files would be built twice; remove it",
      "guide/again:1:1 error is a symbolic link to a folder that holds it, which makes a loop; remove it",
      "guide/loop:1:1 error is a symbolic link to a folder that holds it, which makes a loop; remove it",
      "new\\x0Aline.md:1:1 error the name has a control character (such as a line break) in it, which a URL cannot hold as it is; rename it",
      "nowhere.md:1:1 error is a symbolic link to nothing; remove it",
      "outside:1:1 error is a symbolic link to a place outside the content folder, which the build never reads; put the file itself here instead",
      "secret.png:1:1 error is a symbolic link to a place outside the content folder, which the build never reads; put the file itself here instead",
      'what?.md:1:1 error the name has "?" in it, which a URL cannot hold as it is; rename it',
    ]);
  });

  test("the images the build copies follow the same rules: a link out of the folder is never copied", () => {
    assert.deepEqual(loadContent(dir).assets, [{ from: path.join(dir, "guide/photo.png"), to: "guide/photo.png" }]);
  });
});
