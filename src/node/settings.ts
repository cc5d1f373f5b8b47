import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';

/** App settings kept in user data (never in a library). */
export interface Settings {
  /** The library open when Intertitle last ran. */
  lastLibrary?: string;
}

export function settingsFile(userDataDir: string): string {
  return join(userDataDir, 'settings.json');
}

export async function loadSettings(userDataDir: string): Promise<Settings> {
  try {
    const parsed: unknown = JSON.parse(await readFile(settingsFile(userDataDir), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return {};
    const lastLibrary = (parsed as Record<string, unknown>).lastLibrary;
    return typeof lastLibrary === 'string' ? { lastLibrary } : {};
  } catch {
    // Missing or unreadable settings: start from defaults rather than refuse to start.
    return {};
  }
}

export async function saveSettings(userDataDir: string, settings: Settings): Promise<void> {
  await mkdir(userDataDir, { recursive: true });
  await writeFileAtomic(settingsFile(userDataDir), `${JSON.stringify(settings, null, 2)}\n`);
}
