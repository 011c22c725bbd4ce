// Takes a screenshot of a page of the built site: tsx scripts/screenshot.ts /path/ name width light|dark
// (written to /tmp/<name>.png), for reading a UI change in a real browser before calling it done.
import { launchBrowser, serveStatic } from "../tests/helpers/browser.ts";
const server = await serveStatic("_site");
const browser = await launchBrowser();
const [, , path = "/teams/dev-team/ai-engineer/", name = "shot", w = "1280", scheme = "light"] = process.argv;
const page = await browser.newPage({ viewport: { width: Number(w), height: 900 }, colorScheme: scheme as "light" | "dark" });
page.on("console", (m) => console.log("console:", m.type(), m.text()));
await page.goto(server.url(path));
await page.screenshot({ path: `/tmp/${name}.png` });
await browser.close(); await server.close();
