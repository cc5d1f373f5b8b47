import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../src/contract';
import type { Host, HostOptions } from '../../src/node/host';
import { createSpellingWords, editingMenuTemplate } from '../../electron/spelling';
import { app, BrowserWindow, Menu, resetElectronFake, session } from '../mocks/electron';

// The shell is started without the real host: these tests check what it hands the host and the window.
const created: HostOptions[] = [];
vi.mock('../../src/node/host', () => ({
  createHost: async (options: HostOptions) => {
    created.push(options);
    return { handlers: {} as Handlers, library: () => null, resolveAsset: async () => null, close: async () => {} } satisfies Host;
  },
}));
const { startApp } = await import('../../electron/main');

describe('the spellchecker’s known words', () => {
  it('adds each name once a run, and only words', () => {
    const added: string[] = [];
    const add = createSpellingWords(() => ({ addWordToSpellCheckerDictionary: (word: string) => (added.push(word), true) }));
    expect(add(['Vysotskaya', 'Svetka', 'Vysotskaya', 'Konchalovsky', 'rm -rf', '<b>'])).toBe(3);
    expect(add(['Svetka', 'Schröder'])).toBe(1);
    expect(added).toEqual(['Vysotskaya', 'Svetka', 'Konchalovsky', 'Schröder']);
  });

  it('tries a word again when the dictionary refused it', () => {
    let accept = false;
    const add = createSpellingWords(() => ({ addWordToSpellCheckerDictionary: () => accept }));
    expect(add(['Svetka'])).toBe(0);
    accept = true;
    expect(add(['Svetka'])).toBe(1);
  });
});

describe('the editing context menu', () => {
  const params = { isEditable: true, misspelledWord: 'Vysotskya', dictionarySuggestions: ['Vysotskaya', 'Vysotsky'], selectionText: '' };

  it('offers the suggestions and Add to Dictionary for a misspelt word, then the edit items', () => {
    const replaced: string[] = [];
    const learned: string[] = [];
    const template = editingMenuTemplate(params, { replace: (w) => replaced.push(w), learn: (w) => learned.push(w) });
    expect(template.map((item) => item.label ?? item.role ?? item.type)).toEqual(['Vysotskaya', 'Vysotsky', 'Add to Dictionary', 'separator', 'cut', 'copy', 'paste', 'separator', 'selectAll']);
    (template[0]!.click as () => void)();
    (template[2]!.click as () => void)();
    expect(replaced).toEqual(['Vysotskaya']);
    expect(learned).toEqual(['Vysotskya']);
  });

  it('says when there are no guesses, and offers only Copy outside editable text', () => {
    const none = editingMenuTemplate({ ...params, dictionarySuggestions: [] }, { replace: () => {}, learn: () => {} });
    expect(none[0]).toMatchObject({ label: 'No Guesses Found', enabled: false });
    expect(editingMenuTemplate({ ...params, isEditable: false, selectionText: 'x' }, { replace: () => {}, learn: () => {} })).toEqual([{ role: 'copy' }]);
    expect(editingMenuTemplate({ ...params, isEditable: false }, { replace: () => {}, learn: () => {} })).toEqual([]);
  });
});

describe('the Electron shell’s spellchecker (against the fake electron module)', () => {
  let tmp: string;
  beforeEach(async () => {
    resetElectronFake();
    created.length = 0;
    tmp = await mkdtemp(path.join(tmpdir(), 'intertitle-spelling-'));
    await mkdir(path.join(tmp, 'Documents'));
    app.paths = { userData: path.join(tmp, 'user-data'), documents: path.join(tmp, 'Documents'), home: tmp };
    app.appPath = path.join(tmp, 'app');
  });
  afterEach(() => rm(tmp, { recursive: true, force: true }));

  async function start() {
    const running = await startApp({ args: [] });
    if (!running) throw new Error('startApp returned null');
    return [...running.windows][0] as unknown as BrowserWindow;
  }

  it('gives the host a spelling.addWords that teaches the default session’s dictionary each name once', async () => {
    await start();
    const add = created[0]!.addSpellingWords!;
    expect(add(['Vysotskaya', 'Svetka'])).toBe(2);
    expect(add(['Svetka', 'Konchalovsky'])).toBe(1);
    expect(session.defaultSession.spellCheckerWords).toEqual(['Vysotskaya', 'Svetka', 'Konchalovsky']);
  });

  it('shows the suggestions on right-click in the editor, replaces the word, and learns it', async () => {
    const win = await start();
    win.webContents.emit('context-menu', {}, { isEditable: true, misspelledWord: 'Vysotskya', dictionarySuggestions: ['Vysotskaya'], selectionText: '' });
    expect(Menu.popups).toHaveLength(1);
    expect(Menu.popups[0]!.options).toEqual({ window: win });
    const items = Menu.popups[0]!.menu.template as Array<{ label?: string; click?: () => void }>;
    items.find((item) => item.label === 'Vysotskaya')!.click!();
    items.find((item) => item.label === 'Add to Dictionary')!.click!();
    expect(win.webContents.replacedMisspellings).toEqual(['Vysotskaya']);
    expect(session.defaultSession.spellCheckerWords).toEqual(['Vysotskya']);
    // Outside editable text with nothing selected there is no menu at all.
    win.webContents.emit('context-menu', {}, { isEditable: false, misspelledWord: '', dictionarySuggestions: [], selectionText: '' });
    expect(Menu.popups).toHaveLength(1);
  });
});
