import slugify from '@sindresorhus/slugify';
import { portableName } from '../library/new-review';

/**
 * Names of stills on disk (DESIGN §4): `03-lyudmila-at-home.jpg`, an order number and a slug of
 * the caption or the file's name, portable on every system, never reusing a name in the folder.
 */

/** The image formats a still may be, by the extension it is saved with. */
export const stillFormats = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  gif: 'gif',
} as const;

export type StillFormat = keyof typeof stillFormats;

/** What the critic is told the app accepts. */
export const acceptedStillsText = 'JPEG, PNG, WebP, AVIF or GIF';

/** File names a camera, a phone or the clipboard gives that say nothing about the picture. */
const meaningless = /^(image|img|dsc|dscn|dscf|pxl|photo|picture|screenshot|screen shot|blob|clipboard|untitled|still|file|download)?[\s_-]*[\d\s_.:-]*$/i;

/** Longest slug kept in a name, so paths stay short on Windows. */
const maxSlug = 48;

/** The slug of a caption or a file name (without its extension); `fallback` when it says nothing. */
export function stillSlug(label: string, fallback = 'still'): string {
  const stem = label.replace(/\.[a-z0-9]{2,5}$/i, '').trim();
  if (meaningless.test(stem) || /^screen ?shot\b/i.test(stem)) return fallback;
  const slug = portableName(slugify(stem), fallback).slice(0, maxSlug).replace(/-+$/, '');
  return slug || fallback;
}

/** The order number after the highest one in the folder: stills sort in the order they came. */
export function nextStillOrder(names: readonly string[]): number {
  let highest = 0;
  for (const name of names) {
    const match = /^(\d{1,4})-/.exec(name);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest + 1;
}

/** The web-size derivative of a still: `01-a.jpg` → `01-a.web.jpg` (always JPEG, which every exporter reads). */
export function derivativeName(name: string): string {
  return name.replace(/\.[^./]+$/, '') + '.web.jpg';
}

/** A derivative made by Intertitle (`*.web.jpg`), shown with its original rather than on its own. */
export function isDerivativeName(name: string): boolean {
  return /\.web\.jpe?g$/i.test(name);
}

/**
 * A free name for a new still: `03-slug.ext`, or `03-slug-2.ext` … when that name (or its
 * derivative's) is taken. Names are compared without case: macOS and Windows would see one file.
 */
export function freeStillName(order: number, slug: string, ext: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  const prefix = String(order).padStart(2, '0');
  for (let n = 1; n < 10_000; n++) {
    const name = `${prefix}-${slug}${n === 1 ? '' : `-${n}`}.${ext}`;
    if (!used.has(name.toLowerCase()) && !used.has(derivativeName(name).toLowerCase())) return name;
  }
  throw new Error('no free still name');
}
