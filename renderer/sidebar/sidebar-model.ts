import type { FrontMatterError, FrontMatterWarning } from '../../src/review/front-matter';
import { parseFrontMatter } from '../../src/review/front-matter';
import type { FieldPath, FrontMatterEdit } from '../../src/review/front-matter-edit';
import { checkReview, type FieldIssue } from '../../src/review/review-check';
import { personName } from '../../src/review/schema';

/** What the sidebar shows: the front matter of the settled text, checked against the schema. */
export interface FrontMatterView {
  path: string | null;
  /** The YAML text it was read from (null when the file has none), to skip re-reading. */
  yaml: string | null;
  /** The fields; while the YAML is broken, the last ones that parsed for this review. */
  data: Record<string, unknown>;
  /** Why the YAML cannot be read; the sidebar is read-only while this is set. */
  error: FrontMatterError | null;
  /** Problems the parser worked around (unsupported tags, ignored keys). */
  warnings: FrontMatterWarning[];
  /** Schema errors and unknown-field warnings, by field. */
  issues: FieldIssue[];
}

export const emptyView: FrontMatterView = { path: null, yaml: null, data: {}, error: null, warnings: [], issues: [] };

/** Sends one edit to the editor; returns why it could not be made, or null. */
export type EditFn = (edit: FrontMatterEdit) => string | null;

/**
 * Reads the front matter of `text` for the sidebar. Cheap when only the body changed: the
 * previous view is returned as it is, so the sidebar does not re-render while the critic writes.
 */
export function readView(path: string | null, text: string, previous: FrontMatterView): FrontMatterView {
  const parsed = parseFrontMatter(text);
  const yaml = parsed.block.yaml;
  const samePath = previous.path === path;
  const sameError = previous.error?.message === parsed.error?.message && previous.error?.line === parsed.error?.line;
  if (samePath && previous.yaml === yaml && sameError) return previous;
  if (parsed.error || !parsed.data) {
    // Keep showing the last good facts of this review, read-only, beside the error.
    const data = samePath && parsed.error ? previous.data : {};
    const issues = samePath && parsed.error ? previous.issues : [];
    return { path, yaml, data, error: parsed.error, warnings: parsed.warnings ?? [], issues };
  }
  return { path, yaml, data: parsed.data, error: null, warnings: parsed.warnings ?? [], issues: checkReview(parsed.data).issues };
}

/** The value at `path` in plain data, or undefined. Own keys only (`constructor` is data here). */
export function valueAt(data: unknown, path: FieldPath): unknown {
  let current = data;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isRecord(current) && typeof segment === 'string' && Object.hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}

/** A field shown as text: strings as they are, numbers and booleans written out, others empty. */
export function textAt(data: unknown, path: FieldPath): string {
  const value = valueAt(data, path);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** A list field: its items, or null when the field holds something that is not a list. */
export function listAt(data: unknown, path: FieldPath): unknown[] | null {
  const value = valueAt(data, path);
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : null;
}

/** An item of a list of people as text: the name, whether written as a name or as {name, ids}. */
export function itemText(item: unknown): string {
  if (isRecord(item)) return personName(item) ?? '';
  return typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean' ? String(item) : '';
}

/** Issues at `path` or below it. */
export function issuesAt(issues: readonly FieldIssue[], path: FieldPath): FieldIssue[] {
  return issues.filter((issue) => path.every((segment, i) => issue.path[i] === segment));
}

/**
 * The edit for committed text: empty text removes the field (the file keeps no empty keys), and
 * whole numbers are written as numbers where the field takes one. Text that is not a number
 * is still written, as text, so nothing typed is lost and the schema's message explains.
 */
export function textEdit(path: FieldPath, text: string, kind: 'text' | 'integer' | 'number' = 'text'): FrontMatterEdit {
  const value = text.replace(/\s*\n\s*/g, ' ').trim();
  if (value === '') return { kind: 'remove', path };
  if (kind === 'integer' && /^\d+$/.test(value)) return { kind: 'set', path, value: Number(value) };
  if (kind === 'number' && /^\d+(?:\.\d+)?$/.test(value)) return { kind: 'set', path, value: Number(value) };
  return { kind: 'set', path, value };
}

/** The path to edit for a list item's name: the item itself, or its `name` when it is {name, ids}. */
export function namePath(list: FieldPath, index: number, item: unknown): FieldPath {
  return isRecord(item) ? [...list, index, 'name'] : [...list, index];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
