import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, open, readdir, realpath, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import sharp from 'sharp';
import { dirnameOf, imageTypeOf, resolveAssetPath } from '../../library/paths';
import { derivativeName, isDerivativeName } from '../../stills/naming';
import type { StillInfo } from '../../stills/types';
import type { ImageSizes } from '../../markdown/render-env';
import { imageReferences } from '../../stills/figure-source';
import { imageSizes } from '../../stills/panel-model';
import { isTempFile, tempSuffix } from '../atomic-write';
import { isInside, resolveInLibrary } from '../library-paths';

/**
 * Reading what a still is on disk: its size as shown, its web derivative, its bytes. Every path
 * is a library path checked by real path (symlinks cannot lead out), and only image files count.
 */

/** The library folder of a review's stills: `<review folder>/stills`. */
export function stillsFolderOf(reviewPath: string): string {
  const dir = dirnameOf(reviewPath);
  return dir ? `${dir}/stills` : 'stills';
}

/** `stills/01-a.jpg` for a library path in the review's folder (the path the markdown writes). */
export function srcOf(reviewPath: string, libraryPath: string): string {
  const dir = dirnameOf(reviewPath);
  return dir && libraryPath.startsWith(`${dir}/`) ? libraryPath.slice(dir.length + 1) : dir ? relativeTo(dir, libraryPath) : libraryPath;
}

function relativeTo(dir: string, path: string): string {
  const from = dir.split('/');
  const to = path.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** The real file of an image library path, confined to the library; null when it is not one. */
export async function imageFile(root: string, libraryPath: string): Promise<string | null> {
  if (!imageTypeOf(libraryPath)) return null;
  try {
    const target = await resolveInLibrary(root, libraryPath);
    const real = await realpath(target);
    if (!isInside(await realpath(root), real) || !(await stat(real)).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}

interface Measured {
  width: number;
  height: number;
}

// Sizes by file, kept while the file's mtime and size stay the same: listing a review's stills
// on every change of its text must not decode headers again.
const sizes = new Map<string, { key: string; size: Measured | null }>();

/** Width and height as shown (EXIF orientations 5–8 turn the picture a quarter); null when sharp cannot read it. */
export async function measure(file: string): Promise<Measured | null> {
  let info;
  try {
    info = await stat(file);
  } catch {
    return null;
  }
  const key = `${info.mtimeMs}:${info.size}`;
  const cached = sizes.get(file);
  if (cached?.key === key) return cached.size;
  let size: Measured | null = null;
  try {
    const meta = await sharp(file).metadata();
    const turned = (meta.orientation ?? 1) >= 5;
    if (meta.width && meta.height) size = turned ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
  } catch {
    size = null;
  }
  if (sizes.size > 5000) sizes.clear();
  sizes.set(file, { key, size });
  return size;
}

/** Everything the renderer needs of one still; null when it is not an image file inside the library. */
export async function stillInfo(root: string, reviewPath: string, libraryPath: string): Promise<StillInfo | null> {
  const file = await imageFile(root, libraryPath);
  if (!file) return null;
  const bytes = (await stat(file).catch(() => null))?.size ?? 0;
  const derivativePath = isDerivativeName(libraryPath) ? null : `${dirnameOf(libraryPath) ? `${dirnameOf(libraryPath)}/` : ''}${derivativeName(basename(libraryPath))}`;
  const derivativeFile = derivativePath ? await imageFile(root, derivativePath) : null;
  // A file sharp cannot read is still listed (0 × 0), so the panel can say so and offer to remove it.
  const size = (derivativeFile && (await measure(derivativeFile))) || (await measure(file)) || { width: 0, height: 0 };
  return {
    src: srcOf(reviewPath, libraryPath),
    libraryPath,
    width: size.width,
    height: size.height,
    bytes,
    derivative: derivativeFile && derivativePath ? srcOf(reviewPath, derivativePath) : null,
  };
}

/** The still files of a review's `stills/` folder, by name: images only, derivatives and temp files left out. */
export async function folderStills(root: string, reviewPath: string): Promise<StillInfo[]> {
  const folder = stillsFolderOf(reviewPath);
  let names: string[];
  try {
    const dir = await resolveInLibrary(root, folder);
    const real = await realpath(dir);
    if (!isInside(await realpath(root), real)) return [];
    names = (await readdir(real, { withFileTypes: true })).filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name);
  } catch {
    return [];
  }
  const found = names
    .filter((name) => !name.startsWith('.') && !isTempFile(name) && !isDerivativeName(name) && imageTypeOf(name))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const out: StillInfo[] = [];
  for (const name of found) {
    const info = await stillInfo(root, reviewPath, `${folder}/${name}`);
    if (info) out.push(info);
  }
  return out;
}

/** The facts of each image a review refers to, by the path as written; null when there is no such image in the library. */
export async function referencedStills(root: string, reviewPath: string, refs: readonly string[]): Promise<Record<string, StillInfo | null>> {
  const out: Record<string, StillInfo | null> = {};
  for (const src of refs) {
    if (Object.hasOwn(out, src)) continue;
    const libraryPath = resolveAssetPath(reviewPath, src);
    const info = libraryPath ? await stillInfo(root, reviewPath, libraryPath) : null;
    // The path as written, not as the file is named: the preview looks sizes up by it.
    out[src] = info ? { ...info, src } : null;
  }
  return out;
}

/**
 * Writes `bytes` as a new file, never over an existing one: a temp file beside it is written and
 * fsynced, then hard-linked to the name (which fails if the name exists), so a crash leaves no
 * half-written still under its real name. File systems without hard links get an exclusive copy.
 */
export async function writeNewFile(file: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}${tempSuffix}`);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temp, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw error;
      await copyFile(temp, file, constants.COPYFILE_EXCL);
    }
  } finally {
    await rm(temp, { force: true }).catch(() => {});
  }
}


/**
 * The image sizes of a review for the markdown pipeline (`RenderEnv.images`), read from disk:
 * what the preview gets through `stills.list`, for `intertitle render` and tests.
 */
export async function reviewImageSizes(root: string, reviewPath: string, text: string): Promise<ImageSizes> {
  return imageSizes(await referencedStills(root, reviewPath, imageReferences(text)));
}
