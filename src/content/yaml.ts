// The one YAML reader for everything a pull request can change: page front matter, a Jekyll site's `_config.yml`
// and its `_data/` files. One parser (eemeli/yaml) and one set of rules:
// - YAML 1.2's core schema plus timestamps: `nav_order: 2` is a number, `last_modified_date: 2024-03-15` a date (as
//   Jekyll reads them), `yes`/`no`/`on`/`off` are text (YAML 1.1's booleans are not: `nav_exclude: yes` is then an
//   error that says it must be true or false, rather than a silent difference from Jekyll), `010` is ten;
// - no tags at all (`!!binary`, `!!js/function`, `!foo`): YAML that asks for a type is refused, never resolved;
// - keys are plain text; `__proto__`, `constructor` and `prototype` are refused at any depth, and so is `<<`
//   (merge keys are YAML 1.1);
// - a key appears once per mapping; aliases expand to at most MAX_ALIAS_COUNT nodes (a "billion laughs" is an error).
// Every problem is a diagnostic at its line and column in the file; the parser never throws at the caller.
import { isAlias, isCollection, isMap, isNode, isScalar, LineCounter, parseDocument, visit, type Document, type DocumentOptions, type Node, type ParseOptions, type SchemaOptions, type YAMLError } from "yaml";
import { diagnose, type Diagnostic } from "../shared/diagnostics.ts";

/** Where a key sits in its file. */
export interface Position {
  /** 1-based line of the key. */
  line: number;
  /** 1-based column where the key's value starts (the key's own column when the value starts on a later line). */
  column: number;
}

/** Which YAML text is read, for placing and wording diagnostics. */
export interface YamlSource {
  /** Absolute path of the file. */
  file: string;
  /** 1-based line of the file on which the YAML text starts. */
  line: number;
  /** How messages name the text: "front matter", "_config.yml", "data file". */
  name: string;
  /** What to do about a syntax error that has no more specific hint. */
  fix: string;
}

/** A YAML text, read. */
export interface YamlRead {
  /** The value; undefined when there were errors. An empty text is null. */
  data: unknown;
  /** What is wrong, each at its line. */
  diagnostics: Diagnostic[];
  /** Where the key at a path of mapping keys sits (`["callouts", "note", "color"]`): the deepest key of it found; undefined for none. */
  at(keyPath: readonly string[]): Position | undefined;
  /** The top-level keys with their positions, in order. */
  keys: ReadonlyMap<string, Position>;
}

/** Alias expansions a document may make: far more than any real file needs, far fewer than an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/** Keys that are not data: they would reach an object's prototype or its constructor. */
export const NOT_DATA_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: "1.2",
  schema: "core",
  customTags: ["timestamp"],
  merge: false,
  uniqueKeys: true,
  strict: true,
  prettyErrors: false,
};

/** Reads a YAML text by the rules above; never throws for a content mistake. */
export function readYaml(text: string, source: YamlSource): YamlRead {
  const lines = new LineCounter();
  const doc = parseDocument(text, { ...OPTIONS, lineCounter: lines });
  const place = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line: line + source.line - 1, column: col };
  };
  const at = (keyPath: readonly string[]) => keyAt(doc, keyPath, place);
  const keys = topLevelKeys(doc, place);
  const error = (offset: number, message: string) => {
    const where = place(offset);
    return diagnose("error", source.file, where.line, message, where.column);
  };
  const failed = (diagnostics: Diagnostic[]): YamlRead => ({ data: undefined, diagnostics, at, keys });

  const first = doc.errors[0] ?? doc.warnings.find((w) => w.code !== "TAG_RESOLVE_FAILED");
  if (first) return failed([syntaxError(text, first, source, error)]);
  const broken = ruleProblems(doc, text, error);
  if (broken.length > 0) return failed(broken);
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), diagnostics: [], at, keys };
  } catch (e) {
    // toJS throws for an alias to no anchor and for an alias bomb; both are at the first alias.
    let alias: Node | undefined;
    visit(doc, { Alias: (_, node) => void (alias ??= node) });
    const why = /Excessive alias count/.test((e as Error).message)
      ? `its aliases expand to more than ${MAX_ALIAS_COUNT} values; write the values out instead of repeating aliases`
      : `${(e as Error).message}; define the anchor (&name) before the alias (*name)`;
    return failed([error(alias?.range?.[0] ?? 0, `${source.name} is not valid YAML: ${why}`)]);
  }
}

