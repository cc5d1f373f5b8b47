import { resolveAssetPath } from '../library/paths';
import type { ImageSizes } from '../markdown/render-env';
import { creditOf } from './credits';
import { findFigures, imageReferences, type FigureSource } from './figure-source';
import type { StillInfo, StillsListing } from './types';

/** One still as the Stills panel shows it. */
export interface StillEntry {
  /** The path as the markdown writes it (or would, for a file no figure uses yet). */
  src: string;
  /** The library path it resolves to; null when it leaves the library. */
  libraryPath: string | null;
  /** Its first figure in the text; null for a file nothing refers to (or an image inside a paragraph). */
  figure: FigureSource | null;
  /** How many figures show it. */
  uses: number;
  /** The text refers to it (as a figure or an image in a paragraph). */
  referenced: boolean;
  /** The file's facts; null when it is missing, undefined while the host has not said. */
  file: StillInfo | null | undefined;
  credit: string;
}

/**
 * Every still of a review: each image its figures show, in the text's order, then the files of
 * its `stills/` folder that nothing refers to, by name. Files are matched by library path, so
 * `stills/a.jpg` and `./stills/a.jpg` are one still.
 */
export function stillEntries(
  reviewPath: string,
  text: string,
  data: Record<string, unknown> | null,
  listing: StillsListing | null,
): StillEntry[] {
  const entries: StillEntry[] = [];
  const byPath = new Map<string, StillEntry>();
  const resolve = (src: string) => resolveAssetPath(reviewPath, src);
  const fileOf = (src: string, libraryPath: string | null): StillInfo | null | undefined => {
    if (!listing) return undefined;
    if (Object.hasOwn(listing.refs, src)) return listing.refs[src] ?? null;
    const inFolder = listing.files.find((file) => file.libraryPath === libraryPath);
    return inFolder ?? undefined;
  };

  for (const figure of findFigures(text)) {
    const libraryPath = resolve(figure.src);
    const key = libraryPath ?? `?${figure.src}`;
    const known = byPath.get(key);
    if (known) {
      known.uses++;
      continue;
    }
    const entry: StillEntry = {
      src: figure.src,
      libraryPath,
      figure,
      uses: 1,
      referenced: true,
      file: fileOf(figure.src, libraryPath),
      credit: creditOf(data, figure.src),
    };
    byPath.set(key, entry);
    entries.push(entry);
  }
  const inline = new Set(imageReferences(text).map((src) => resolve(src)).filter((p): p is string => p !== null));
  for (const file of listing?.files ?? []) {
    if (byPath.has(file.libraryPath)) continue;
    const entry: StillEntry = {
      src: file.src,
      libraryPath: file.libraryPath,
      figure: null,
      uses: 0,
      referenced: inline.has(file.libraryPath),
      file,
      credit: creditOf(data, file.src),
    };
    byPath.set(file.libraryPath, entry);
    entries.push(entry);
  }
  return entries;
}

/**
 * The image sizes the preview pipeline needs (`RenderEnv.images`), by the path as written: the
 * shown size, or null for an image the host says is missing. Images the host has not answered for
 * (or could not read) are left out, so they render without a size.
 */
export function imageSizes(refs: StillsListing['refs'] | null | undefined): ImageSizes {
  const out: ImageSizes = {};
  for (const [src, info] of Object.entries(refs ?? {})) {
    if (info === null) out[src] = null;
    else if (info.width > 0 && info.height > 0) out[src] = { width: info.width, height: info.height };
  }
  return out;
}
