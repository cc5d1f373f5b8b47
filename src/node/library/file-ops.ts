import { cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { HostError } from '../../contract';
import { dirnameOf } from '../../library/paths';
import { portableName } from '../../library/new-review';
import { ioError } from '../io-errors';
import { resolveInLibrary, toLibraryPath } from '../library-paths';

/**
 * What a review is on disk: a page bundle is its folder (the `index.md` and its stills move
 * together); any other .md file is just itself.
 */
export interface ReviewUnit {
  /** Absolute path of the folder or file that moves. */
  target: string;
  bundle: boolean;
  /** Library path of the review file inside the unit, relative to the unit (`index.md`), or '' for a loose file. */
  inner: string;
}

export async function reviewUnit(root: string, path: string): Promise<ReviewUnit> {
  const file = await resolveInLibrary(root, path);
  const bundle = basename(path).toLowerCase() === 'index.md' && dirnameOf(path) !== '';
  return bundle ? { target: dirname(file), bundle, inner: basename(file) } : { target: file, bundle, inner: '' };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function libraryPathOf(root: string, unit: ReviewUnit, target: string): string {
  return unit.bundle ? `${toLibraryPath(root, target)}/${unit.inner}` : toLibraryPath(root, target);
}

/** Renames a review's folder (bundle) or file (loose) to a portable slug of `name`, beside itself. */
export async function renameReview(root: string, path: string, name: string): Promise<string> {
  const unit = await reviewUnit(root, path);
  const slug = portableName(name.replace(/\.(md|markdown)$/i, ''));
  const target = join(dirname(unit.target), unit.bundle ? slug : `${slug}.md`);
  if (target === unit.target) return path;
  if (!(await exists(unit.target))) throw new HostError('not-found', `${path} no longer exists.`);
  // Case-only renames ("Nosferatu" → "nosferatu") are the same file on macOS and Windows.
  const sameFile = target.toLowerCase() === unit.target.toLowerCase();
  if (!sameFile && (await exists(target))) {
    throw new HostError('conflict', `There is already a ${unit.bundle ? 'folder' : 'file'} called “${basename(target)}” there.`);
  }
  try {
    await rename(unit.target, target);
  } catch (error) {
    throw ioError(error, 'rename', path);
  }
  return libraryPathOf(root, unit, target);
}

/** The first free name of the form `<base>-copy`, `<base>-copy-2`, … beside `target`. */
async function freeCopyName(target: string, bundle: boolean): Promise<string> {
  const dir = dirname(target);
  const base = bundle ? basename(target) : basename(target).replace(/\.(md|markdown)$/i, '');
  for (let n = 1; n < 1000; n++) {
    const candidate = join(dir, `${base}-copy${n === 1 ? '' : `-${n}`}${bundle ? '' : '.md'}`);
    if (!(await exists(candidate))) return candidate;
  }
  throw new HostError('conflict', `Too many copies of ${basename(target)} already exist.`);
}

/** Copies a review (a whole bundle with its stills) beside itself; never overwrites anything. */
export async function duplicateReview(root: string, path: string): Promise<string> {
  const unit = await reviewUnit(root, path);
  if (!(await exists(unit.target))) throw new HostError('not-found', `${path} no longer exists.`);
  const target = await freeCopyName(unit.target, unit.bundle);
  try {
    await cp(unit.target, target, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true });
  } catch (error) {
    await rm(target, { recursive: true, force: true }).catch(() => {});
    throw ioError(error, 'duplicate', path);
  }
  return libraryPathOf(root, unit, target);
}

function stamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-` +
    `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`
  );
}

/**
 * Keeps the bytes another program wrote as `<name>.conflict-<YYYY-MM-DD-HHMMSS>.md` beside the
 * review (never overwriting an existing file), and returns its library path.
 */
export async function keepConflictCopy(root: string, path: string, bytes: Uint8Array, now = new Date()): Promise<string> {
  const file = await resolveInLibrary(root, path);
  const stem = basename(file).replace(/\.(md|markdown)$/i, '');
  for (let n = 1; n < 100; n++) {
    const copy = join(dirname(file), `${stem}.conflict-${stamp(now)}${n === 1 ? '' : `-${n}`}.md`);
    try {
      await writeFile(copy, bytes, { flag: 'wx' });
      return toLibraryPath(root, copy);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw ioError(error, 'keep the other version of', path);
    }
  }
  throw new HostError('conflict', `Too many conflict copies of ${path} already exist.`);
}

/**
 * The browser host's trash: a folder in Intertitle's user data for this library, because a web
 * server cannot reach the system trash and the library must stay free of app folders.
 * Each trashed review gets its own dated folder, so nothing in the trash is overwritten.
 */
export async function moveToAppTrash(root: string, path: string, trashDir: string, now = new Date()): Promise<string> {
  const unit = await reviewUnit(root, path);
  if (!(await exists(unit.target))) throw new HostError('not-found', `${path} no longer exists.`);
  const into = join(trashDir, `${stamp(now)}-${Math.random().toString(36).slice(2, 8)}`);
  const target = join(into, basename(unit.target));
  try {
    await mkdir(into, { recursive: true });
    try {
      await rename(unit.target, target);
    } catch (error) {
      // User data may live on another disk than the library: copy, then remove the original.
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      await cp(unit.target, target, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true });
      await rm(unit.target, { recursive: true });
    }
  } catch (error) {
    throw ioError(error, 'move to the trash', path);
  }
  return target;
}

/** Moves a review to the system trash through the host's `trash` (Electron's shell.trashItem). */
export async function moveToSystemTrash(root: string, path: string, trash: (absolutePath: string) => Promise<void>): Promise<void> {
  const unit = await reviewUnit(root, path);
  if (!(await exists(unit.target))) throw new HostError('not-found', `${path} no longer exists.`);
  try {
    await trash(unit.target);
  } catch (error) {
    throw new HostError('io', `Could not move ${path} to the trash: ${(error as Error)?.message ?? String(error)}`);
  }
}

/** Reads a file's bytes, or null when it does not exist. */
export async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
