import { Composer, Parser, isMap, isScalar, visit, type Document, type YAMLError } from 'yaml';
import { checkNesting, checkTokens, codeFence, frontMatterLimits } from './yaml-guard';

export interface FrontMatterBlock {
  /** The YAML text between the fences, or null when the file has no front matter. */
  yaml: string | null;
  /** 0-based line of the file where the YAML text starts (the line after the opening fence). */
  yamlStartLine: number;
  /**
   * The markdown after the closing fence (the whole source when there is no front matter, less a
   * leading BOM). Always `source.slice(bodyStart)`.
   */
  body: string;
  /** Character offset in the source where the body starts. */
  bodyStart: number;
  /** 0-based line of the source where the body starts. */
  bodyStartLine: number;
}

export interface FrontMatterError {
  /** 1-based line in the whole file. */
  line: number;
  message: string;
}

/** A problem that does not stop the front matter being read (an unsupported tag, an ignored key). */
export type FrontMatterWarning = FrontMatterError;

export interface FrontMatter {
  block: FrontMatterBlock;
  /** The fields as plain JSON-like data; null when there is no front matter or it does not parse. */
  data: Record<string, unknown> | null;
  error: FrontMatterError | null;
  /** Set by `parseFrontMatter`; absent only on values built by hand. */
  warnings?: FrontMatterWarning[];
}

/** The front matter with its YAML document, for editors that need source positions. */
export interface FrontMatterDocument extends FrontMatter {
  /** The parsed YAML (offsets relative to `block.yaml`); null when there is none or it failed. */
  doc: Document.Parsed | null;
  warnings: FrontMatterWarning[];
}

const BOM = '\uFEFF';
// Trailing spaces are allowed; `---js` and friends are not fences, so such a block is never read
// (gray-matter evaluates it, we treat the file as all body).
const OPENING_FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/;
// Enough for any real review; stops "billion laughs" alias bombs.
const MAX_ALIAS_COUNT = 100;

/** Splits a review into its YAML front matter and markdown body, keeping exact offsets and lines. */
export function splitFrontMatter(source: string): FrontMatterBlock {
  const start = source.startsWith(BOM) ? BOM.length : 0;
  const noFrontMatter: FrontMatterBlock = {
    yaml: null,
    yamlStartLine: 0,
    body: source.slice(start),
    bodyStart: start,
    bodyStartLine: 0,
  };
  let lineStart = start;
  let line = 0;
  let yamlStart = -1;
  while (lineStart < source.length) {
    const newline = source.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? source.length : newline;
    const next = newline < 0 ? source.length : newline + 1;
    const text = source.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (line === 0) {
      if (!OPENING_FENCE.test(text) || newline < 0) return noFrontMatter;
      yamlStart = next;
    } else if (CLOSING_FENCE.test(text)) {
      return {
        yaml: source.slice(yamlStart, lineStart),
        yamlStartLine: 1,
        body: source.slice(next),
        bodyStart: next,
        bodyStartLine: newline < 0 ? line : line + 1,
      };
    }
    lineStart = next;
    line++;
  }
  return noFrontMatter;
}

type Parsed = Pick<FrontMatterDocument, 'data' | 'error' | 'warnings' | 'doc'>;
let lastParse: { yaml: string; startLine: number; parsed: Parsed } | null = null;

/**
 * Splits and parses the front matter (YAML 1.2 core schema: no tags, no timestamps, no code).
 * The preview and the sidebar call this on every pause in typing, so the last front matter's
 * result is reused while only the body changes.
 */
export function parseFrontMatter(source: string): FrontMatter {
  const block = splitFrontMatter(source);
  if (block.yaml !== null && lastParse?.yaml === block.yaml && lastParse.startLine === block.yamlStartLine) {
    const { data, error, warnings } = lastParse.parsed;
    return { block, data, error, warnings };
  }
  const { doc, ...result } = parseFrontMatterDocument(source);
  if (block.yaml !== null) lastParse = { yaml: block.yaml, startLine: block.yamlStartLine, parsed: { doc: null, ...result } };
  return { ...result, block };
}

/**
 * Parses the front matter into a YAML document with source ranges (and, with
 * `keepSourceTokens`, the parser's tokens), refusing files that break `frontMatterLimits`.
 */
