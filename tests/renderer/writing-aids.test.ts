// @vitest-environment jsdom
import { CompletionContext } from '@codemirror/autocomplete';
import { history, undo } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { Compartment, EditorState, type Extension, type TransactionSpec } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../electron/menu';
import { commands } from '../../src/contract/commands';
import { knownNamesOf } from '../../src/lint/names';
import { defaultWritingSettings } from '../../src/lint/settings';
import { knownNames, nameCompletionSource } from '../../renderer/editor/completion-names';
import { focusModeOn, focusModes, paragraphAt, typewriterOn } from '../../renderer/editor/focus-mode';
import { addNameFix, diagnosticsFor, lintFiles, lintSettings, suggestionFix } from '../../renderer/editor/lint';
import { spellingWords } from '../../renderer/writing/spelling-words';
import { TargetProgress } from '../../renderer/writing/TargetProgress';
import { targetLength } from '../../renderer/writing/use-writing-aids';

const frontMatter = `---
spoilers: false
film:
  title: "Dear Comrades!"
  directors: [Andrey Konchalovsky]
  cast:
    - {name: Yuliya Vysotskaya, character: Lyudmila Syomina}
    - {name: Yuliya Burova, character: Svetka}
    - {name: Greta Schröder, character: Ellen Hutter}
---
`;

/** A review's state with the editor's history and the default settings. */
function stateOf(body: string, extra: Extension = []) {
  return EditorState.create({
    doc: frontMatter + body,
    extensions: [history(), markdown(), lintSettings.of(defaultWritingSettings), extra],
  });
}

/** Applies a spec to a state, as a view would. */
const apply = (state: EditorState, spec: TransactionSpec | null) => {
  expect(spec).not.toBeNull();
  return state.update(spec!).state;
};

const undone = (state: EditorState) => {
  let after = state;
  undo({ state, dispatch: (tr) => (after = tr.state) });
  return after;
};

describe('quick fixes', () => {
  it('a misspelt character name gets the metadata’s spelling as one undoable step', () => {
    const state = stateOf('Zetka runs to the square.\n');
    const [diagnostic] = diagnosticsFor(state);
    expect(diagnostic).toMatchObject({ severity: 'warning', message: expect.stringContaining('“Svetka”') });
    expect(diagnostic!.actions!.map((a) => a.name)).toEqual(['Change to “Svetka”', 'Add to names']);
    expect(state.sliceDoc(diagnostic!.from, diagnostic!.to)).toBe('Zetka');

    const fixed = apply(state, suggestionFix(state, { text: 'Zetka' }, diagnostic!.from, diagnostic!.to, 'Svetka'));
    expect(fixed.doc.toString()).toContain('\nSvetka runs to the square.');
    expect(diagnosticsFor(fixed)).toEqual([]);
    expect(undone(fixed).doc.toString()).toBe(state.doc.toString());
  });

  it('a fix is refused when the text changed since the check ran, or the review is read-only', () => {
    const state = stateOf('Zetka runs.\n');
    const [diagnostic] = diagnosticsFor(state);
    const edited = state.update({ changes: { from: diagnostic!.from, to: diagnostic!.from + 1, insert: 'B' } }).state;
    expect(suggestionFix(edited, { text: 'Zetka' }, diagnostic!.from, diagnostic!.to, 'Svetka')).toBeNull();
    const readOnly = stateOf('Zetka runs.\n', EditorState.readOnly.of(true));
    expect(suggestionFix(readOnly, { text: 'Zetka' }, diagnostic!.from, diagnostic!.to, 'Svetka')).toBeNull();
  });

  it('“Add to names” puts the word in the front matter’s names, and the check accepts it', () => {
    const state = stateOf('Novocherkassk, or Novocherkask.\n');
    expect(diagnosticsFor(state).map((d) => d.message)).toEqual([expect.stringContaining('“Novocherkask” is written “Novocherkassk”')]);
    const added = apply(state, addNameFix(state, 'Novocherkask'));
    expect(added.doc.toString()).toContain('\nnames: [Novocherkask]\n');
    const again = apply(added, addNameFix(added, 'Novocherkassk'));
    expect(again.doc.toString()).toContain('\nnames: [Novocherkask, Novocherkassk]\n');
    expect(diagnosticsFor(again)).toEqual([]);
    expect(undone(again).doc.toString()).toBe(added.doc.toString());
  });

  it('the title is italicised, a repeat removed, and spoilers: false set to true', () => {
    let state = stateOf('I saw Dear Comrades! and the the ending: ||Svetka lives||.\n');
    const fix = (index: number) => {
      const diagnostic = diagnosticsFor(state)[index]!;
      const action = diagnostic.actions![0]!;
      const view = { state, dispatch: (spec: TransactionSpec) => (state = state.update(spec).state) } as unknown as EditorView;
      action.apply(view, diagnostic.from, diagnostic.to);
      return action.name;
    };
    expect(diagnosticsFor(state).map((d) => state.sliceDoc(d.from, d.to))).toEqual(['false', 'Dear Comrades!', 'the the']);
    expect(fix(2)).toBe('Remove the second “the”');
    expect(fix(1)).toBe('Italicise');
    expect(fix(0)).toBe('Set spoilers: true');
    expect(state.doc.toString()).toContain('spoilers: true\n');
    expect(state.doc.toString()).toContain('I saw *Dear Comrades!* and the ending: ||Svetka lives||.');
    expect(diagnosticsFor(state)).toEqual([]);
  });

  it('follows the settings facet: quotes for the title, checks turned off', () => {
    const quotes = stateOf('I saw *Dear Comrades!* and the the end.\n', lintSettings.of({ ...defaultWritingSettings, titleStyle: 'quotes', disabledRules: ['repeated-word'] }));
    expect(diagnosticsFor(quotes).map((d) => [quotes.sliceDoc(d.from, d.to), d.actions![0]?.name])).toEqual([['*Dear Comrades!*', 'Put in quotes']]);
  });
});

