import { editFrontMatter, type EditResult, type TextChange } from '../review/front-matter-edit';
import { parseFrontMatter } from '../review/front-matter';
import { creditEdit } from './credits';
import { altChange, captionChange, figureInsertion, figureMarkdown, findFigures, type FigureSource } from './figure-source';

/**
 * The Stills panel's edits as text changes, always computed from the editor's current text (so
 * they land on the right characters even if the panel's view is a keystroke behind). A figure is
 * found by its image path; `sameStill` says whether a path names the still (`./stills/a.jpg` and
 * `stills/a.jpg` are one).
 */
export type SameStill = (src: string) => boolean;

const cannot = (message: string): EditResult => ({ ok: false, message });

function firstFigure(text: string, sameStill: SameStill): FigureSource | null {
  return findFigures(text).find((figure) => sameStill(figure.src)) ?? null;
}

/** New alt text for the still's first figure. */
export function altEdit(text: string, sameStill: SameStill, alt: string): EditResult {
  const figure = firstFigure(text, sameStill);
  if (!figure) return cannot('That still is no longer in the text.');
  const change = altChange(figure, alt);
  if (!change) return cannot('This figure is written in a way the panel cannot change; edit its alt text in the text.');
  return { ok: true, changes: text.slice(change.from, change.to) === change.insert ? [] : [change] };
}

/** A new caption (the image title) for the still's first figure. */
export function captionEdit(text: string, sameStill: SameStill, caption: string): EditResult {
  const figure = firstFigure(text, sameStill);
  if (!figure) return cannot('That still is no longer in the text.');
  const change = captionChange(figure, caption);
  if (!change) {
    if (caption.trim() === '' && figure.titleAt !== null) return { ok: true, changes: [] };
    return cannot('This figure takes its caption from a reference definition; edit the caption there in the text.');
  }
  return { ok: true, changes: text.slice(change.from, change.to) === change.insert ? [] : [change] };
}

/** A new credit in the front matter's `stills` map, under the key the markdown writes. */
export function creditTextEdit(text: string, key: string, credit: string): EditResult {
  const parsed = parseFrontMatter(text);
  if (parsed.error) return cannot(`The front matter does not parse (line ${parsed.error.line}), so the credit cannot be written yet: ${parsed.error.message}`);
  return editFrontMatter(text, creditEdit(parsed.data, key, credit));
}

export interface Insertion {
  changes: TextChange[];
  /** The figure's range in the text before the changes (both ends at the insertion point). */
  at: number;
  /** Characters the change puts before the figure (blank lines), and the figure's length. */
  lead: number;
  length: number;
}

/**
 * A new figure at `pos` as its own paragraph, and its credit in the front matter when one is
 * given. Both are one set of changes, so one Ctrl+Z takes the whole still back out.
 */
export function insertStill(text: string, pos: number, still: { src: string; alt?: string; caption?: string; credit?: string | null }): Insertion {
  const figure = figureMarkdown(still.src, still.alt ?? '', still.caption ?? '');
  const placed = figureInsertion(text, pos, figure);
  const changes: TextChange[] = [placed.change];
  if (still.credit) {
    const credit = creditTextEdit(text, still.src, still.credit);
    // A front matter that does not parse gets no credit; the still is added all the same.
    if (credit.ok) changes.push(...credit.changes);
  }
  return { changes, at: placed.change.from, lead: placed.from - placed.change.from, length: figure.length };
}

/**
 * Removes every figure of a still (its paragraph and the blank line after it) and its entry in
 * the front matter's `stills` map.
 */
export function removeStill(text: string, sameStill: SameStill, keys: readonly string[]): TextChange[] {
  const changes: TextChange[] = [];
  for (const figure of findFigures(text)) {
    if (!sameStill(figure.src) || figure.to <= figure.from) continue;
    changes.push(paragraphRange(text, figure.from, figure.to));
  }
  const parsed = parseFrontMatter(text);
  if (!parsed.error) {
    for (const key of new Set(keys)) {
      const stills = parsed.data?.['stills'];
      if (!stills || typeof stills !== 'object' || !Object.hasOwn(stills, key)) continue;
      const removed = editFrontMatter(text, { kind: 'remove', path: ['stills', key] });
      if (removed.ok) changes.push(...removed.changes);
    }
  }
  return changes;
}

/** The whole lines of a figure, with one blank line after it (or before, at the end of the text). */
function paragraphRange(text: string, from: number, to: number): TextChange {
  const start = text.lastIndexOf('\n', from - 1) + 1;
  let end = text.indexOf('\n', to);
  end = end < 0 ? text.length : end + 1;
  const blankAfter = /^[ \t]*\n/.exec(text.slice(end));
  if (blankAfter) return { from: start, to: end + blankAfter[0].length, insert: '' };
  const blankBefore = /\n[ \t]*\n$/.exec(text.slice(0, start));
  return blankBefore ? { from: start - blankBefore[0].length + 1, to: end, insert: '' } : { from: start, to: end, insert: '' };
}
