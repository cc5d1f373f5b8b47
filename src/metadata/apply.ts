import { parseFrontMatter } from '../review/front-matter';
import { applyChanges, deepEqual, editFrontMatter, type TextChange } from '../review/front-matter-edit';
import type { LookupEdit } from './compare';
import { isLocked, lockedPaths } from './locks';

export type ApplyResult =
  | {
      ok: true;
      /** One list of changes per field, each in positions of the text after the steps before it. */
      steps: TextChange[][];
      text: string;
    }
  | { ok: false; message: string };

/**
 * The text changes that write the ticked fields into a review, through the same minimal
 * front-matter edits the sidebar makes (comments and formatting kept). All or nothing: if one
 * field cannot be written, nothing is, and the message names the field. The renderer composes
 * the steps into one editor transaction, so the whole lookup is one undo.
 */
export function applyLookup(source: string, edits: readonly LookupEdit[]): ApplyResult {
  const before = parseFrontMatter(source).data;
  const locked = lockedPaths(before);
  const refused = edits.find((edit) => isLocked(locked, edit.path));
  if (refused) return { ok: false, message: `${refused.label} is locked in this review, so the lookup leaves it alone.` };
  let text = source;
  const steps: TextChange[][] = [];
  for (const edit of edits) {
    const result = editFrontMatter(text, { kind: 'set', path: edit.path, value: edit.value });
    if (!result.ok) return { ok: false, message: `${edit.label}: ${result.message}` };
    if (result.changes.length === 0) continue;
    steps.push(result.changes);
    text = applyChanges(text, result.changes);
  }
  const after = parseFrontMatter(text).data;
  // Belt and braces: whatever the edits did, a locked field must read exactly as before.
  for (const path of locked) {
    const segments = path.split('.');
    if (!deepEqual(valueAt(before, segments), valueAt(after, segments))) {
      return { ok: false, message: `Applying the lookup would have changed ${path}, which is locked; nothing was changed.` };
    }
  }
  return { ok: true, steps, text };
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
