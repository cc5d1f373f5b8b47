import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResponseCache } from '../metadata/ports';
import { writeFileAtomic } from './atomic-write';

const day = 24 * 60 * 60 * 1000;

/**
 * The longest any lookup answer is kept. TMDb's API terms of use require cached TMDb content to
 * be refreshed or deleted within six months (../shared/research/film-metadata.md §1.3, §1.7);
 * 182 days stays inside that for every calendar. Wikidata (CC0) has no such rule; the same
 * ceiling keeps one policy for both.
 */
export const lookupCacheCeilingMs = 182 * day;

interface Entry {
  key: string;
  storedAt: number;
  expiresAt: number;
  value: unknown;
}

export interface LookupCacheOptions {
  now?: () => number;
  /** A cache that cannot be read or written is only slower; the error goes here, not to the critic. */
  onError?: (error: unknown) => void;
}

/**
 * Lookup answers in user data (`<userData>/lookup-cache/`, one JSON file per request, named by a
 * hash of the request without its token), never inside a library.
 */
export class LookupCache implements ResponseCache {
  private readonly now: () => number;
  private readonly onError: (error: unknown) => void;

  constructor(
    readonly dir: string,
    options: LookupCacheOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.onError = options.onError ?? (() => {});
  }

  static inUserData(userDataDir: string, options?: LookupCacheOptions): LookupCache {
    return new LookupCache(join(userDataDir, 'lookup-cache'), options);
  }

  async get(key: string): Promise<unknown> {
    const file = this.fileOf(key);
    let entry: Entry;
    try {
      entry = JSON.parse(await readFile(file, 'utf8')) as Entry;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) this.onError(error);
      return undefined;
    }
    if (entry.key !== key || !this.isFresh(entry)) {
      await rm(file, { force: true }).catch(this.onError);
      return undefined;
    }
    return entry.value;
  }

  async set(key: string, value: unknown, maxAgeMs: number): Promise<void> {
    const storedAt = this.now();
    const entry: Entry = { key, storedAt, expiresAt: storedAt + Math.min(maxAgeMs, lookupCacheCeilingMs), value };
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(this.fileOf(key), JSON.stringify(entry));
    } catch (error) {
      this.onError(error);
    }
  }

  /** Deletes every expired answer (run at start, so nothing outlives the ceiling unread). */
  async prune(): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.onError(error);
      return 0;
    }
    let removed = 0;
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const file = join(this.dir, name);
      let fresh = false;
      try {
        fresh = this.isFresh(JSON.parse(await readFile(file, 'utf8')) as Entry);
      } catch {
        // Unreadable or cut short: worthless, so it goes too.
      }
      if (!fresh) {
        await rm(file, { force: true }).catch(this.onError);
        removed++;
      }
    }
    return removed;
  }

  private isFresh(entry: Entry): boolean {
    const now = this.now();
    return (
      typeof entry.expiresAt === 'number' &&
      typeof entry.storedAt === 'number' &&
      now < entry.expiresAt &&
      now < entry.storedAt + lookupCacheCeilingMs &&
      entry.storedAt <= now + day // a clock set back by more than a day: do not trust the entry
    );
  }

  private fileOf(key: string): string {
    return join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`);
  }
}
