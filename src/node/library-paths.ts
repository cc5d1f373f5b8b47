import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { HostError } from '../contract';
import { normaliseRelative } from '../library/paths';

/** True when `target` is `root` itself or lies below it (both already absolute and real). */
export function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..'));
}

/**
 * Maps a library path (`a/b.md`) to an absolute path inside `root`, refusing anything that
 * leaves the library lexically or, for the deepest part that exists, through a symlink.
 */
export async function resolveInLibrary(root: string, libraryPath: string): Promise<string> {
  const rel = normaliseRelative(libraryPath);
  if (rel === null) throw new HostError('invalid-args', `“${libraryPath}” is not a path inside the library.`);
  const realRoot = await realpath(root);
  const target = join(realRoot, ...rel.split('/'));
  // Walk up to the deepest existing ancestor and check its real path (symlinks) is inside.
  let probe = target;
  for (;;) {
    try {
      const real = await realpath(probe);
      if (!isInside(realRoot, real)) throw new HostError('invalid-args', `“${libraryPath}” points outside the library.`);
      break;
    } catch (error) {
      if (error instanceof HostError) throw error;
      const parent = join(probe, '..');
      if (parent === probe || !isInside(realRoot, parent)) break;
      probe = parent;
    }
  }
  return target;
}

/** Library path of an absolute path inside the root, with `/` separators. */
export function toLibraryPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

export async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