describe('name completion', () => {
  const names = knownNamesOf({
    film: {
      title: 'Dear Comrades!',
      directors: ['Andrey Konchalovsky'],
      cast: [
        { name: 'Yuliya Vysotskaya', character: 'Lyudmila Syomina' },
        { name: 'Greta Schröder', character: 'Ellen Hutter' },
      ],
    },
  });
  const complete = (body: string, explicit = false) => {
    const state = EditorState.create({ doc: frontMatter + body.replace('|', ''), extensions: [markdown(), knownNames.of(names)] });
    const pos = frontMatter.length + body.indexOf('|');
    const result = nameCompletionSource(new CompletionContext(state, pos, explicit));
    return result && { from: result.from - frontMatter.length, labels: result.options.map((o) => o.label), details: result.options.map((o) => o.detail) };
  };

  it('offers a name from the start of any of its words, whole names first where they start so', () => {
    expect(complete('Then Vys|')).toEqual({
      from: 5,
      labels: ['Vysotskaya', 'Yuliya Vysotskaya'],
      details: ['Yuliya Vysotskaya · who plays Lyudmila Syomina', 'who plays Lyudmila Syomina'],
    });
    expect(complete('Ly|')!.labels).toEqual(['Lyudmila Syomina', 'Lyudmila']);
    expect(complete('Ko|')!.labels).toEqual(['Konchalovsky', 'Andrey Konchalovsky']);
  });

  it('matches without accents or case once asked, and never on a lower-case word while typing', () => {
    expect(complete('Schro|')!.labels).toEqual(['Schröder', 'Greta Schröder']);
    expect(complete('schro|')).toBeNull();
    expect(complete('schro|', true)!.labels).toEqual(['Schröder', 'Greta Schröder']);
    expect(complete('S|')).toBeNull();
  });

  it('stays quiet where a name makes no sense, and when the word is already whole', () => {
    expect(complete('`Vys| x`')).toBeNull();
    expect(complete('[x](https://example.org/Vys|)')).toBeNull();
    expect(complete('Zzz|')).toBeNull();
    expect(complete('Schröder|')!.labels).toEqual(['Greta Schröder']);
    const inFrontMatter = EditorState.create({ doc: frontMatter, extensions: [markdown(), knownNames.of(names)] });
    expect(nameCompletionSource(new CompletionContext(inFrontMatter, frontMatter.indexOf('Vysotskaya') + 3, true))).toBeNull();
  });
});

