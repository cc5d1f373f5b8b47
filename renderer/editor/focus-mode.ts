import { EditorState, Facet, RangeSetBuilder, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';

/** Focus mode: every paragraph but the one the cursor is in is dimmed. */
export const focusModeOn = Facet.define<boolean, boolean>({ combine: (values) => values.some(Boolean) });
/** Typewriter scrolling: the line being written stays in the middle of the editor. */
export const typewriterOn = Facet.define<boolean, boolean>({ combine: (values) => values.some(Boolean) });

const dimmed = Decoration.line({ class: 'cm-dimmed' });

/** The lines (1-based, inclusive) of the paragraph around `pos`: the run of non-blank lines. */
export function paragraphAt(state: EditorState, pos: number): { first: number; last: number } {
  const doc = state.doc;
  const at = doc.lineAt(pos).number;
  const blank = (n: number) => doc.line(n).text.trim() === '';
  if (blank(at)) return { first: at, last: at };
  let first = at;
  let last = at;
  while (first > 1 && !blank(first - 1)) first--;
  while (last < doc.lines && !blank(last + 1)) last++;
  return { first, last };
}

function dimLines(view: EditorView): DecorationSet {
  if (!view.state.facet(focusModeOn)) return Decoration.none;
  const { first, last } = paragraphAt(view.state, view.state.selection.main.head);
  const builder = new RangeSetBuilder<Decoration>();
  // Only the lines on screen: a 400,000-word draft costs the same as a short one.
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to; ) {
      const line = view.state.doc.lineAt(pos);
      if (line.number < first || line.number > last) builder.add(line.from, line.from, dimmed);
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

const focusPlugin = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = dimLines(view);
    }
    update(update: ViewUpdate) {
      const toggled = update.startState.facet(focusModeOn) !== update.state.facet(focusModeOn);
      if (toggled || update.docChanged || update.selectionSet || update.viewportChanged) this.decorations = dimLines(update.view);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

// Keyboard moves and edits re-centre; a click does not (the text would jump away from the mouse).
const typewriterScroll = EditorState.transactionExtender.of((tr) => {
  if (!tr.state.facet(typewriterOn)) return null;
  const moved = tr.docChanged || (tr.selection && !tr.isUserEvent('select.pointer'));
  if (!moved || tr.isUserEvent('input.sidebar')) return null;
  return { effects: EditorView.scrollIntoView(tr.newSelection.main.head, { y: 'center' }) };
});

const theme = EditorView.baseTheme({
  '&.cm-focus-mode .cm-line': { transition: 'opacity 160ms ease-out' },
  '.cm-line.cm-dimmed': { opacity: '0.28' },
  // Room above the first line, so it too can sit in the middle.
  '&.cm-typewriter .cm-content': { paddingTop: '40vh' },
});

/** Focus mode and typewriter scrolling, switched by the `focusModeOn` and `typewriterOn` facets. */
export function focusModes(): Extension {
  return [
    focusPlugin,
    typewriterScroll,
    EditorView.editorAttributes.compute([typewriterOn], (state): Record<string, string> => (state.facet(typewriterOn) ? { class: 'cm-typewriter' } : {})),
    EditorView.editorAttributes.compute([focusModeOn], (state): Record<string, string> => (state.facet(focusModeOn) ? { class: 'cm-focus-mode' } : {})),
    theme,
  ];
}
