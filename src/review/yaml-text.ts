import { CST, parse, type Scalar } from 'yaml';

/** How a new or replaced scalar is written. */
export interface ScalarStyle {
  /** The style to keep (the old value's) or to prefer; plain falls back to quotes when needed. */
  type?: Scalar.Type;
  inFlow?: boolean;
  /** Column of the line's content; block scalars indent their text one level deeper. */
  indent?: number;
  /** A mapping key rather than a value. */
  implicitKey?: boolean;
}

/** Options shared by everything written into one file. */
export interface WriteOptions {
  /** The file's line break, so a CRLF file gets CRLF lines. */
  newline: string;
  /** Spaces per level of block indentation in this file. */
  indentUnit: number;
  /** Quote every new string (the second attempt after a plain one read back wrong). */
  quoteStrings?: boolean;
}

export type Plain = string | number | boolean | null;

export function isPlainValue(value: unknown): value is Plain {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/**
 * The YAML for one scalar. Strings keep the style they had where that can hold them (a block
 * scalar stays one, a single-quoted title stays single-quoted), and a plain string that YAML would
 * read as something else (`2020`, `true`, `~`, `a: b`) is double-quoted instead.
 */
export function scalarText(value: Plain, style: ScalarStyle, options: WriteOptions): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot write ${value} to YAML.`);
    return String(value);
  }
  const type = style.type ?? 'PLAIN';
  const isBlock = type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED';
  if (isBlock && !style.inFlow && !style.implicitKey && value.includes('\n')) {
    const token = CST.createScalarToken(value, { type, indent: (style.indent ?? 0) + options.indentUnit });
    return CST.stringify(token);
  }
  if (value.includes('\n') || value === '' || hasNonPrintable(value)) {
    return type === 'QUOTE_SINGLE' && value === '' ? "''" : doubleQuoted(value);
  }
  if (type === 'QUOTE_SINGLE') return `'${value.replaceAll("'", "''")}'`;
  if (type === 'QUOTE_DOUBLE' || options.quoteStrings) return doubleQuoted(value);
  const token = CST.createScalarToken(value, {
    type: 'PLAIN',
    inFlow: style.inFlow ?? false,
    implicitKey: style.implicitKey ?? false,
    indent: style.indent ?? 0,
    end: [],
  });
  const text = CST.stringify(token);
  return token.type === 'scalar' && readsBackAs(text, value) ? text : doubleQuoted(value);
}

/** A one-line double-quoted YAML string: JSON's escapes plus the characters YAML cannot print. */
export function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function hasNonPrintable(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\t]/.test(value);
}

/** A plain scalar that YAML 1.2's core schema reads back as exactly this string. */
function readsBackAs(text: string, value: string): boolean {
  try {
    return parse(text, { version: '1.2', schema: 'core', customTags: [] }) === value;
  } catch {
    return false;
  }
}

/** A collection written on one line: `[a, b]`, `{name: X, character: Y}`. */
export function flowText(value: unknown, options: WriteOptions, stringType?: Scalar.Type): string {
  if (isPlainValue(value)) return scalarText(value, { inFlow: true, type: stringType }, options);
  if (Array.isArray(value)) return `[${value.map((item) => flowText(item, options, stringType)).join(', ')}]`;
  const pairs = Object.entries(value as Record<string, unknown>).map(
    ([key, child]) => `${keyText(key, options)}: ${flowText(child, options, preferredType(key))}`,
  );
  return `{${pairs.join(', ')}}`;
}

/** A mapping key, plain when it can be. */
export function keyText(key: string, options: WriteOptions): string {
  return scalarText(key, { implicitKey: true }, { ...options, quoteStrings: false });
}

/** Values short enough to write on the key's line; others get block lines below it. */
export function fitsOnOneLine(value: unknown): boolean {
  if (isPlainValue(value)) return true;
  if (Array.isArray(value)) return value.every(isPlainValue);
  return Object.keys(value as object).length === 0;
}

/**
 * The text after `key:` for a new field: ` value` on the same line, or a newline and block lines
 * indented one level below `indent`. Lists of records (the cast) become block lists of flow
 * records, the way the sample reviews write them.
 */
export function valueAfterKey(key: string, value: unknown, indent: number, options: WriteOptions): string {
  if (fitsOnOneLine(value)) return ` ${flowText(value, options, preferredType(key))}`;
  const inner = indent + options.indentUnit;
  const lines = blockLines(value, inner, options);
  return lines.map((line) => options.newline + line).join('');
}

/** Block lines (without line breaks) for a non-empty list or record at `indent`. */
export function blockLines(value: unknown, indent: number, options: WriteOptions): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) return value.map((item) => `${pad}- ${flowText(item, options)}`);
  return Object.entries(value as Record<string, unknown>).map(
    ([key, child]) => `${pad}${keyText(key, options)}:${valueAfterKey(key, child, indent, options)}`,
  );
}

// Titles, dates and codes read differently by other YAML tools when unquoted (`NO`, `2020-09-07`,
// the film *1917*), so new ones are written in quotes (DESIGN §4).
const quotedKeys = new Set(['title', 'original_title', 'summary', 'date', 'aspect_ratio', 'countries', 'languages', 'imdb', 'country']);

export function preferredType(key: string | number | undefined): Scalar.Type | undefined {
  return typeof key === 'string' && quotedKeys.has(key) ? 'QUOTE_DOUBLE' : undefined;
}