describe('focus mode and typewriter scrolling', () => {
  const aidsToggles = new Compartment();

  it('finds the paragraph around the cursor', () => {
    const state = EditorState.create({ doc: 'One.\n\nTwo a\nTwo b\nTwo c\n\nThree.' });
    expect(paragraphAt(state, state.doc.line(4).from)).toEqual({ first: 3, last: 5 });
    expect(paragraphAt(state, state.doc.line(2).from)).toEqual({ first: 2, last: 2 });
    expect(paragraphAt(state, 0)).toEqual({ first: 1, last: 1 });
  });

  it('focus mode dims every line outside the cursor’s paragraph, and nothing when off', () => {
    const doc = 'One a\nOne b\n\nTwo a\nTwo b\n\nThree.';
    const view = new EditorView({
      parent: document.body,
      state: EditorState.create({ doc, selection: { anchor: doc.indexOf('Two b') }, extensions: [focusModes(), aidsToggles.of(focusModeOn.of(true))] }),
    });
    const dimmed = () => [...view.contentDOM.querySelectorAll('.cm-line')].filter((line) => line.classList.contains('cm-dimmed')).map((line) => line.textContent);
    expect(view.dom.classList.contains('cm-focus-mode')).toBe(true);
    expect(dimmed()).toEqual(['One a', 'One b', '', '', 'Three.']);
    view.dispatch({ selection: { anchor: doc.indexOf('Three') } });
    expect(dimmed()).toEqual(['One a', 'One b', '', 'Two a', 'Two b', '']);
    view.dispatch({ effects: aidsToggles.reconfigure(focusModeOn.of(false)) });
    expect(dimmed()).toEqual([]);
    expect(view.dom.classList.contains('cm-focus-mode')).toBe(false);
    view.destroy();
  });

  it('both are toggles in the View menu and the command registry, with shortcuts', () => {
    for (const id of ['view.toggleFocusMode', 'view.toggleTypewriter', 'view.toggleChecks']) {
      expect(commands.find((c) => c.id === id)).toMatchObject({ menu: 'view', keys: expect.any(String) });
    }
    const viewMenu = buildMenuTemplate({ platform: 'linux', packaged: true, sendCommand: () => {} }).find((m) => m.label === '&View');
    const items = (viewMenu?.submenu ?? []) as Array<{ id?: string; label?: string; accelerator?: string }>;
    expect(items.filter((i) => i.id?.startsWith('view.toggle') && /Focus|Typewriter|Checks/.test(i.label ?? '')).map((i) => [i.label, i.accelerator])).toEqual([
      ['Show Writing Checks', 'CmdOrCtrl+Shift+E'],
      ['Focus Mode', 'CmdOrCtrl+Shift+D'],
      ['Typewriter Scrolling', 'CmdOrCtrl+Shift+Y'],
    ]);
  });

  it('typewriter scrolling centres the cursor on typing and keys, not on clicks', () => {
    const state = (on: boolean) => EditorState.create({ doc: 'a\n'.repeat(50), extensions: [focusModes(), typewriterOn.of(on), focusModeOn.of(false)] });
    const scrolls = (s: EditorState, spec: TransactionSpec) => s.update(spec).effects.some((e) => e.value && typeof e.value === 'object' && 'range' in e.value);
    expect(scrolls(state(true), { changes: { from: 10, insert: 'x' }, userEvent: 'input.type' })).toBe(true);
    expect(scrolls(state(true), { selection: { anchor: 20 }, userEvent: 'select' })).toBe(true);
    expect(scrolls(state(true), { selection: { anchor: 20 }, userEvent: 'select.pointer' })).toBe(false);
    expect(scrolls(state(false), { changes: { from: 10, insert: 'x' }, userEvent: 'input.type' })).toBe(false);
  });
});

describe('spellchecker words', () => {
  it('are the words of the names, each once, without initials', () => {
    const names = knownNamesOf({ film: { directors: ['F. W. Murnau'], cast: [{ name: 'Max Schreck', character: 'Count Orlok' }, { name: 'Max Schreck' }] } });
    expect(spellingWords(names)).toEqual(['Max', 'Schreck', 'Count', 'Orlok', 'Murnau']);
  });
});

describe('the target length in the status bar', () => {
  afterEach(cleanup);

  it.each([
    ['the review’s own target wins', { target_words: 800 }, 1200, 800],
    ['else the library’s default', {}, 1200, 1200],
    ['a target that is not a whole positive number is ignored', { target_words: 'long' }, 1200, 1200],
    ['and a negative one', { target_words: -5 }, null, null],
    ['none at all', {}, null, null],
  ])('%s', (_case, data, libraryDefault, expected) => {
    expect(targetLength(data, libraryDefault)).toBe(expected);
  });

  it('shows the share reached with a bar, and says how far to go or how far over', () => {
    const { rerender, container } = render(createElement(TargetProgress, { words: 840, target: 1200 }));
    expect(screen.getByTestId('target-progress').textContent).toBe('of 1,200 (70%)');
    const bar = screen.getByRole('progressbar', { name: 'Target length' });
    expect(bar.getAttribute('aria-valuenow')).toBe('840');
    expect(bar.getAttribute('aria-valuetext')).toBe('360 words to go to the target of 1,200');
    expect((container.querySelector('.target-fill') as HTMLElement).style.width).toBe('70%');

    rerender(createElement(TargetProgress, { words: 1300, target: 1200 }));
    expect(screen.getByTestId('target-progress').classList.contains('reached')).toBe(true);
    expect(screen.getByTestId('target-progress').title).toBe('100 words over the target of 1,200');
    expect((container.querySelector('.target-fill') as HTMLElement).style.width).toBe('100%');

    rerender(createElement(TargetProgress, { words: 1300, target: null }));
    expect(container.innerHTML).toBe('');
  });
});

describe('the stills file checks in the editor', () => {
  const text = '# S\n\n![A crowd](stills/01-big.jpg "The crowd")\n\n![A ship](stills/02-gone.jpg "The ship")\n';
  const big = { src: 'stills/01-big.jpg', libraryPath: 'r/stills/01-big.jpg', width: 1600, height: 1200, bytes: 7 * 1024 * 1024, derivative: null };
  it('use what the host told the Stills panel: too large without a web copy, missing', () => {
    const facts: Record<string, typeof big | null> = { 'stills/01-big.jpg': big, 'stills/02-gone.jpg': null };
    const state = EditorState.create({ doc: text, extensions: [lintFiles.of((src) => facts[src])] });
    expect(diagnosticsFor(state).map((d) => d.markClass)).toEqual(['cm-lint-still-too-large', 'cm-lint-still-file-missing']);
  });
  it('stay quiet about files while nothing is known of them', () => {
    expect(diagnosticsFor(EditorState.create({ doc: text })).map((d) => d.markClass)).toEqual([]);
  });
});
