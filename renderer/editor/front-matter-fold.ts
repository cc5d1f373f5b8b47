import { codeFolding, foldEffect, foldKeymap, foldService, foldedRanges, unfoldEffect } from '@codemirror/language';
import { EditorState, type Extension, type Text } from '@codemirror/state';
import { EditorView, keymap, type Command } from '@codemirror/view';
import { parseFrontMatter } from '../../src/review/front-matter';

/**
 * The front matter folds away under one line, so the first screen of a review is its prose:
 * the Film metadata sidebar edits the same fields. Folded by default; the critic's last choice
 * (click the placeholder, or the View menu's Show Front Matter) is remembered for every review.
 */

const OPENING = /^---[ \t]*$/;
// The closing fence as src/review/front-matter.ts reads it.
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
/** No real front matter is longer; a review pasted with an unclosed `---` is not scanned to its end. */
const longestFrontMatter = 2000;

/** The foldable part of a review's front matter: from the end of `---` to the end of its last line. */
export function frontMatterFoldRange(doc: Text): { from: number; to: number } | null {
  if (doc.lines < 3 || !OPENING.test(doc.line(1).text)) return null;
  const last = Math.min(doc.lines, longestFrontMatter);
  for (let n = 2; n <= last; n++) {
    if (!CLOSING.test(doc.line(n).text)) continue;
    return n === 2 ? null : { from: doc.line(1).to, to: doc.line(n - 1).to };
  }
  return null;
}

const preferenceKey = 'intertitle:front-matter';

/** Whether a review opens with its front matter folded (the default), from the critic's last choice. */
export function frontMatterFoldedByDefault(storage: Pick<Storage, 'getItem'> | null = safeStorage()): boolean {
  return storage?.getItem(preferenceKey) !== 'shown';
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled: the default applies
  }
}

/** The front matter's fold, if it is folded. Cheap: it runs for every change (see keepWhole). */
function folded(state: EditorState): { from: number; to: number } | null {
  const first = state.doc.line(1);
  if (!OPENING.test(first.text)) return null;
  let found: { from: number; to: number } | null = null;
  foldedRanges(state).between(first.to, first.to, (from, to) => {
    if (from === first.to) found = { from, to };
  });
  return found;
}

/** Folds the front matter if it is shown, shows it if it is folded. */
export const toggleFrontMatter: Command = (view) => {
  const range = frontMatterFoldRange(view.state.doc);
  if (!range) return false;
  const current = folded(view.state);
  view.dispatch({ effects: current ? unfoldEffect.of(current) : foldEffect.of(range) });
  return true;
};

/**
 * Folds the front matter of a review just opened, unless the critic prefers to see it, or it
 * does not parse: then the text is where it gets mended, and the sidebar points at its line.
 */
export function foldFrontMatterOnOpen(view: EditorView): void {
  const { doc } = view.state;
  const range = frontMatterFoldRange(doc);
  if (!range || !frontMatterFoldedByDefault() || folded(view.state)) return;
  const closingFence = doc.line(doc.lineAt(range.to).number + 1);
  // Only the front matter is parsed; the sidebar's parse of the same YAML is then a cache hit.
  if (parseFrontMatter(doc.sliceString(0, closingFence.to)).error) return;
  view.dispatch({ effects: foldEffect.of(range) });
}

/** The front matter as a fold CodeMirror knows (so the fold keys work on its first line). */
const service = foldService.of((state, lineStart) => (lineStart === 0 ? frontMatterFoldRange(state.doc) : null));

/**
 * A folded front matter stays whole while the sidebar edits it: an added field at its end would
 * otherwise land after the fold, half shown.
 */
const keepWhole = EditorState.transactionExtender.of((tr) => {
  if (!tr.docChanged) return null;
  const before = folded(tr.startState);
  // Typing in the body leaves the fold as it is.
  if (!before || !tr.changes.touchesRange(0, before.to + 1)) return null;
  const mapped = { from: tr.changes.mapPos(before.from, 1), to: tr.changes.mapPos(before.to, -1) };
  const next = frontMatterFoldRange(tr.newDoc);
  if (next && next.from === mapped.from && next.to === mapped.to) return null;
  return { effects: next ? [unfoldEffect.of(mapped), foldEffect.of(next)] : [unfoldEffect.of(mapped)] };
});

/** Remembers the critic's own fold or unfold of the front matter. */
const rememberChoice = EditorView.updateListener.of((update) => {
  for (const tr of update.transactions) {
    for (const effect of tr.effects) {
      if (!effect.is(foldEffect) && !effect.is(unfoldEffect)) continue;
      const range = frontMatterFoldRange(tr.state.doc);
      if (!range || effect.value.from !== range.from || tr.docChanged) continue;
      try {
        localStorage.setItem(preferenceKey, effect.is(foldEffect) ? 'folded' : 'shown');
      } catch {
        // Storage disabled: the choice holds for this review only.
      }
    }
  }
});

function placeholder(view: EditorView, onclick: (event: Event) => void, frontMatter: boolean): HTMLElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = frontMatter ? 'cm-foldPlaceholder cm-frontMatterFold' : 'cm-foldPlaceholder';
  element.textContent = frontMatter ? 'front matter' : '…';
  element.title = frontMatter ? 'Show the front matter' : 'Show the folded lines';
  element.setAttribute('aria-label', element.title);
  element.onclick = (event) => {
    onclick(event);
    view.focus();
  };
  return element;
}

const theme = EditorView.theme({
  '.cm-foldPlaceholder': {
    font: 'inherit',
    fontSize: '0.85em',
    color: 'var(--muted)',
    background: 'var(--panel)',
    border: '1px solid var(--rule)',
    borderRadius: '4px',
    padding: '0 8px',
    margin: '0 6px',
    cursor: 'pointer',
  },
  '.cm-foldPlaceholder:hover': { color: 'var(--ink)' },
});

export function frontMatterFolding(): Extension {
  return [
    service,
    codeFolding({
      preparePlaceholder: (state, range) => range.from === frontMatterFoldRange(state.doc)?.from,
      placeholderDOM: placeholder,
    }),
    keepWhole,
    rememberChoice,
    keymap.of(foldKeymap),
    theme,
  ];
}
