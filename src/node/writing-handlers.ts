import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handlers, LibraryInfo } from '../contract';
import { readWritingSettings, type WritingSettings } from '../lint/settings';
import { writeFileAtomic } from './atomic-write';
import { ioError } from './io-errors';
import { ensureLibraryStateDir, libraryStateDir } from './library/state-dir';

export interface WritingHostOptions {
  userDataDir: string;
  library: () => LibraryInfo;
  /**
   * Adds words to the host's spellchecker as known words and returns how many it took (Electron:
   * `session.addWordToSpellCheckerDictionary`). Absent in the browser host, whose page uses the
   * browser's own spellchecker through the `spellcheck` attribute.
   */
  addSpellingWords?: (words: readonly string[]) => number;
}

const fileOf = (userDataDir: string, root: string) => join(libraryStateDir(userDataDir, root), 'writing.json');

/**
 * A library's writing settings: the defaults when none were kept; a damaged file (not JSON, or
 * fields of the wrong kind) gives the defaults for what cannot be read. A file that exists but
 * cannot be read is an `io` error, so the critic hears why their settings are not in force.
 */
export async function loadWritingSettings(userDataDir: string, root: string): Promise<WritingSettings> {
  let text: string;
  try {
    text = await readFile(fileOf(userDataDir, root), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return readWritingSettings(null);
    throw ioError(error, 'read', 'the writing settings');
  }
  try {
    return readWritingSettings(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError) return readWritingSettings(null);
    throw error;
  }
}

export async function saveWritingSettings(userDataDir: string, root: string, settings: WritingSettings): Promise<WritingSettings> {
  const dir = await ensureLibraryStateDir(userDataDir, root);
  try {
    await writeFileAtomic(join(dir, 'writing.json'), `${JSON.stringify(settings, null, 2)}\n`);
  } catch (error) {
    throw ioError(error, 'save', 'the writing settings');
  }
  return settings;
}

type WritingRequest = 'writing.settings.get' | 'writing.settings.set' | 'spelling.addWords';

/** The `writing.*` and `spelling.*` requests (docs/writing-aids.md). */
export function createWritingHandlers(options: WritingHostOptions): Pick<Handlers, WritingRequest> {
  return {
    'writing.settings.get': () => loadWritingSettings(options.userDataDir, options.library().root),
    'writing.settings.set': ({ settings }) => saveWritingSettings(options.userDataDir, options.library().root, settings),
    'spelling.addWords': ({ words }) => ({ added: options.addSpellingWords ? options.addSpellingWords(words) : 0 }),
  };
}
