import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LookupCache, lookupCacheCeilingMs } from '../../src/node/lookup-cache';
import { tempDir } from '../helpers/temp';

const day = 24 * 60 * 60 * 1000;
let dir: string;
let cleanup: () => Promise<void>;
let now: number;
let cache: LookupCache;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('intertitle-lookup-cache-'));
  now = Date.parse('2026-01-15T10:00:00Z');
  cache = LookupCache.inUserData(dir, { now: () => now });
});
afterEach(() => cleanup());

describe('the lookup cache in user data', () => {
  it('answers with what was stored until it expires, then forgets it and deletes the file', async () => {
    await cache.set('tmdb:movie:653', { id: 653 }, 30 * day);
    expect(await cache.get('tmdb:movie:653')).toEqual({ id: 653 });
    now += 30 * day - 1;
    expect(await cache.get('tmdb:movie:653')).toEqual({ id: 653 });
    now += 1;
    expect(await cache.get('tmdb:movie:653')).toBeUndefined();
    expect(await readdir(join(dir, 'lookup-cache'))).toEqual([]);
  });

  it('never keeps anything longer than TMDb’s terms allow (six months), whatever the provider asked', async () => {
    expect(lookupCacheCeilingMs).toBeLessThanOrEqual(183 * day);
    await cache.set('k', 'v', 365 * day);
    now += lookupCacheCeilingMs - 1;
    expect(await cache.get('k')).toBe('v');
    now += 1;
    expect(await cache.get('k')).toBeUndefined();
  });

  it('prune deletes expired and unreadable entries and keeps fresh ones', async () => {
    await cache.set('old', 1, 1 * day);
    await cache.set('fresh', 2, 10 * day);
    await writeFile(join(dir, 'lookup-cache', 'cut-short.json'), '{"key":"x","stor');
    now += 2 * day;
    expect(await cache.prune()).toBe(2);
    expect(await readdir(join(dir, 'lookup-cache'))).toHaveLength(1);
    expect(await cache.get('fresh')).toBe(2);
  });

  it('an entry from a clock far in the future is not trusted', async () => {
    await cache.set('k', 'v', 10 * day);
    now -= 3 * day;
    expect(await cache.get('k')).toBeUndefined();
  });

  it('files are named by a hash: no request text (or token) in a file name', async () => {
    await cache.set('wikidata:action=wbsearchentities&search=Nosferatu', { search: [] }, day);
    const [name] = await readdir(join(dir, 'lookup-cache'));
    expect(name).toMatch(/^[0-9a-f]{40}\.json$/);
    expect(JSON.parse(await readFile(join(dir, 'lookup-cache', name!), 'utf8'))).toMatchObject({ key: 'wikidata:action=wbsearchentities&search=Nosferatu' });
  });

  it('a cache it cannot write is only slower: the error is reported, not thrown', async () => {
    const errors: unknown[] = [];
    const blocked = new LookupCache(join(dir, 'file-not-folder', 'x'), { onError: (e) => errors.push(e) });
    await writeFile(join(dir, 'file-not-folder'), 'not a folder');
    await blocked.set('k', 'v', day);
    expect(errors).toHaveLength(1);
    expect(await blocked.get('k')).toBeUndefined();
  });
});
