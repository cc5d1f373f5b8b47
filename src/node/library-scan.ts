import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ReviewSummary } from '../contract';
import { summariseReview } from '../library/summary';
import { isTempFile } from './atomic-write';
import { toLibraryPath } from './library-paths';
import { decodeReview, notUtf8Message } from './review-store';

/** Folders that are never part of a library: tools' state and hidden folders. */
function skipFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules' || name === '_site' || name === 'public';
}

export function isReviewFile(name: string): boolean {
  return /\.(md|markdown)$/i.test(name) && !name.startsWith('.');
}

/** Every review file below `root`: page bundles' index.md and loose .md files. */
export async function findReviewFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [root];
  while (pending.length) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: skip it rather than fail the whole library
    }
    for (const entry of entries) {
      // Symlinked folders are not followed: they could loop or lead out of the library.
      if (entry.isDirectory()) {
        if (!skipFolder(entry.name)) pending.push(join(dir, entry.name));
      } else if (entry.isFile() && isReviewFile(entry.name)) {
        found.push(join(dir, entry.name));
      }
    }
  }
  return found;
}

async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  });
  await Promise.all(workers);
  return results;
}

export async function summariseFile(root: string, file: string): Promise<ReviewSummary> {
  const path = toLibraryPath(root, file);
  const fallbackName = basename(file).toLowerCase() === 'index.md' ? basename(join(file, '..')) : basename(file);
  try {
    const { text, valid } = decodeReview(await readFile(file));
    const summary = summariseReview(path, text, fallbackName);
    return valid ? summary : { ...summary, problem: notUtf8Message };
  } catch (error) {
    return {
      path,
      title: fallbackName,
      status: null,
      date: null,
      film: { title: null, year: null },
      problem: `Could not read this file: ${(error as Error).message}`,
    };
  }
}

/** Newest first by review date; undated last; then by headline. */
export function compareReviews(a: ReviewSummary, b: ReviewSummary): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.title.localeCompare(b.title) || a.path.localeCompare(b.path);
}

export async function scanLibrary(root: string): Promise<ReviewSummary[]> {
  const files = await findReviewFiles(root);
  const summaries = await mapLimited(files, 16, (file) => summariseFile(root, file));
  return summaries.sort(compareReviews);
}

/**
 * Removes temp files a crash left behind in the library (see atomic-write). Only old ones:
 * a temp file touched in the last minute may belong to a save still under way.
 */
export async function removeStrayTempFiles(root: string, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  const pending = [root];
  while (pending.length) {
    const dir = pending.pop()!;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') pending.push(full);
      } else if (entry.isFile() && isTempFile(entry.name)) {
        const info = await stat(full).catch(() => null);
        if (info && now - info.mtimeMs > 60_000) {
          await rm(full, { force: true });
          removed.push(toLibraryPath(root, full));
        }
      }
    }
  }
  return removed;
}
