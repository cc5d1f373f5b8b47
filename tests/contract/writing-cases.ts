import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Envelope } from '../../src/contract';
import { defaultWritingSettings, type WritingSettings } from '../../src/lint/settings';

interface Caller {
  call(name: string, args: unknown): Promise<Envelope<unknown>>;
}

interface Dirs {
  root: string;
  userData: string;
}

async function ok<T>(promise: Promise<Envelope<unknown>>): Promise<T> {
  const envelope = await promise;
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

async function code(promise: Promise<Envelope<unknown>>): Promise<string> {
  const envelope = await promise;
  return envelope.ok ? 'ok' : envelope.error.code;
}

/** The writing aids' requests (docs/writing-aids.md), run by the conformance suite on both transports. */
export function writingContractCases(host: () => Caller, dirs: () => Dirs): void {
  it('writing.settings.get gives the defaults, and writing.settings.set keeps a library’s settings in user data', async () => {
    expect(await ok(host().call('writing.settings.get', {}))).toEqual(defaultWritingSettings);
    const mine: WritingSettings = { titleStyle: 'quotes', maxSentenceWords: 45, targetWords: 1200, disabledRules: ['long-sentence'] };
    expect(await ok(host().call('writing.settings.set', { settings: mine }))).toEqual(mine);
    expect(await ok(host().call('writing.settings.get', {}))).toEqual(mine);
    // Kept beside the library's other state in user data; nothing is written into the library.
    const libraries = join(dirs().userData, 'libraries');
    const [state] = await readdir(libraries);
    expect(JSON.parse(await readFile(join(libraries, state!, 'writing.json'), 'utf8'))).toEqual(mine);
    expect((await readdir(dirs().root)).filter((name) => name.includes('writing'))).toEqual([]);
  });

  it('writing.settings.get reads a damaged settings file as the defaults for what it cannot read', async () => {
    await ok(host().call('writing.settings.set', { settings: { ...defaultWritingSettings, maxSentenceWords: 45 } }));
    const libraries = join(dirs().userData, 'libraries');
    const [state] = await readdir(libraries);
    const file = join(libraries, state!, 'writing.json');
    await writeFile(file, JSON.stringify({ titleStyle: 'quotes', maxSentenceWords: 'many', disabledRules: ['no-such-check'] }));
    expect(await ok(host().call('writing.settings.get', {}))).toEqual({ ...defaultWritingSettings, titleStyle: 'quotes' });
    await writeFile(file, '{ not json');
    expect(await ok(host().call('writing.settings.get', {}))).toEqual(defaultWritingSettings);
  });

  it('writing.settings.set refuses settings that are not whole and valid, and keeps the saved ones', async () => {
    const bad = [
      { titleStyle: 'bold', maxSentenceWords: 40, targetWords: null, disabledRules: [] },
      { titleStyle: 'italic', maxSentenceWords: 3, targetWords: null, disabledRules: [] },
      { titleStyle: 'italic', maxSentenceWords: 40, targetWords: -5, disabledRules: [] },
      { titleStyle: 'italic', maxSentenceWords: 40, targetWords: null, disabledRules: ['no-such-check'] },
      { titleStyle: 'italic', maxSentenceWords: 40, targetWords: null },
    ];
    for (const settings of bad) expect(await code(host().call('writing.settings.set', { settings }))).toBe('invalid-args');
    expect(await ok(host().call('writing.settings.get', {}))).toEqual(defaultWritingSettings);
  });

  it('spelling.addWords takes a review’s names; the browser host has no dictionary to add them to', async () => {
    expect(await ok(host().call('spelling.addWords', { words: ['Vysotskaya', 'Svetka'] }))).toEqual({ added: 0 });
    expect(await code(host().call('spelling.addWords', { words: ['x'.repeat(101)] }))).toBe('invalid-args');
    expect(await code(host().call('spelling.addWords', { words: 'Svetka' }))).toBe('invalid-args');
  });
}
