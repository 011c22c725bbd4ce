import { defaultBuildOptions } from "../eleventy/options.ts";
import { consoleLog, type Log } from "../shared/log.ts";
import { parseSiteArgs, UsageError } from "./args.ts";

const HELP = `Usage: npm run <command> -- [options]

Commands:
  build     check the content, then build the site into the output folder
  serve     build, serve at http://localhost:8080 and rebuild on every change (npm start): for writing
  serve-site   serve a built site in production, behind sign-in (npm run serve; options below)
  check     check all content without building: front matter, navigation, links, role pages
  new       start a page: new role "Title" --team "Team", or new page "Title" --parent "Parent"
  pages-guard  before a GitHub Pages deploy: fail unless the Pages site is private or _data/site.json says "public": true
  owners    write .github/CODEOWNERS from the pages' owners (--check: fail when the committed file is out of date)
  review-issues  open or update one GitHub issue per owner listing their pages overdue for review (--dry-run: print them)
  pr-summary   what the working tree changes in the handbook against --base REV, for a pull request's job summary

Options:
  --content DIR        folder of Markdown pages (default: content)
  --output DIR         folder to write the site to (default: _site)
  --path-prefix PATH   serve the site from a sub-folder, e.g. /handbook/ (default: from _data/site.json)
  --url ORIGIN         the site's origin, e.g. https://handbook.example.com, for sitemap.xml (default: from _data/site.json)
  --port N             port for serve (default: 8080)
  --host ADDRESS       address serve listens on (default: 127.0.0.1, this machine only; 0.0.0.0 lets other
                       machines on the network connect)
  --no-search          skip the Pagefind search index
  --jekyll-config FILE build a Just the Docs site: its _config.yml (settings, site variables for Liquid,
                       Jekyll's file rules); --content defaults to the file's folder
  --links error|warn   a broken link or anchor stops the build (error, the default) or is listed (warn)
  --nav error|warn     a navigation problem (a parent that matches no page, an empty title …) stops the build
                       (error, the default) or is listed, the page built but left out of the navigation where
                       Just the Docs leaves it out (warn)
  --stale warn|error   check: a page overdue for review is a warning (the default) or an error (a scheduled job)
  --today YYYY-MM-DD   the day reviews are due against (default: today), e.g. to see what is due next month
  --force              replace an output folder that holds files the build did not write
  -h, --help           show this help

serve-site options (sign-in settings come from the environment: README, "Publishing privately"):
  --dir DIR            the built site (default: _site)
  --port N             port (default: $PORT, else 8080)
  --host ADDRESS       address to listen on (default: 127.0.0.1; the Docker image passes 0.0.0.0)
  --path-prefix PATH   the prefix the site was built with (default: read from the built site)
  --public             serve without sign-in, to anyone who can reach the server
`;

/** Runs one of the project's commands and returns its exit code; -1 while it keeps serving. */
export async function main(argv: string[], log: Log = consoleLog): Promise<number> {
  const help = () => {
    log.info(HELP.trimEnd());
    return 0;
  };
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "build": {
        const args = parseSiteArgs(rest);
        if (args.help) return help();
        // Imported when used: Eleventy takes a third of a second to load, which check and new do not need.
        const { buildSite } = await import("./build.ts");
        return (await buildSite(args.options, log)) ? 0 : 1;
      }
      case "check": {
        const args = parseSiteArgs(rest);
        if (args.help) return help();
        const { checkSite } = await import("./check.ts");
        return checkSite(args.options, log);
      }
      case "new": {
        const { newPage } = await import("./new.ts");
        return newPage(rest, defaultBuildOptions(), log);
      }
      case "serve": {
        const args = parseSiteArgs(rest);
        if (args.help) return help();
        const { serveSite } = await import("./serve.ts");
        return await serveSite(args.options, args.port, log);
      }
      case "serve-site": {
        const { serveBuiltSite } = await import("./serve-site.ts");
        const code = await serveBuiltSite(rest);
        return code === "help" ? help() : code;
      }
      case "owners": {
        const [check, args] = [rest.includes("--check"), parseSiteArgs(rest.filter((a) => a !== "--check"))];
        if (args.help) return help();
        const { writeOwners } = await import("./owners.ts");
        return writeOwners(args.options, check, log);
      }
      case "review-issues": {
        const [dryRun, args] = [rest.includes("--dry-run"), parseSiteArgs(rest.filter((a) => a !== "--dry-run"))];
        if (args.help) return help();
        const { syncReviewIssues } = await import("./review-issues.ts");
        return await syncReviewIssues(args.options, dryRun, log);
      }
      case "pr-summary": {
        const at = rest.indexOf("--base");
        const base = at >= 0 ? rest[at + 1] : undefined;
        const args = parseSiteArgs(at >= 0 ? [...rest.slice(0, at), ...rest.slice(at + 2)] : rest);
        if (args.help) return help();
        const { prSummary } = await import("./pr-summary.ts");
        return prSummary(args.options, base, log);
      }
      case "pages-guard": {
        if (rest.length > 0) return rest.includes("--help") || rest.includes("-h") ? help() : usage(`pages-guard takes no options`);
        const { pagesGuard } = await import("./pages-guard.ts");
        return await pagesGuard(process.cwd());
      }
      case undefined:
      case "help":
      case "--help":
      case "-h":
        return help();
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      log.error(`error: ${error.message}\n\n${HELP.trimEnd()}`);
      return 2;
    }
    throw error;
  }
}

function usage(message: string): never {
  throw new UsageError(message);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("src/cli/main.ts")) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== -1) process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
