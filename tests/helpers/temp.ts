import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixtureLibrary = fileURLToPath(new URL('../fixtures/library', import.meta.url));

/** A fresh temp folder, removed by the returned cleanup. */
export async function tempDir(prefix = 'intertitle-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A temp copy of the fixture library, plus user-data and documents folders beside it. */
export async function tempLibrary(): Promise<{
  root: string;
  userData: string;
  documents: string;
  cleanup: () => Promise<void>;
}> {
  const { dir, cleanup } = await tempDir();
  const root = join(dir, 'library');
  await cp(fixtureLibrary, root, { recursive: true });
  return { root, userData: join(dir, 'user-data'), documents: join(dir, 'documents'), cleanup };
}
