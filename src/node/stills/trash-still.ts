import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { HostError } from '../../contract';
import { resolveAssetPath } from '../../library/paths';
import { derivativeName, isDerivativeName } from '../../stills/naming';
import { ioError } from '../io-errors';
import { imageFile } from './still-files';

export interface TrashStillOptions {
  root: string;
  reviewPath: string;
  /** The still as the review writes it (`stills/01-a.jpg`). */
  src: string;
  /** The system trash (Electron's shell.trashItem); absent in the browser host. */
  trash?: (absolutePath: string) => Promise<void>;
  /** The browser host's trash folder for this library (in user data, never in the library). */
  trashDir: string;
  now?: Date;
}

/**
 * Moves a still and its web derivative to the trash, the same trash `review.trash` uses
 * (docs/library.md): the system trash in Electron, a dated folder in user data in the browser
 * host. Returns that folder, or null for the system trash.
 */
export async function trashStill(options: TrashStillOptions): Promise<string | null> {
  const libraryPath = resolveAssetPath(options.reviewPath, options.src);
  if (libraryPath === null) throw new HostError('invalid-args', `“${options.src}” is not a still inside the library.`);
  const file = await imageFile(options.root, libraryPath);
  if (!file) throw new HostError('not-found', `There is no still at ${libraryPath}.`);
  const files = [file];
  if (!isDerivativeName(file)) {
    const derivative = await imageFile(options.root, libraryPath.replace(/[^/]+$/, (name) => derivativeName(name)));
    if (derivative) files.push(derivative);
  }
  if (options.trash) {
    for (const each of files) {
      try {
        await options.trash(each);
      } catch (error) {
        throw new HostError('io', `Could not move ${basename(each)} to the trash: ${(error as Error)?.message ?? String(error)}`);
      }
    }
    return null;
  }
  const into = join(options.trashDir, `${stamp(options.now ?? new Date())}-${Math.random().toString(36).slice(2, 8)}`);
  try {
    await mkdir(into, { recursive: true });
    for (const each of files) await moveFile(each, join(into, basename(each)));
  } catch (error) {
    throw ioError(error, 'move to the trash', libraryPath);
  }
  return into;
}

async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    // User data may be on another disk than the library.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { errorOnExist: true, force: false, preserveTimestamps: true });
    await rm(from);
  }
}

function stamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}
