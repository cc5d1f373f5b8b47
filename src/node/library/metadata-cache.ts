import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ReviewSummary } from '../../contract';
import type { SearchFacts } from '../../library/search-fields';
import { writeFileAtomic } from '../atomic-write';
import { libraryStateDir } from './state-dir';

/** Bump when ReviewSummary or the summariser changes, so old caches are read again. */
export const cacheVersion = 3;

/**
 * What the cache remembers of one file: the stat it was read at, its summary, and the
 * front-matter text the search index needs (null for a file whose front matter does not parse).
 */
export interface CachedEntry {
  mtimeMs: number;
  size: number;
  summary: ReviewSummary;
  facts: SearchFacts | null;
}

export function metadataCacheFile(userDataDir: string, root: string): string {
  return join(libraryStateDir(userDataDir, root), 'metadata.json');
}

/**
 * Loads a library's metadata cache. Missing, corrupt, old-version or other-library caches read
 * as empty: the cache only saves time, it is never the truth.
 */
export function loadMetadataCache(userDataDir: string, root: string): Map<string, CachedEntry> {
  const entries = new Map<string, CachedEntry>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(metadataCacheFile(userDataDir, root), 'utf8'));
  } catch {
    return entries;
  }
  const data = parsed as { version?: unknown; root?: unknown; entries?: unknown };
  if (data?.version !== cacheVersion || data.root !== root || !Array.isArray(data.entries)) return entries;
  for (const row of data.entries as unknown[]) {
    if (!Array.isArray(row) || row.length !== 4) continue;
    const [mtimeMs, size, summary, facts] = row as [unknown, unknown, ReviewSummary, SearchFacts | null];
    if (typeof mtimeMs !== 'number' || typeof size !== 'number' || typeof summary?.path !== 'string') continue;
    entries.set(summary.path, { mtimeMs, size, summary, facts: typeof facts?.film === 'string' ? facts : null });
  }
  return entries;
}

/** Writes the cache atomically (a crash leaves the old cache or the new one). */
export async function saveMetadataCache(userDataDir: string, root: string, entries: Iterable<CachedEntry>): Promise<void> {
  const file = metadataCacheFile(userDataDir, root);
  await mkdir(dirname(file), { recursive: true });
  const rows = [...entries].map((e) => [e.mtimeMs, e.size, e.summary, e.facts]);
  await writeFileAtomic(file, JSON.stringify({ version: cacheVersion, root, entries: rows }));
}
