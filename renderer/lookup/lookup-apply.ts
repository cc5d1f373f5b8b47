import { ChangeSet } from '@codemirror/state';
import type { FilmFacts } from '../../src/contract';
import { applyLookup } from '../../src/metadata/apply';
import { compareFilm, lookupEdits, type LookupFieldKey } from '../../src/metadata/compare';
import { parseFrontMatter } from '../../src/review/front-matter';
import type { TextChange } from '../../src/review/front-matter-edit';

/** Marks the lookup's transaction in the editor's history. */
export const lookupUserEvent = 'input.lookup';

/**
 * Composes the steps of `applyLookup` (each in positions of the text after the one before)
 * into one set of changes in positions of the original text, so the editor applies the whole
 * lookup as one transaction: one Ctrl+Z undoes it.
 */
export function composeSteps(length: number, steps: readonly (readonly TextChange[])[]): TextChange[] {
  let composed = ChangeSet.empty(length);
  for (const step of steps) composed = composed.compose(ChangeSet.of([...step], composed.newLength));
  const out: TextChange[] = [];
  composed.iterChanges((from, to, _fromB, _toB, inserted) => out.push({ from, to, insert: inserted.toString() }));
  return out;
}

export type LookupPlan = { ok: true; changes: TextChange[]; fields: number } | { ok: false; message: string };

/**
 * The changes that write the ticked fields of `found` into `text`, compared again against the
 * text as it is now (the critic may have typed since the comparison was shown): a field locked
 * or already equal by now is left alone.
 */
export function planLookup(text: string, found: FilmFacts, ticked: ReadonlySet<LookupFieldKey>): LookupPlan {
  const parsed = parseFrontMatter(text);
  if (parsed.error) return { ok: false, message: `The front matter does not parse (line ${parsed.error.line}): ${parsed.error.message} Fix it in the text first.` };
  const edits = lookupEdits(compareFilm(parsed.data, found), ticked);
  if (edits.length === 0) return { ok: true, changes: [], fields: 0 };
  const result = applyLookup(text, edits);
  if (!result.ok) return result;
  return { ok: true, changes: composeSteps(text.length, result.steps), fields: edits.length };
}
