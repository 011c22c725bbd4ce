// Liquid in Markdown, as Jekyll runs it: every page's body is rendered with `site`, `page` and `jekyll` before it
// is read as Markdown, once per build, so the build, the checker and the search index all see the same text.
// Strict: an undefined variable or filter is an error at its line in the page, never an empty string.
import path from "node:path";
import { Liquid, Tag, TokenKind, type Context, type Emitter, type Parser, type Template, type TagToken, type TopLevelToken } from "liquidjs";
import { diagnose, type Diagnostic } from "../shared/diagnostics.ts";
import type { SourcePage } from "../content/page.ts";

/** What Liquid in the pages can see and reach. */
export interface LiquidSite {
  /** Jekyll's `site` variable. */
  site: Record<string, unknown>;
  /** The Jekyll site's folder: `{% link %}` paths, `page.path` and `_includes/` are relative to it. */
  sourceDir: string;
  /** The site URL of the page built from a file (absolute path), if one is. */
  urlOfFile(file: string): string | undefined;
}

/** The pages with Liquid applied, and every Liquid mistake found. */
export interface LiquidResult {
  pages: SourcePage[];
  diagnostics: Diagnostic[];
}

/** Whether a page is rendered with Liquid: Jekyll 4's `render_with_liquid: false` opts a page out. */
export function rendersLiquid(page: SourcePage): boolean {
  return (page.meta as { render_with_liquid?: unknown }).render_with_liquid !== false;
}

/** How much Liquid one page may use; liquidjs checks these as it parses and renders. */
export interface LiquidLimits {
  /** Characters of one page (or include) Liquid parses. */
  parse: number;
  /** Milliseconds one page's Liquid may render for. */
  renderMs: number;
  /** Characters and list items one page's Liquid may make (ranges, filters) and write. */
  memory: number;
}

/**
 * Bounds no real page reaches, and a hostile one reaches in well under a second or after `renderMs`. Measured on
 * tests/fixtures/jtd-site (largest page 7,665 characters, 2 ms, no counted memory), on Just the Docs' own docs
 * (largest page 66,014 characters, its CHANGELOG; 34 ms cold) and on a page listing every page of a 10,000-page
 * site, sorted (194 ms, 99,000 units; with 100 `where` over all pages and a `jsonify` of each: 2.1 s, 1.6 million).
 */
export const LIQUID_LIMITS: LiquidLimits = { parse: 2_000_000, renderMs: 5_000, memory: 20_000_000 };