export function parseFrontMatterDocument(source: string, options: { keepSourceTokens?: boolean } = {}): FrontMatterDocument {
  const block = splitFrontMatter(source);
  const warnings: FrontMatterWarning[] = [];
  const none: FrontMatterDocument = { block, data: null, error: null, warnings, doc: null };
  if (block.yaml === null) {
    const fence = codeFence(source);
    if (!fence) return none;
    const message = `The file starts with a “---${fence}” block. Intertitle reads only YAML front matter and never runs code, so the block is treated as text.`;
    return { ...none, error: { line: 1, message } };
  }
  const yaml = block.yaml;
  const lineAt = (offset: number) => block.yamlStartLine + lineOf(yaml, Math.min(offset, yaml.trimEnd().length)) + 1;
  // An error at the end (an unclosed list) belongs to the last written line, not the fence.
  const fail = (offset: number, message: string): FrontMatterDocument => ({ ...none, error: { line: lineAt(offset), message } });

  if (yaml.length > frontMatterLimits.maxChars) {
    const kb = (n: number) => Math.round(n / 1024).toLocaleString('en');
    return fail(0, `The front matter is ${kb(yaml.length)} KB; Intertitle reads front matter up to ${kb(frontMatterLimits.maxChars)} KB.`);
  }
  const nesting = checkNesting(yaml);
  if (nesting) return fail(nesting.offset, nesting.message);
  const tokens = [...new Parser().parse(yaml)];
  const tooMuch = checkTokens(tokens);
  if (tooMuch) return fail(tooMuch.offset, tooMuch.message);

  // Duplicate keys are checked below in one pass: yaml's own check is quadratic in the key count.
  const composer = new Composer({
    version: '1.2',
    schema: 'core',
    customTags: [],
    uniqueKeys: false,
    keepSourceTokens: options.keepSourceTokens ?? false,
  });
  const [doc, extra] = composer.compose(tokens, true, yaml.length);
  if (!doc) return none;
  if (extra) return fail(extra.range[0], 'The front matter holds more than one YAML document.');
  const [first] = doc.errors;
  if (first) return fail(first.pos[0], explainError(first));
  for (const warning of doc.warnings) {
    const tag = yaml.slice(warning.pos[0], warning.pos[1]);
    const message =
      warning.code === 'TAG_RESOLVE_FAILED'
        ? `The tag ${tag} is not supported; its value is read as plain text.`
        : cleanMessage(warning.message);
    warnings.push({ line: lineAt(warning.pos[0]), message });
  }
  if (doc.contents === null) return { ...none, data: {}, doc };
  if (!isMap(doc.contents)) {
    return fail(doc.contents.range?.[0] ?? 0, 'The front matter must be a list of `key: value` fields.');
  }
  const problem = checkStructure(doc, (offset, message) => warnings.push({ line: lineAt(offset), message }));
  if (problem) return fail(problem.offset, problem.message);
  try {
    const data = withoutProtoKeys(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })) as Record<string, unknown>;
    return { ...none, data, doc };
  } catch (error) {
    // yaml throws a ReferenceError for too many aliases (a resource-exhaustion attack); the rest are bugs.
    if (!(error instanceof ReferenceError)) throw error;
    return fail(0, cleanMessage(error.message));
  }
}

/**
 * One pass over the document: a key written twice or an alias to no anchor is an error; a
 * `__proto__` key is a warning (it is dropped from the data).
 */
function checkStructure(doc: Document, warn: (offset: number, message: string) => void): { offset: number; message: string } | null {
  let found: { offset: number; message: string } | null = null;
  const anchors = new Set<string>();
  visit(doc, {
    Node(_key, node) {
      if (node.anchor) anchors.add(node.anchor);
      return undefined;
    },
    Map(_key, map) {
      if (map.anchor) anchors.add(map.anchor);
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        const id = `${typeof pair.key.value}:${name}`;
        const offset = pair.key.range?.[0] ?? 0;
        if (seen.has(id)) {
          found = { offset, message: `The field “${name}” is written twice; keep one of them.` };
          return visit.BREAK;
        }
        seen.add(id);
        if (name === '__proto__') warn(offset, 'The field “__proto__” is ignored: it could change how the app’s objects behave.');
      }
      return undefined;
    },
    Alias(_key, alias) {
      if (anchors.has(alias.source)) return undefined;
      found = { offset: alias.range?.[0] ?? 0, message: `There is no anchor &${alias.source} for the alias *${alias.source}.` };
      return visit.BREAK;
    },
  });
  return found;
}

/** The parser's message in a critic's words, for the mistakes people make in front matter. */
function explainError(error: YAMLError): string {
  const message = error.message;
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'A value here contains “: ”, which YAML reads as the start of another field. Put the value in quotes, e.g. title: "Nosferatu: A Symphony of Horror".';
    case 'TAB_AS_INDENT':
      return 'A tab is used to indent this line; YAML needs spaces.';
    case 'MISSING_CHAR':
      return /quote/.test(message) ? 'A quoted value is not closed: add its closing quote.' : cleanMessage(message);
    case 'BAD_SCALAR_START': {
      const char = /character (\S)/.exec(message)?.[1] ?? 'that character';
      return `A value starts with ${char}, which YAML keeps for itself; put the value in quotes.`;
    }
    case 'BAD_INDENT':
      if (/Flow sequence/.test(message)) return 'A list opened with [ is not closed with ] (or its lines are not indented under its field).';
      if (/Flow map/.test(message)) return 'A group opened with { is not closed with } (or its lines are not indented under its field).';
      if (/same column/.test(message)) return 'The fields here are not indented alike; line them up with the ones around them.';
      return cleanMessage(message);
    default:
      return cleanMessage(message);
  }
}

/** 0-based line of `offset` in `text`. */
function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** yaml's message without a code frame or position suffix; we report the line ourselves. */
function cleanMessage(message: string): string {
  const firstLine = message.split('\n')[0] ?? '';
  const text = firstLine.replace(/ at line \d+, column \d+:?$/, '').trim() || 'The front matter is not valid YAML';
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * Drops `__proto__` keys everywhere. yaml already stores them as own properties, but a later
 * `Object.assign` or merge would still turn one into a prototype; no review needs such a key.
 */
function withoutProtoKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProtoKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '__proto__') continue;
    out[key] = withoutProtoKeys(child);
  }
  return out;
}