/** Tags, keys that are not plain text, keys that are not data, and merge keys: each an error at its place. */
function ruleProblems(doc: Document, text: string, error: (offset: number, message: string) => Diagnostic): Diagnostic[] {
  const problems: Diagnostic[] = [];
  visit(doc, {
    Node(_, node) {
      if (isAlias(node) || !node.tag) return;
      problems.push(error(tagOffset(text, node.range?.[0] ?? 0), `YAML tags such as ${node.tag.replace("tag:yaml.org,2002:", "!!")} are not allowed; remove the tag and write the value plainly`));
    },
    Pair(_, pair) {
      const key = pair.key;
      const offset = isNode(key) ? (key.range?.[0] ?? 0) : 0;
      if (!isScalar(key) || isCollection(key)) {
        problems.push(error(offset, "a key must be plain text, not a list or mapping; write it as a word followed by a colon"));
        return;
      }
      const name = String(key.value);
      if (NOT_DATA_KEYS.has(name)) {
        problems.push(error(offset, `key "${name}" is not allowed: it is not data to JavaScript; remove it or rename it`));
      } else if (name === "<<" && key.type === "PLAIN") {
        problems.push(error(offset, "merge keys (<<) are not supported; write the keys out"));
      }
    },
  });
  return problems;
}

/** Where the tag of the node starting at `start` is, when it is on the same line; else the node's start. */
function tagOffset(text: string, start: number): number {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const tag = /!\S*[ \t]+(?:&\S+[ \t]+)?$/.exec(text.slice(lineStart, start));
  return tag ? lineStart + tag.index : start;
}

/** The first syntax error, at the place the mistake is (not where the parser gave up), with what to do. */
function syntaxError(text: string, e: YAMLError, source: YamlSource, error: (offset: number, message: string) => Diagnostic): Diagnostic {
  const reason = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  const hint = mistakeHint(text, e);
  if (hint) return error(hint.offset, `${source.name} is not valid YAML: ${hint.message}`);
  return error(e.pos[0], `${source.name} is not valid YAML: ${reason}; ${source.fix}`);
}

const KEY_LINE = /^([ \t]*)(["']?)([^\s"':#][^"':]*?)\2[ \t]*:[ \t]+/;

/**
 * The mistakes people make most, told in their words: a quote that never closes (the parser finds it at the end),
 * a value with ": " in it, a line indented under a key that already has a value, and a tab as indentation.
 */
function mistakeHint(text: string, e: YAMLError): { offset: number; message: string } | undefined {
  const starts = lineStarts(text);
  const lineOf = (offset: number) => starts.findLastIndex((s) => s <= offset);
  const lineText = (i: number) => text.slice(starts[i], (starts[i + 1] ?? text.length + 1) - 1).replace(/\r$/, "");
  if (e.code === "MISSING_CHAR" && /quote/.test(e.message)) {
    for (let i = 0; i < starts.length; i++) {
      const key = KEY_LINE.exec(lineText(i));
      const value = key ? lineText(i).slice(key[0].length) : "";
      const quote = value[0];
      if (!key || (quote !== '"' && quote !== "'")) continue;
      const closed = quote === '"' ? /^"(?:[^"\\]|\\.)*"/.test(value) : /^'(?:[^']|'')*'(?!')/.test(value);
      if (!closed) return { offset: starts[i]! + key[0].length, message: `the ${quote} that opens ${key[3]}'s value is never closed; end the value with ${quote}` };
    }
  }
  if (e.code === "TAB_AS_INDENT") return { offset: e.pos[0], message: "a tab indents this line; indent with spaces" };
  if (e.code === "BLOCK_AS_IMPLICIT_KEY") {
    const i = lineOf(e.pos[0]);
    const key = KEY_LINE.exec(lineText(i));
    const value = key ? lineText(i).slice(key[0].length) : "";
    if (key && value[0] !== '"' && value[0] !== "'" && /:\s|:$/.test(value)) {
      const quoted = `"${value.trim().replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
      return { offset: starts[i]! + key[0].length + value.search(/:(\s|$)/), message: `a value with ": " in it needs quotes: ${key[3]}: ${quoted}` };
    }
    const next = lineText(i + 1);
    const indent = /^[ \t]+/.exec(next)?.[0].length ?? 0;
    if (key && indent > key[1]!.length) {
      return { offset: starts[i + 1]! + indent, message: `this line is indented under ${key[3]}, which already has a value; remove the spaces before it` };
    }
  }
  return undefined;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

type Place = (offset: number) => Position;

/** Where a key's pair sits: the key's line, and its value's column when the value starts on that line. */
function pairPosition(key: Node, value: unknown, place: Place): Position {
  const keyPlace = place(key.range?.[0] ?? 0);
  const valueAt = isNode(value) && value.range ? place(value.range[0]) : undefined;
  return valueAt && valueAt.line === keyPlace.line ? valueAt : keyPlace;
}

function keyAt(doc: Document, keyPath: readonly string[], place: Place): Position | undefined {
  let node: unknown = doc.contents;
  let found: Position | undefined;
  for (const name of keyPath) {
    if (!isMap(node)) return found;
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === name);
    if (!pair || !isNode(pair.key)) return found;
    found = pairPosition(pair.key, pair.value, place);
    node = pair.value;
  }
  return found;
}

function topLevelKeys(doc: Document, place: Place): Map<string, Position> {
  const keys = new Map<string, Position>();
  if (!isMap(doc.contents)) return keys;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    if (!keys.has(name)) keys.set(name, pairPosition(pair.key, pair.value, place));
  }
  return keys;
}
