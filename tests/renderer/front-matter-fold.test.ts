// @vitest-environment jsdom
import { foldEffect, foldedRanges } from '@codemirror/language';
import { EditorState, Text } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  foldFrontMatterOnOpen,
  frontMatterFoldRange,
  frontMatterFoldedByDefault,
  frontMatterFolding,
  toggleFrontMatter,
} from '../../renderer/editor/front-matter-fold';

const review = ['---', 'title: "Zone"', 'film:', '  title: Stalker', '  year: 1979', '---', '', 'The body.', ''].join('\n');

/** What a range covers, as text. */
const covered = (doc: Text, range: { from: number; to: number } | null) => (range ? doc.sliceString(range.from, range.to) : null);

describe('the front matter as a fold', () => {
  it.each([
    ['a review with front matter', review, '\ntitle: "Zone"\nfilm:\n  title: Stalker\n  year: 1979'],
    ['a closing `...` and fences with trailing spaces', '---  \na: 1\nb: 2\n...\t\nBody', '\na: 1\nb: 2'],
    ['no front matter', '# Heading\n\n---\nText', null],
    ['an empty front matter (nothing to fold)', '---\n---\nBody', null],
    ['an opening fence that is never closed', '---\na: 1\nBody without a closing fence', null],
    ['a fence that is not first', '\n---\na: 1\n---\n', null],
  ])('%s', (_what, text, expected) => {
    const doc = Text.of(text.split('\n'));
    expect(covered(doc, frontMatterFoldRange(doc))).toBe(expected);
  });
});

describe('folding the front matter in the editor', () => {
  let view: EditorView;
  beforeEach(() => {
    localStorage.clear();
    view = new EditorView({ state: EditorState.create({ doc: review, extensions: frontMatterFolding() }), parent: document.body });
  });
  afterEach(() => view.destroy());

  const foldedText = () => {
    const ranges: string[] = [];
    foldedRanges(view.state).between(0, view.state.doc.length, (from, to) => {
      ranges.push(view.state.sliceDoc(from, to));
    });
    return ranges;
  };

  it('folds on open by default, and the placeholder shows it again when clicked', () => {
    expect(frontMatterFoldedByDefault()).toBe(true);
    foldFrontMatterOnOpen(view);
    expect(foldedText()).toEqual([covered(view.state.doc, frontMatterFoldRange(view.state.doc))]);
    const placeholder = view.dom.querySelector<HTMLButtonElement>('.cm-frontMatterFold')!;
    expect(placeholder.getAttribute('aria-label')).toBe('Show the front matter');
    placeholder.click();
    expect(foldedText()).toEqual([]);
    // The critic's choice holds for the next review opened.
    expect(frontMatterFoldedByDefault()).toBe(false);
    foldFrontMatterOnOpen(view);
    expect(foldedText()).toEqual([]);
  });

  it('toggles with the command, and remembers folding too', () => {
    localStorage.setItem('intertitle:front-matter', 'shown');
    expect(toggleFrontMatter(view)).toBe(true);
    expect(foldedText()).toHaveLength(1);
    expect(frontMatterFoldedByDefault()).toBe(true);
    expect(toggleFrontMatter(view)).toBe(true);
    expect(foldedText()).toEqual([]);
  });

  it('stays whole while the sidebar edits the folded YAML, even at its last line', () => {
    foldFrontMatterOnOpen(view);
    const end = frontMatterFoldRange(view.state.doc)!.to;
    // A field added after the last line, as the sidebar adds a missing key.
    view.dispatch({ changes: { from: end, insert: '\n  runtime: 163' } });
    view.dispatch({ changes: { from: view.state.doc.toString().indexOf('Stalker'), to: view.state.doc.toString().indexOf('Stalker') + 7, insert: 'Сталкер' } });
    expect(foldedText()).toEqual(['\ntitle: "Zone"\nfilm:\n  title: Сталкер\n  year: 1979\n  runtime: 163']);
    // The body is untouched and outside the fold.
    expect(view.state.doc.toString().endsWith('---\n\nThe body.\n')).toBe(true);
  });

  it('leaves a front matter that does not parse in view, where it gets mended', () => {
    view.setState(EditorState.create({ doc: '---\ntitle: "unclosed\nfilm: [\n---\nBody.\n', extensions: frontMatterFolding() }));
    foldFrontMatterOnOpen(view);
    expect(foldedText()).toEqual([]);
    // Folding it by hand still works.
    expect(toggleFrontMatter(view)).toBe(true);
    expect(foldedText()).toHaveLength(1);
  });

  it('takes in a field added at the start of the closing fence, and leaves typing in the body alone', () => {
    foldFrontMatterOnOpen(view);
    const closing = view.state.doc.toString().indexOf('\n---\n') + 1;
    view.dispatch({ changes: { from: closing, insert: 'status: draft\n' } });
    expect(foldedText()).toEqual(['\ntitle: "Zone"\nfilm:\n  title: Stalker\n  year: 1979\nstatus: draft']);
    view.dispatch({ changes: { from: view.state.doc.length, insert: 'More words.' } });
    expect(foldedText()).toEqual(['\ntitle: "Zone"\nfilm:\n  title: Stalker\n  year: 1979\nstatus: draft']);
  });

  it('does nothing for a review without front matter', () => {
    view.setState(EditorState.create({ doc: '# Just prose\n\nWords.', extensions: frontMatterFolding() }));
    foldFrontMatterOnOpen(view);
    expect(toggleFrontMatter(view)).toBe(false);
    expect(foldedText()).toEqual([]);
  });

  it('keeps the default when storage is unavailable', () => {
    expect(frontMatterFoldedByDefault(null)).toBe(true);
    view.dispatch({ effects: foldEffect.of(frontMatterFoldRange(view.state.doc)!) });
    expect(foldedText()).toHaveLength(1);
  });
});
