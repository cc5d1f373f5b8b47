import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The folder in user data that holds one library's state (metadata cache, recovery journal, the
 * browser host's trash), keyed by a hash of the library's real path: app state never goes into
 * the library itself (DESIGN §4). A `library.json` beside it names the library for humans.
 */
export function libraryStateDir(userDataDir: string, root: string): string {
  const key = createHash('sha256').update(root).digest('hex').slice(0, 16);
  return join(userDataDir, 'libraries', key);
}

export async function ensureLibraryStateDir(userDataDir: string, root: string): Promise<string> {
  const dir = libraryStateDir(userDataDir, root);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'library.json'), `${JSON.stringify({ root }, null, 2)}\n`).catch(() => {});
  return dir;
}
