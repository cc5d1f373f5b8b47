import { readFile, stat } from 'node:fs/promises';
import sharp from 'sharp';
import { HostError } from '../contract';
import { exportReview, referencedStills } from '../export/export-review';
import type { ExportTarget } from '../export/targets';
import type { ExportResult, StillFacts } from '../export/types';
import { imageTypeOf } from '../library/paths';
import { ioError } from './io-errors';
import { resolveInLibrary } from './library-paths';
import { decodeReview } from './review-store';
import { createNodeSanitizer } from './sanitizer';

export interface RunExportOptions {
  target: ExportTarget;
  /** The folder stills are resolved and confined in: the library, or the review's folder (CLI). */
  root: string;
  /** The review's path below `root`, `/`-separated. */
  reviewPath: string;
  inline?: boolean;
  now?: Date;
}

/** Reads a review and the facts of its stills, and exports it (nothing is written). */
export async function runExport(options: RunExportOptions): Promise<ExportResult> {
  const file = await resolveInLibrary(options.root, options.reviewPath);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw ioError(error, 'read', options.reviewPath);
  }
  const { text, valid } = decodeReview(bytes);
  if (!valid) throw new HostError('invalid-args', `${options.reviewPath} is not valid UTF-8 text, so Intertitle will not export it.`);
  const stills: Record<string, StillFacts> = {};
  for (const path of referencedStills(text, options.reviewPath)) {
    stills[path] = await stillFacts(options.root, path, Boolean(options.inline));
  }
  return exportReview(options.target, {
    source: text,
    reviewPath: options.reviewPath,
    sanitize: createNodeSanitizer(),
    now: options.now ?? new Date(),
    stills,
    inline: options.inline,
  });
}

/** The `01-a.web.jpg` a still may have beside it (DESIGN §4), as a library path. */
export function derivativePath(libraryPath: string): string | null {
  if (/\.web\.jpe?g$/i.test(libraryPath)) return null;
  return libraryPath.replace(/\.[^./]+$/, '.web.jpg');
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Whether a still exists, its web derivative, its size and (for `inline`) its bytes as a data URI. */
async function stillFacts(root: string, libraryPath: string, inline: boolean): Promise<StillFacts> {
  let file: string;
  try {
    file = await resolveInLibrary(root, libraryPath);
  } catch {
    return { exists: false };
  }
  if (!imageTypeOf(libraryPath) || !(await isFile(file))) return { exists: false };
  const facts: StillFacts = { exists: true };
  const derivative = derivativePath(libraryPath);
  let exported = file;
  let exportedPath = libraryPath;
  if (derivative) {
    const derivativeFile = await resolveInLibrary(root, derivative).catch(() => null);
    if (derivativeFile && (await isFile(derivativeFile))) {
      facts.derivative = derivative;
      exported = derivativeFile;
      exportedPath = derivative;
    }
  }
  try {
    const meta = await sharp(exported).metadata();
    // EXIF orientations 5–8 turn the picture a quarter: its shown width is the stored height.
    const turned = (meta.orientation ?? 1) >= 5;
    if (meta.width && meta.height) {
      facts.width = turned ? meta.height : meta.width;
      facts.height = turned ? meta.width : meta.height;
    }
  } catch {
    // Not an image sharp can read: it is still copied, just without a size.
  }
  if (inline) {
    const bytes = await readFile(exported).catch(() => null);
    if (bytes) facts.dataUri = `data:${imageTypeOf(exportedPath)};base64,${bytes.toString('base64')}`;
  }
  return facts;
}
