import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folders Electron's `app.getPath('userData')` and `('documents')` give for Intertitle, for
 * the hosts that run without Electron (the CLI and the browser host), so both share settings.
 * INTERTITLE_USER_DATA and INTERTITLE_DOCUMENTS override them (tests use temp folders).
 */
export function defaultUserDataDir(env = process.env, platform = process.platform): string {
  if (env.INTERTITLE_USER_DATA) return env.INTERTITLE_USER_DATA;
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Intertitle');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Intertitle');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Intertitle');
}

export function defaultDocumentsDir(env = process.env): string {
  if (env.INTERTITLE_DOCUMENTS) return env.INTERTITLE_DOCUMENTS;
  const documents = join(homedir(), 'Documents');
  return existsSync(documents) ? documents : homedir();
}
