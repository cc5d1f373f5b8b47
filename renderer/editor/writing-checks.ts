import { closeLintPanel, lintGutter, linter, nextDiagnostic, openLintPanel, previousDiagnostic, type Diagnostic } from '@codemirror/lint';
import { Facet, type EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, type Command } from '@codemirror/view';
import type { LintOptions } from '../../src/lint/lint-review';
import { defaultWritingSettings, type LintSettings } from '../../src/lint/settings';

// The writing checks' part of the editor that the start needs: their settings, the gutter, keys,
// panel and theme. The checks themselves (lint.ts: src/lint, which reads the review with
// markdown-it) are a chunk of their own, loaded once the editor is editable, so a start neither
// fetches nor compiles them (docs/performance.md, "Renderer start").

/** The library's settings for the checks (title style, sentence limit, checks turned off). */
export const lintSettings = Facet.define<LintSettings, LintSettings>({
  combine: (values) => values[values.length - 1] ?? defaultWritingSettings,
});

/** What the host knows of the review's image files, for the stills checks of the files themselves. */
export type LintFiles = NonNullable<LintOptions['files']>;
export const lintFiles = Facet.define<LintFiles | null, LintFiles | null>({
  combine: (values) => values[values.length - 1] ?? null,
});


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

/** The checks' module, fetched once; a failed fetch is tried again at the next run. */
let checks: Promise<typeof import('./lint')> | null = null;

/** Starts loading the checks (the editor calls it once a review is editable); resolves when they are ready. */
export function loadWritingChecks(): Promise<typeof import('./lint')> {
  checks ??= import('./lint').catch((error: unknown) => {
    checks = null;
    throw error;
  });
  return checks;
}

/**
 * The findings for `state`, from the checks' module. The state is taken when the run starts, so
 * the findings match its text; @codemirror/lint drops them if the text changed meanwhile.
 */
function findings(state: EditorState): Promise<Diagnostic[]> {
  return loadWritingChecks().then(({ diagnosticsFor }) => diagnosticsFor(state));
}

/**
 * The writing checks in the editor: underlines, gutter markers, a panel listing them all
 * (View › Show Writing Checks), F8 / Shift-F8 to step through them, and quick fixes. They run
 * 600 ms after typing stops, off the keystroke path (docs/writing-aids.md).
 */
export function writingLint(): Extension {
  return [
    linter((view) => findings(view.state), {
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
