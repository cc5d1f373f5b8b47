import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { HostError } from '../../contract';
import { acceptedStillsText, derivativeName, freeStillName, nextStillOrder, stillFormats, stillSlug, type StillFormat } from '../../stills/naming';
import type { StillInfo } from '../../stills/types';
import { ioError } from '../io-errors';
import { resolveInLibrary } from '../library-paths';
import { stillInfo, stillsFolderOf, writeNewFile } from './still-files';

/** What a still is made from: its bytes and the name it had (for the message and the slug). */
export interface StillSource {
  bytes: Uint8Array;
  name: string;
}

export interface ImportOptions {
  root: string;
  reviewPath: string;
  source: StillSource;
  /** The caption the still will have, if known: its slug names the file. */
  caption?: string;
  /** Long edge of the web derivative. */
  webSize: number;
}

/** JPEG quality of web derivatives: indistinguishable on screen at a fraction of the size. */
export const derivativeQuality = 84;

/**
 * Copies a picture into the review's `stills/` folder under a new portable name
 * (`03-lyudmila-at-home.jpg`) and, when it is larger than the web size or stored turned (EXIF
 * orientation), makes an upright web derivative beside it (`03-….web.jpg`). The original's bytes
 * are kept as they were. Anything that is not an accepted, readable picture is refused with a
 * sentence, and nothing is written; a failure half-way removes what was written.
 */
export async function importStill(options: ImportOptions): Promise<StillInfo> {
  const { source } = options;
  const bytes = Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength);
  const label = `“${source.name}”`;
  if (bytes.length === 0) throw new HostError('invalid-args', `${label} is empty (0 bytes): there is no picture in it.`);
  const meta = await sharp(bytes)
    .metadata()
    .catch(() => {
      throw new HostError('invalid-args', `${label} is not a picture Intertitle can read. Stills can be ${acceptedStillsText} files.`);
    });
  const format = stillFormat(meta);
  if (!format) {
    const kind = meta.format === 'heif' ? 'HEIC' : (meta.format ?? 'unknown').toUpperCase();
    throw new HostError('invalid-args', `${label} is a ${kind} image; stills can be ${acceptedStillsText}. Export it as JPEG first.`);
  }
  // The derivative is made (on sharp's threads) while the original is written.
  const derivative = needsDerivative(meta, options.webSize) ? makeDerivative(bytes, options.webSize, label) : null;
  derivative?.catch(() => {});
  if (!derivative) await checkDecodes(bytes, label);

  const folder = stillsFolderOf(options.reviewPath);
  const dir = await resolveInLibrary(options.root, folder);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw ioError(error, 'create the stills folder', folder);
  }
  const slug = stillSlug(options.caption?.trim() || source.name);
  for (let attempt = 0; attempt < 20; attempt++) {
    const names = await readdir(dir).catch((error) => {
      throw ioError(error, 'read', folder);
    });
    const name = freeStillName(nextStillOrder(names), slug, stillFormats[format], names);
    const file = join(dir, name);
    try {
      await writeNewFile(file, bytes);
    } catch (error) {
      // Another program took the name between reading the folder and writing: pick again.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw ioError(error, 'copy the still into', folder);
    }
    if (derivative) {
      try {
        await writeNewFile(join(dir, derivativeName(name)), await derivative);
      } catch (error) {
        // A damaged picture, or a disk that filled up: the still is not half added.
        await rm(file, { force: true }).catch(() => {});
        throw error instanceof HostError ? error : ioError(error, 'write the web-size copy into', folder);
      }
    }
    const info = await stillInfo(options.root, options.reviewPath, `${folder}/${name}`);
    if (!info) throw new HostError('internal', `The still ${name} was written but cannot be read back.`);
    return info;
  }
  throw new HostError('conflict', `Another program keeps adding files to ${folder}; try again.`);
}

/** The accepted format of a picture, or null. AVIF arrives from sharp as HEIF with AV1 compression. */
export function stillFormat(meta: Pick<Metadata, 'format' | 'compression'>): StillFormat | null {
  if (meta.format === 'heif') return meta.compression === 'av1' ? 'avif' : null;
  return meta.format && Object.hasOwn(stillFormats, meta.format) ? (meta.format as StillFormat) : null;
}

/**
 * A web derivative is made for a picture larger than the web size, or stored turned (EXIF
 * orientation other than 1), so every destination shows it upright. Animated GIFs keep their
 * frames: a JPEG would stop them.
 */
export function needsDerivative(meta: Pick<Metadata, 'width' | 'height' | 'orientation' | 'pages'>, webSize: number): boolean {
  if ((meta.pages ?? 1) > 1) return false;
  const longEdge = Math.max(meta.width ?? 0, meta.height ?? 0);
  return longEdge > webSize || (meta.orientation ?? 1) !== 1;
}

/** An upright JPEG no larger than `webSize` on its long edge; transparency goes onto white. */
export async function makeDerivative(bytes: Uint8Array, webSize: number, label = 'The picture'): Promise<Buffer> {
  try {
    return await sharp(bytes)
      .rotate()
      .resize({ width: webSize, height: webSize, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: derivativeQuality })
      .toBuffer();
  } catch (error) {
    throw new HostError('invalid-args', `${label} is damaged and cannot be read to the end (${shortReason(error)}).`);
  }
}

/** Decodes the whole picture once: a cut or damaged file is refused before it is copied. */
async function checkDecodes(bytes: Uint8Array, label: string): Promise<void> {
  try {
    await sharp(bytes).stats();
  } catch (error) {
    throw new HostError('invalid-args', `${label} is damaged and cannot be read to the end (${shortReason(error)}).`);
  }
}

function shortReason(error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  return message.replace(/^Vips\w*:\s*/, '').split('\n')[0]!.slice(0, 120);
}
