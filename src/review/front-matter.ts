import { isMap, parseDocument, visit, type Document } from 'yaml';

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

export interface FrontMatter {
  block: FrontMatterBlock;
  /** The fields as plain JSON-like data; null when there is no front matter or it does not parse. */
  data: Record<string, unknown> | null;
  error: FrontMatterError | null;
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

/** Splits and parses the front matter (YAML 1.2 core schema: no tags, no timestamps, no code). */
export function parseFrontMatter(source: string): FrontMatter {
  const block = splitFrontMatter(source);
  if (block.yaml === null) return { block, data: null, error: null };
  const yaml = block.yaml;
  const fail = (offset: number, message: string): FrontMatter => ({
    block,
    data: null,
    // An error at the end (an unclosed list) belongs to the last written line, not the fence.
    error: { line: block.yamlStartLine + lineOf(yaml, Math.min(offset, yaml.trimEnd().length)) + 1, message },
  });

  const doc = parseDocument(yaml, { version: '1.2', schema: 'core', customTags: [], prettyErrors: false });
  const [first] = doc.errors;
  if (first) return fail(first.pos[0], cleanMessage(first.message));
  if (doc.contents === null) return { block, data: {}, error: null };
  if (!isMap(doc.contents)) {
    return fail(doc.contents.range?.[0] ?? 0, 'The front matter must be a list of `key: value` fields.');
  }
  const missing = missingAnchor(doc);
  if (missing) return fail(missing.offset, missing.message);
  try {
    const data = withoutProtoKeys(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })) as Record<string, unknown>;
    return { block, data, error: null };
  } catch (error) {
    // yaml throws a ReferenceError for too many aliases (a resource-exhaustion attack); the rest are bugs.
    if (!(error instanceof ReferenceError)) throw error;
    return fail(0, cleanMessage(error.message));
  }
}

/** The first alias to an anchor that does not exist; yaml only finds these in `toJS`, without a position. */
function missingAnchor(doc: Document): { offset: number; message: string } | null {
  let found: { offset: number; message: string } | null = null;
  visit(doc, {
    Alias(_key, alias) {
      if (alias.resolve(doc)) return undefined;
      const message = `There is no anchor &${alias.source} for the alias *${alias.source}.`;
      found = { offset: alias.range?.[0] ?? 0, message };
      return visit.BREAK;
    },
  });
  return found;
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
