/*
 * Fields the critic has locked against lookups: a top-level front-matter list of paths,
 * `locked: [film.cast, film.runtime]` (docs/lookup.md). A path locks everything below it, so
 * `film.ids` locks every id and `film` the whole block. A single path may be written without
 * the list brackets.
 */

export function lockedPaths(frontMatter: Record<string, unknown> | null): string[] {
  const value = frontMatter?.['locked'];
  const entries = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return entries
    .filter((entry): entry is string => typeof entry === 'string')
    .map((entry) => entry.trim().replace(/\s*\.\s*/g, '.'))
    .filter((entry) => entry !== '');
}

/** True when `path` (such as ['film', 'ids', 'tmdb']) is locked by any of `locked`. */
export function isLocked(locked: readonly string[], path: readonly (string | number)[]): boolean {
  const dotted = path.join('.');
  return locked.some((entry) => dotted === entry || dotted.startsWith(`${entry}.`));
}
