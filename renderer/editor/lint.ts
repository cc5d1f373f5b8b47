import { isolateHistory } from '@codemirror/commands';
import { closeLintPanel, lintGutter, linter, nextDiagnostic, openLintPanel, previousDiagnostic, type Action, type Diagnostic } from '@codemirror/lint';
import { Facet, type EditorState, type Extension, type TransactionSpec } from '@codemirror/state';
import { EditorView, keymap, type Command } from '@codemirror/view';
import { lintReview, type LintOptions } from '../../src/lint/lint-review';
import { defaultWritingSettings, type LintSettings } from '../../src/lint/settings';
import type { LintResult } from '../../src/lint/types';
import { parseFrontMatter } from '../../src/review/front-matter';
import { editFrontMatter } from '../../src/review/front-matter-edit';

/** The library's settings for the checks (title style, sentence limit, checks turned off). */
export const lintSettings = Facet.define<LintSettings, LintSettings>({
  combine: (values) => values[values.length - 1] ?? defaultWritingSettings,
});

/** What the host knows of the review's image files, for the stills checks of the files themselves. */
export type LintFiles = NonNullable<LintOptions['files']>;
export const lintFiles = Facet.define<LintFiles | null, LintFiles | null>({
  combine: (values) => values[values.length - 1] ?? null,
});

/** Marks the transactions of quick fixes, so history and listeners can tell them from typing. */
export const lintFixUserEvent = 'input.fix';

const NAME_RULES = new Set(['name-near-miss', 'name-inconsistent']);

/**
 * A quick fix: `result`'s text replaced by `replacement`, as one undoable step. Null when the
 * text has changed since the check ran (the fix would land on the wrong words) or the review is
 * read-only. `from`/`to` are the finding's current position (the lint extension maps them).
 */
export function suggestionFix(state: EditorState, result: Pick<LintResult, 'text'>, from: number, to: number, replacement: string): TransactionSpec | null {
  if (state.readOnly || state.sliceDoc(from, to) !== result.text) return null;
  return {
    changes: { from, to, insert: replacement },
    selection: { anchor: from + replacement.length },
    userEvent: lintFixUserEvent,
    annotations: isolateHistory.of('full'),
    scrollIntoView: true,
  };
}

/**
 * Adds a spelling to the front matter's `names`, so the name checks accept it from now on (a
 * person or place the film's facts do not list). One undoable step; null when the front matter
 * cannot take it (it does not parse) or the review is read-only.
 */
export function addNameFix(state: EditorState, name: string): TransactionSpec | null {
  if (state.readOnly) return null;
  const text = state.doc.toString();
  const names = parseFrontMatter(text).data?.['names'];
  const existing = Array.isArray(names) ? names.length : 0;
  const result = editFrontMatter(text, { kind: 'insert', path: ['names'], index: existing, value: name });
  if (!result.ok || !result.changes.length) return null;
  return { changes: result.changes, userEvent: lintFixUserEvent, annotations: isolateHistory.of('full') };
}

function label(result: LintResult, suggestion: string): string {
  switch (result.rule) {
    case 'title-style':
      return suggestion.startsWith('*') ? 'Italicise' : 'Put in quotes';
    case 'repeated-word':
      return `Remove the second “${result.text.split(/\s+/)[0]}”`;
    case 'spoiler-flag':
      return 'Set spoilers: true';
    default:
      return `Change to “${suggestion}”`;
  }
}

/**
 * Past this length (about 85,000 words) the checks would hold the page for 200 ms or more after
 * each pause, so the editor leaves them to `intertitle lint` (docs/writing-aids.md).
 */
export const maxLintedChars = 500_000;

/** The checks' findings as CodeMirror diagnostics, each suggestion an action. Pure: used by tests too. */
export function diagnosticsFor(state: EditorState): Diagnostic[] {
  if (state.doc.length > maxLintedChars) return [];
  const text = state.doc.toString();
  const files = state.facet(lintFiles);
  const results = lintReview(text, { settings: state.facet(lintSettings), ...(files ? { files } : {}) });
  return results.map((result) => {
    const actions: Action[] = result.suggestions.map((suggestion) => ({
      name: label(result, suggestion),
      apply(view, from, to) {
        const spec = suggestionFix(view.state, result, from, to, suggestion);
        if (spec) view.dispatch(spec);
      },
    }));
    if (NAME_RULES.has(result.rule)) {
      actions.push({
        name: 'Add to names',
        markClass: 'cm-lint-action-quiet',
        apply(view, from, to) {
          if (view.state.sliceDoc(from, to) !== result.text) return;
          const spec = addNameFix(view.state, result.text);
          if (spec) view.dispatch(spec);
        },
      });
    }
    return {
      from: result.from,
      to: result.to,
      severity: result.severity,
      message: result.message,
      markClass: `cm-lint-${result.rule}`,
      actions,
    };
  });
}

