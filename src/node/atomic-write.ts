import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Suffix of the temp files written next to their target; a crash may leave one behind. */
export const tempSuffix = '.intertitle-tmp';

export function isTempFile(name: string): boolean {
  return name.startsWith('.') && name.endsWith(tempSuffix);
}

/**
 * Replaces `file` with `data` so that a crash at any moment leaves either the old bytes or the
 * new ones, never an empty or cut file: write a temp file in the same folder, fsync it, rename it
 * over the target, then fsync the folder so the rename itself is durable (DESIGN §6).
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}${tempSuffix}`);
  let mode = 0o644;
  try {
    mode = (await stat(file)).mode & 0o777;
  } catch {
    // A new file: default mode.
  }
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  await syncFolder(dir);
}

async function syncFolder(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
