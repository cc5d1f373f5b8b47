import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';

/** How the library service reads review files, and keeps what it read from them. */

/**
 * A copy of plain data whose strings own their characters. V8 makes a substring of 13 or more
 * characters a view into its parent, and the YAML parser's strings are substrings of the file's
 * text: a summary kept for the listing kept the whole review in memory (10,000 reviews held
 * ~90 MB that way, and the collector copying it made a rescan slower). Prepending a character
 * and slicing it off makes a flat string of the substring alone; a JSON round trip does the same
 * at twice the cost.
 */
export function ownStrings<T>(value: T): T {
  if (typeof value === 'string') return (value.length < 13 ? value : (' ' + value).slice(1)) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(ownStrings) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = ownStrings(item);
  return copy as T;
}

/**
 * Reads a file another program just changed. An empty read may be a program caught between
 * truncating and writing (Joplin #741): it is read again once, a moment later.
 */
export async function readSettled(file: string): Promise<{ bytes: Uint8Array; stats: Stats } | null> {
  for (let attempt = 0; ; attempt++) {
    const stats = statSync(file, { throwIfNoEntry: false });
    if (!stats?.isFile()) return null;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    if (bytes.length > 0 || attempt > 0) return { bytes, stats: statSync(file, { throwIfNoEntry: false }) ?? stats };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Reads a file and its stat with one path lookup (open, fstat, read); null when it is gone. */
export function readWithStats(file: string): { bytes: Buffer; stats: Stats } | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    const bytes = Buffer.allocUnsafe(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, null);
      if (n === 0) break;
      read += n;
    }
    return { bytes: read === bytes.length ? bytes : bytes.subarray(0, read), stats };
  } finally {
    closeSync(fd);
  }
}
