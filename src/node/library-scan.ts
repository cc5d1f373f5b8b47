import { readdirSync, readFileSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import type { ReviewSummary } from '../contract';
import { summariseParsed, unreadableSummary } from '../library/summary';
import { parseFrontMatter, type FrontMatter } from '../review/front-matter';
import { isTempFile } from './atomic-write';
import { toLibraryPath } from './library-paths';
import { decodeReview, notUtf8Message } from './review-store';

/** Folders that are never part of a library: tools' state, hidden folders and site output. */
export function skipFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules' || name === '_site' || name === 'public';
}

export function isReviewFile(name: string): boolean {
  return /\.(md|markdown)$/i.test(name) && !name.startsWith('.');
}

/**
 * Every review file below `root`: page bundles' index.md and loose .md files. Synchronous on
 * purpose: for 10,000 files a plain loop is several times faster than parallel async readdir
 * (research/performance.md §6), and the service yields between the larger steps.
 */
export function walkReviewFiles(root: string): string[] {
  return walkLibrary(root).map((found) => found.file);
}

/** Every review file below `root` with its library path (built while walking: no path.relative per file). */
export function walkLibrary(root: string): Array<{ file: string; path: string }> {
  const found: Array<{ file: string; path: string }> = [];
  // Each folder as it is spelled with its trailing separator, so that a name is appended
  // rather than joined (path.join normalises the whole path again, once per file).
  const pending: Array<[dir: string, prefix: string]> = [[join(root, sep), '']];
  while (pending.length) {
    const [dir, prefix] = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: skip it rather than fail the whole library
    }
    for (const entry of entries) {
      const name = entry.name;
      // Symlinked folders are not followed: they could loop or lead out of the library.
      if (entry.isDirectory()) {
        if (!skipFolder(name)) pending.push([dir + name + sep, `${prefix}${name}/`]);
      } else if (entry.isFile() && isReviewFile(name)) {
        found.push({ file: dir + name, path: prefix + name });
      }
    }
  }
  return found;
}

/** Every review file below `root` (see walkReviewFiles). */
export async function findReviewFiles(root: string): Promise<string[]> {
  return walkReviewFiles(root);
}

/** The name a review is listed under when it has no headline: its bundle folder or file name. */
export function fallbackNameOf(file: string): string {
  return basename(file).toLowerCase() === 'index.md' ? basename(join(file, '..')) : basename(file);
}

export interface ReadSummary {
  summary: ReviewSummary;
  film: Record<string, unknown> | null;
}

/** Reads and summarises one review file; never throws (an unreadable file is listed with why). */
export function summariseFileSync(root: string, file: string): ReadSummary {
  const path = toLibraryPath(root, file);
  try {
    return summariseBytes(path, fallbackNameOf(file), readFileSync(file));
  } catch (error) {
    return { summary: unreadableSummary(path, fallbackNameOf(file), `Could not read this file: ${(error as Error).message}`), film: null };
  }
}

export function summariseBytes(path: string, fallbackName: string, bytes: Uint8Array): ReadSummary {
  const { summary, film } = parseReviewBytes(path, fallbackName, bytes);
  return { summary, film };
}

/** Decodes and parses a review once, for both its summary and (in the host) its search fields. */
export function parseReviewBytes(path: string, fallbackName: string, bytes: Uint8Array): ReadSummary & { frontMatter: FrontMatter } {
  const { text, valid } = decodeReview(bytes);
  const frontMatter = parseFrontMatter(text);
  const read = summariseParsed(path, frontMatter, fallbackName);
  return { summary: valid ? read.summary : { ...read.summary, problem: notUtf8Message }, film: read.film, frontMatter };
}

export async function summariseFile(root: string, file: string): Promise<ReviewSummary> {
  return summariseFileSync(root, file).summary;
}

/** One collator for every comparison: String#localeCompare sets one up per call, over twice as slow at 10,000 reviews. */
const collator = new Intl.Collator();

/** Newest first by review date; undated last; then by headline. */
export function compareReviews(a: ReviewSummary, b: ReviewSummary): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return collator.compare(a.title, b.title) || collator.compare(a.path, b.path);
}

/** Reads every review of a library, without a cache (the CLI; the app uses LibraryService). */
export async function scanLibrary(root: string): Promise<ReviewSummary[]> {
  return (await scanLibraryWithFilm(root)).map((r) => r.summary);
}

/** As scanLibrary, with each review's whole `film` block (for `intertitle scan --json`). */
export async function scanLibraryWithFilm(root: string): Promise<ReadSummary[]> {
  const read = walkReviewFiles(root).map((file) => summariseFileSync(root, file));
  return read.sort((a, b) => compareReviews(a.summary, b.summary));
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

/**
 * One review in `intertitle scan --json` (stable, documented in docs/library.md): the summary's
 * fields, with `film` being the review's whole film block (title and year normalised).
 */
export function scanRow({ summary, film }: ReadSummary): Record<string, unknown> {
  return {
    path: summary.path,
    title: summary.title,
    status: summary.status,
    date: summary.date,
    rating: summary.rating,
    rating_scale: summary.ratingScale,
    tags: summary.tags,
    film: { ...film, title: summary.film.title, year: summary.film.year },
    ...(summary.problem ? { problem: summary.problem } : {}),
  };
}
