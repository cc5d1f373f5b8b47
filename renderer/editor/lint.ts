import { isolateHistory } from '@codemirror/commands';
import type { Action, Diagnostic } from '@codemirror/lint';
import type { EditorState, TransactionSpec } from '@codemirror/state';
import { lintReview } from '../../src/lint/lint-review';
import type { LintResult } from '../../src/lint/types';
import { parseFrontMatter } from '../../src/review/front-matter';
import { editFrontMatter } from '../../src/review/front-matter-edit';
import { lintFiles, lintSettings } from './writing-checks';

// The checks themselves (src/lint, with markdown-it): a chunk of their own that the editor loads
// once it is editable (writing-checks.ts). What the start needs lives there and is re-exported here.
export { lintFiles, lintSettings, toggleLintPanel, writingLint, type LintFiles } from './writing-checks';

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