/** Renders every page's body with Liquid; a page with an error keeps its body as written and gets a diagnostic. */
export function applyLiquid(pages: readonly SourcePage[], input: LiquidSite, limits: LiquidLimits = LIQUID_LIMITS): LiquidResult {
  const engine = createEngine(input, limits);
  const diagnostics: Diagnostic[] = [];
  const jekyll = { environment: "production" };
  const rendered = pages.map((page) => {
    if (!rendersLiquid(page) || !/\{[{%]/.test(page.body)) return page;
    const scope = { site: input.site, page: pageVariable(page, input.sourceDir), jekyll };
    try {
      const body = engine.parseAndRenderSync(page.body, scope, { globals: scope }) as string;
      // Text a loop repeats is shared, not counted as it is written: the whole output is counted once, here.
      if (body.length > limits.memory) throw new LimitExceeded("memory");
      return { ...page, body };
    } catch (error) {
      diagnostics.push(liquidDiagnostic(error, page, limits));
      return page;
    }
  });
  return { pages: rendered, diagnostics };
}

/** Which limit a page went past; liquidjs says so in its message ("memory alloc limit exceeded", …). */
type LimitName = "parse" | "render" | "memory";

class LimitExceeded extends Error {
  constructor(readonly limit: LimitName) {
    super(`${limit} limit exceeded`);
  }
}

function exceededLimit(error: unknown, message: string): LimitName | undefined {
  if (error instanceof LimitExceeded) return error.limit;
  if (/^parse length limit exceeded/.test(message)) return "parse";
  if (/^template render limit exceeded/.test(message)) return "render";
  // "Invalid string length": text doubled (by capture, say) past what a JavaScript string holds.
  if (/^(memory alloc limit exceeded|Invalid string length)/.test(message)) return "memory";
  return undefined;
}

function limitMessage(limit: LimitName, page: SourcePage, limits: LiquidLimits): string {
  const n = (value: number) => value.toLocaleString("en-US");
  if (limit === "parse" && page.body.length <= limits.parse) {
    return `Liquid: the file included here is more than the ${n(limits.parse)} characters Liquid reads in one file (parse limit); split it into smaller files`;
  }
  if (limit === "parse") {
    return `Liquid: the page is ${n(page.body.length)} characters long, more than the ${n(limits.parse)} Liquid reads in one page (parse limit); split it into smaller pages, or add render_with_liquid: false to its front matter if it has no Liquid`;
  }
  if (limit === "render") {
    return `Liquid: rendering this page took longer than ${limits.renderMs / 1000} s (render limit); a loop here runs too often: make it shorter`;
  }
  return `Liquid: this page's Liquid makes more than ${n(limits.memory)} characters or list items (memory limit); a range, loop or filter here makes too much: make it smaller`;
}

/** Jekyll's `page`: the front matter plus url, path (from the Jekyll site's folder) and name. */
export function pageVariable(page: SourcePage, sourceDir: string): Record<string, unknown> {
  const rel = path.relative(sourceDir, page.file).split(path.sep).join("/");
  return { ...(page.meta as Record<string, unknown>), url: page.url, path: rel, name: path.basename(page.file) };
}

function createEngine(input: LiquidSite, limits: LiquidLimits): Liquid {
  const includes = path.join(input.sourceDir, "_includes");
  const engine = new Liquid({
    strictVariables: true,
    strictFilters: true,
    // `{% if page.x %}` and `| default:` test for a value that may be missing, as Jekyll's strict mode allows.
    lenientIf: true,
    jekyllInclude: true,
    dynamicPartials: false,
    ownPropertyOnly: true,
    root: [includes],
    partials: [includes],
    extname: "",
    cache: true,
    parseLimit: limits.parse,
    renderLimit: limits.renderMs,
    memoryLimit: limits.memory,
  });
  const siteUrl = typeof input.site.url === "string" ? input.site.url.replace(/\/+$/, "") : "";
  // `site.baseurl` is empty here: the build adds the path prefix to every site URL a page links to.
  const relative = (value: unknown) => {
    const url = String(value ?? "");
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return url;
    return url.startsWith("/") ? url : `/${url}`;
  };
  engine.registerFilter("relative_url", relative);
  engine.registerFilter("absolute_url", (value: unknown) => {
    const url = relative(value);
    return url.startsWith("/") ? siteUrl + url : url;
  });

  engine.registerTag(
    "link",
    class extends Tag {
      private readonly target: string;
      constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
        super(token, remain, liquid);
        this.target = token.args.trim();
      }
      render(ctx: Context): string {
        const written = this.target.includes("{{") ? (this.liquid.parseAndRenderSync(this.target, ctx) as string).trim() : this.target;
        const url = input.urlOfFile(path.resolve(input.sourceDir, written));
        if (url === undefined) throw new Error(`{% link ${written} %} names no page; the path is relative to the site's folder, e.g. docs/page.md`);
        return url;
      }
    },
  );

  engine.registerTag(
    "highlight",
    class extends Tag {
      private readonly language: string;
      private readonly templates: Template[] = [];
      constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
        super(token, remain, liquid);
        this.language = token.args.trim().split(/\s+/)[0] ?? "";
        while (remain.length > 0) {
          const next = remain.shift()!;
          if (next.kind === TokenKind.Tag && (next as TagToken).name === "endhighlight") return;
          this.templates.push(parser.parseToken(next, remain));
        }
        throw new Error(`{% highlight %} is not closed; end it with {% endhighlight %}`);
      }
      *render(ctx: Context, emitter: Emitter): Generator<unknown, void, string> {
        const code = (yield this.liquid.renderer.renderTemplates(this.templates, ctx)).replace(/^\n/, "").replace(/\n$/, "");
        const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
        const fence = "`".repeat(longest + 1);
        emitter.write(`${fence}${this.language}\n${code}\n${fence}`);
      }
    },
  );
  return engine;
}

/** A Liquid error as `file:line:col error …`, at its line in the page (the body starts at page.bodyLine). */
function liquidDiagnostic(error: unknown, page: SourcePage, limits: LiquidLimits): Diagnostic {
  const e = error as { message?: string; token?: { getPosition?(): [number, number]; input?: string } };
  const message = (e.message ?? String(error)).replace(/, line:\d+, col:\d+$/, "").replace(/^ENOENT: /, "");
  const position = e.token?.getPosition?.();
  const inPage = e.token?.input === undefined || e.token.input === page.body;
  const undefinedVariable = /^undefined variable: (.+)$/.exec(message);
  const limit = exceededLimit(error, message);
  const what = limit
    ? limitMessage(limit, page, limits)
    : undefinedVariable
      ? `Liquid: "${undefinedVariable[1]}" is not defined; define it in _config.yml or the page's front matter, or put {% raw %}…{% endraw %} around text that is not Liquid`
      : `Liquid: ${message}`;
  // A limit met before any tag (the page's length, its whole output) is at the page's first line of text.
  if (limit && !position) return diagnose("error", page.file, page.bodyLine, what);
  if (position && inPage) return diagnose("error", page.file, page.bodyLine + position[0] - 1, what, position[1]);
  // The mistake is in an included file: point at the page's first include, and say where in the include it is.
  const lines = page.body.split("\n");
  const at = lines.findIndex((l) => /\{%-?\s*include/.test(l));
  const where = position ? ` (line ${position[0]} of the included file)` : "";
  return diagnose("error", page.file, page.bodyLine + Math.max(at, 0), `${what}${where}`, at >= 0 ? lines[at]!.search(/\{%/) + 1 : 1);
}
