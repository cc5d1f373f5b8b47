import { isMap, isScalar } from 'yaml';
import { EditPlanner, EditRefused, type TextChange } from './edit-planner';
import { parseFrontMatterDocument, type FrontMatterDocument } from './front-matter';
import { fieldOrder, type FieldPath } from './review-check';
import { codeFence } from './yaml-guard';
import { keyText, valueAfterKey, type WriteOptions } from './yaml-text';

export type { TextChange } from './edit-planner';
export type { FieldPath } from './review-check';

/**
 * One change to the front matter's data, as the sidebar makes it. `set` with `undefined`
 * removes; `insert` and `move` work on lists (a missing list is created).
 */
export type FrontMatterEdit =
  | { kind: 'set'; path: FieldPath; value: unknown }
  | { kind: 'remove'; path: FieldPath }
  | { kind: 'insert'; path: FieldPath; index: number; value: unknown }
  | { kind: 'move'; path: FieldPath; from: number; to: number };

export type EditResult = { ok: true; changes: TextChange[] } | { ok: false; message: string };

export interface EditOptions {
  /** Where a new field goes among its siblings; defaults to the review schema's order. */
  fieldOrder?: (path: FieldPath) => readonly string[] | null;
}

/**
 * The smallest text changes to `source` (a whole review) that make its front matter's data
 * equal to the data with `edit` applied, touching only the edited field's lines. The result is
 * checked by parsing it again: if anything else would read differently, the edit is refused
 * rather than made. An edit that changes nothing gives no changes.
 */
export function editFrontMatter(source: string, edit: FrontMatterEdit, options: EditOptions = {}): EditResult {
  const parsed = parseFrontMatterDocument(source, { keepSourceTokens: true });
  if (parsed.error) {
    return { ok: false, message: `The front matter does not parse (line ${parsed.error.line}): ${parsed.error.message}` };
  }
  const before = parsed.data ?? {};
  let expected: Record<string, unknown>;
  try {
    expected = applyToData(before, edit);
  } catch (error) {
    if (error instanceof EditRefused) return { ok: false, message: error.message };
    throw error;
  }
  if (deepEqual(expected, before)) return { ok: true, changes: [] };

  // Plain strings first; if one reads back as something else, again with every new string quoted.
  for (const quoteStrings of [false, true]) {
    let changes: TextChange[];
    try {
      changes = plan(source, parsed, edit, quoteStrings, options.fieldOrder ?? fieldOrder);
    } catch (error) {
      if (error instanceof EditRefused) return { ok: false, message: error.message };
      throw error;
    }
    if (!inOrder(changes)) continue;
    const after = parseFrontMatterDocument(applyChanges(source, changes));
    if (!after.error && deepEqual(after.data ?? {}, expected)) return { ok: true, changes };
  }
  return { ok: false, message: 'Intertitle could not make this change without disturbing other fields; please edit it in the text.' };
}

/** Applies changes given in positions of the original text (sorted, not overlapping). */
export function applyChanges(source: string, changes: readonly TextChange[]): string {
  let out = '';
  let at = 0;
  for (const change of [...changes].sort((a, b) => a.from - b.from)) {
    out += source.slice(at, change.from) + change.insert;
    at = change.to;
  }
  return out + source.slice(at);
}

function plan(
  source: string,
  parsed: FrontMatterDocument,
  edit: FrontMatterEdit,
  quoteStrings: boolean,
  order: (path: FieldPath) => readonly string[] | null,
): TextChange[] {
  const newline = /\r\n/.test(parsed.block.yaml ?? source) ? '\r\n' : '\n';
  if (parsed.block.yaml === null) return [createFrontMatter(source, edit, { newline, indentUnit: 2, quoteStrings })];
  const yaml = parsed.block.yaml;
  const doc = parsed.doc!;
  const options: WriteOptions = { newline, indentUnit: indentUnit(parsed), quoteStrings };
  const base = source.indexOf('\n') + 1;
  const planner = new EditPlanner(yaml, base, doc, options, order);
  switch (edit.kind) {
    case 'set':
      planner.set(edit.path, edit.value);
      break;
    case 'remove':
      planner.remove(edit.path);
      break;
    case 'insert':
      planner.insert(edit.path, edit.index, edit.value);
      break;
    case 'move':
      planner.move(edit.path, edit.from, edit.to);
      break;
  }
  return planner.changes;
}