/**
 * Opens the list of all findings, or closes it when it is open. The panel takes the bottom of the
 * editor, so the line being written is scrolled back into sight above it.
 */
export const toggleLintPanel: Command = (view) => {
  if (closeLintPanel(view)) return true;
  openLintPanel(view);
  view.dispatch({ effects: EditorView.scrollIntoView(view.state.selection.main.head, { y: 'nearest', yMargin: 32 }) });
  return true;
};

// A theme (not a base theme), so it wins over @codemirror/lint's defaults: the app's paper and
// ink instead of the system's highlight blue, and room for three or four findings in the panel.
const theme = EditorView.theme({
  // Sentence-length notes cover whole sentences: a quiet dotted line, not a wave.
  '.cm-lintRange-info': { backgroundImage: 'none', textDecoration: 'underline dotted rgba(40, 90, 160, 0.55)', textUnderlineOffset: '3px' },
  '.cm-lintRange-warning': { backgroundSize: 'auto' },
  '.cm-diagnostic': { fontFamily: 'var(--ui-font, system-ui, sans-serif)', fontSize: '13px', lineHeight: '1.45', padding: '5px 28px 6px 10px' },
  '.cm-diagnostic-warning': { borderLeft: '3px solid #d8961e' },
  '.cm-diagnostic-info': { borderLeft: '3px solid rgba(40, 90, 160, 0.55)' },
  '.cm-diagnosticAction': {
    font: 'inherit',
    fontSize: '12px',
    borderRadius: '4px',
    padding: '1px 8px',
    marginTop: '4px',
    backgroundColor: 'var(--ink, #22201c)',
    color: 'var(--paper, #fbf8f3)',
  },
  '.cm-diagnosticAction.cm-lint-action-quiet': { backgroundColor: 'transparent', color: 'inherit', border: '1px solid var(--faint, #a39a8c)' },
  '.cm-tooltip.cm-tooltip-lint': { backgroundColor: 'var(--paper, #fff)', border: '1px solid var(--rule, #ccc)', borderRadius: '4px', maxWidth: '36em' },
  '.cm-panels-bottom': { borderTop: '1px solid var(--rule, #ccc)' },
  '.cm-panel.cm-panel-lint': { backgroundColor: 'var(--panel, #f3eee6)', color: 'var(--ink, #22201c)' },
  '.cm-panel.cm-panel-lint ul': { maxHeight: '11em', outline: 'none' },
  '.cm-panel.cm-panel-lint ul [aria-selected], .cm-panel.cm-panel-lint ul:focus [aria-selected]': {
    backgroundColor: 'var(--selection, rgba(155, 47, 31, 0.18))',
    color: 'inherit',
  },
  '.cm-panel.cm-panel-lint [name=close]': {
    fontSize: '18px',
    lineHeight: '1',
    padding: '4px 8px',
    color: 'var(--muted, #6b645a)',
    background: 'transparent',
    border: 'none',
    boxShadow: 'none',
    cursor: 'pointer',
  },
  '.cm-lint-marker': { width: '0.8em', height: '0.8em' },
});

/**
 * The writing checks in the editor: underlines, gutter markers, a panel listing them all
 * (View › Show Writing Checks), F8 / Shift-F8 to step through them, and quick fixes. They run
 * 600 ms after typing stops, off the keystroke path (docs/writing-aids.md).
 */
export function writingLint(): Extension {
  return [
    linter((view) => diagnosticsFor(view.state), {
      delay: 600,
      needsRefresh: (update) =>
        update.startState.facet(lintSettings) !== update.state.facet(lintSettings) || update.startState.facet(lintFiles) !== update.state.facet(lintFiles),
    }),
    lintGutter(),
    keymap.of([
      { key: 'F8', run: nextDiagnostic },
      { key: 'Shift-F8', run: previousDiagnostic },
    ]),
    theme,
  ];
}
