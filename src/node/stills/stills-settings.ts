import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultStillsSettings, type StillsSettings } from '../../stills/types';
import { writeFileAtomic } from '../atomic-write';
import { ensureLibraryStateDir, libraryStateDir } from '../library/state-dir';

/** Smallest and largest web size a critic may choose (long edge, pixels). */
export const webSizeRange = [480, 8000] as const;

/**
 * The library's settings for stills, kept with its other state in user data
 * (`libraries/<key>/stills.json`), never in the library. A missing or broken file reads as the defaults.
 */
export async function loadStillsSettings(userDataDir: string, root: string): Promise<StillsSettings> {
  try {
    const raw = JSON.parse(await readFile(join(libraryStateDir(userDataDir, root), 'stills.json'), 'utf8')) as Partial<StillsSettings>;
    return normalise(raw);
  } catch {
    return { ...defaultStillsSettings };
  }
}

export async function saveStillsSettings(userDataDir: string, root: string, change: Partial<StillsSettings>): Promise<StillsSettings> {
  const next = normalise({ ...(await loadStillsSettings(userDataDir, root)), ...change });
  const dir = await ensureLibraryStateDir(userDataDir, root);
  await writeFileAtomic(join(dir, 'stills.json'), `${JSON.stringify(next, null, 2)}\n`);
  return next;
}

function normalise(raw: Partial<StillsSettings>): StillsSettings {
  const size = Number(raw.webSize);
  return {
    webSize: Number.isInteger(size) && size >= webSizeRange[0] && size <= webSizeRange[1] ? size : defaultStillsSettings.webSize,
    defaultCredit: typeof raw.defaultCredit === 'string' ? raw.defaultCredit.slice(0, 300) : defaultStillsSettings.defaultCredit,
  };
}