/** A file without front matter gets a new block at its top holding just the edited field. */
function createFrontMatter(source: string, edit: FrontMatterEdit, options: WriteOptions): TextChange {
  if (codeFence(source)) throw new EditRefused('This file starts with a block of code, so Intertitle adds no front matter to it.');
  const data = applyToData({}, edit);
  const { newline } = options;
  const fields = Object.entries(data).map(([key, value]) => `${keyText(key, options)}:${valueAfterKey(key, value, 0, options)}${newline}`);
  const at = source.startsWith('\uFEFF') ? 1 : 0;
  return { from: at, to: at, insert: `---${newline}${fields.join('')}---${newline}${source.length > at ? newline : ''}` };
}

/** Spaces per level in this file, read from its first nested block record; 2 when there is none. */
function indentUnit(parsed: FrontMatterDocument): number {
  const root = parsed.doc?.contents;
  const yaml = parsed.block.yaml ?? '';
  if (!isMap(root)) return 2;
  for (const pair of root.items) {
    const value = pair.value;
    if (isMap(value) && !value.flow && value.range && isScalar(pair.key) && pair.key.range) {
      const column = (offset: number) => offset - (yaml.lastIndexOf('\n', offset - 1) + 1);
      const unit = column(value.range[0]) - column(pair.key.range[0]);
      if (unit > 0) return unit;
    }
  }
  return 2;
}

/** The edit applied to plain data: what the file must read as afterwards. */
export function applyToData(data: Record<string, unknown>, edit: FrontMatterEdit): Record<string, unknown> {
  const root = cloneData(data);
  const path = edit.path;
  if (path.length === 0) throw new EditRefused('An edit needs a field.');
  if (edit.kind === 'set' && edit.value === undefined) return applyToData(data, { kind: 'remove', path });
  if (edit.kind === 'remove') {
    const parent = lookup(root, path.slice(0, -1));
    const last = path.at(-1)!;
    if (Array.isArray(parent) && typeof last === 'number' && last < parent.length) parent.splice(last, 1);
    else if (isRecord(parent) && typeof last === 'string' && Object.hasOwn(parent, last)) delete parent[last];
    return root;
  }
  if (edit.kind === 'set') {
    setIn(root, path, cloneData(edit.value));
    return root;
  }
  const list = lookup(root, path);
  if (edit.kind === 'insert') {
    if (!Array.isArray(list)) setIn(root, path, [cloneData(edit.value)]);
    else if (edit.index < 0 || edit.index > list.length) throw new EditRefused('There is no such place in the list.');
    else list.splice(edit.index, 0, cloneData(edit.value));
    return root;
  }
  if (!Array.isArray(list) || [edit.from, edit.to].some((i) => i < 0 || i >= list.length)) {
    throw new EditRefused('There is no such item in the list to move.');
  }
  list.splice(edit.to, 0, ...list.splice(edit.from, 1));
  return root;
}

/** A copy of JSON-like data (the front matter's values); `structuredClone` is not in `src/`'s globals. */
function cloneData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneData) as T;
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneData(v)])) as T;
  return value;
}

function lookup(root: unknown, path: FieldPath): unknown {
  let current = root;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isRecord(current) && typeof segment === 'string' && Object.hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}

function setIn(root: Record<string, unknown>, path: FieldPath, value: unknown): void {
  let current: unknown = root;
  path.forEach((segment, i) => {
    const last = i === path.length - 1;
    const holder = current as Record<string | number, unknown>;
    if (Array.isArray(current) && (typeof segment !== 'number' || segment > current.length)) {
      throw new EditRefused('There is no such place in the list.');
    }
    if (last) {
      holder[segment] = value;
      return;
    }
    const next = Array.isArray(current) || isRecord(current) ? holder[segment] : undefined;
    if (!Array.isArray(next) && !isRecord(next)) {
      if (typeof path[i + 1] === 'number' && path[i + 1] !== 0) throw new EditRefused('There is no such place in the list.');
      holder[segment] = typeof path[i + 1] === 'number' ? [] : {};
    }
    current = holder[segment];
  });
}

function inOrder(changes: readonly TextChange[]): boolean {
  const sorted = [...changes].sort((a, b) => a.from - b.from);
  return sorted.every((change, i) => i === 0 || change.from >= sorted[i - 1]!.to);
}

/** Equality of JSON-like values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}


