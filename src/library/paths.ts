/**
 * Path rules for the library, shared by the renderer and both hosts. Library paths are relative
 * to the library root and always use `/`. These checks are lexical; hosts also check the real
 * path on disk (symlinks) before opening anything.
 */

/** Joins and normalises `/`-separated segments; null when the result would leave the root. */
export function normaliseRelative(path: string): string | null {
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return null;
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return null;
      out.pop();
      continue;
    }
    out.push(segment);
  }
  return out.length ? out.join('/') : null;
}

export function dirnameOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/**
 * Resolves an image reference of a review (`stills/a.jpg`) to a library path
 * (`nosferatu-1922/stills/a.jpg`). Null for URLs with a scheme, protocol-relative and absolute
 * paths, or anything that would leave the library.
 */
export function resolveAssetPath(reviewPath: string, src: string): string | null {
  let reference = src.trim();
  if (reference === '' || reference.startsWith('//') || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(reference)) return null;
  reference = reference.split(/[?#]/)[0] ?? '';
  try {
    reference = decodeURIComponent(reference);
  } catch {
    return null;
  }
  if (reference.startsWith('/') || /^[a-zA-Z]:/.test(reference)) return null;
  const dir = dirnameOf(reviewPath);
  return normaliseRelative(dir ? `${dir}/${reference}` : reference);
}

/** Image types the hosts serve from the library, with their fixed content types. */
export const imageTypes: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

export function imageTypeOf(path: string): string | null {
  const match = /\.([a-zA-Z0-9]+)$/.exec(path);
  return (match && imageTypes[match[1]!.toLowerCase()]) ?? null;
}

/** Encodes a library path for use in a URL, one segment at a time. */
export function encodeLibraryPath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
