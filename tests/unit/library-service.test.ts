import { mkdir, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostEvent, LibraryInfo } from '../../src/contract';
import { LibraryHost } from '../../src/node/library/library-host';
import { metadataCacheFile } from '../../src/node/library/metadata-cache';
import { LibraryService } from '../../src/node/library/service';
import { tempLibrary } from '../helpers/temp';

let dirs: Awaited<ReturnType<typeof tempLibrary>>;
let events: HostEvent[];
let open: Array<{ close(): Promise<void> }>;

beforeEach(async () => {
  dirs = await tempLibrary();
  events = [];
  open = [];
});
afterEach(async () => {
  for (const thing of open) await thing.close();
  await dirs.cleanup();
});

const info = (): LibraryInfo => ({ root: dirs.root, name: 'library', sample: false });

async function service(watch = false): Promise<LibraryService> {
  const s = await LibraryService.open({
    library: info(),
    userDataDir: dirs.userData,
    emit: (e) => events.push(e),
    bugSink: (error) => {
      throw error;
    },
    watch,
  });
  open.push(s);
  return s;
}

async function host(): Promise<ReturnType<LibraryHost['handlers']> & { host: LibraryHost }> {
  const h = new LibraryHost({ userDataDir: dirs.userData, emit: (e) => events.push(e), bugSink: (e) => console.error(e) });
  await h.open(info());
  await h.service()!.whenIndexed();
  open.push(h);
  return Object.assign(h.handlers(), { host: h });
}

const ctx = { via: 'direct' } as const;
const titles = (s: LibraryService) => Object.fromEntries(s.listing().map((r) => [r.path, r.title]));

describe('library metadata cache', () => {
  it('keeps the cache in user data, keyed by library, never in the library', async () => {
    const before = await readdir(dirs.root, { recursive: true });
    await (await service()).close();
    expect(await readdir(dirs.root, { recursive: true })).toEqual(before);
    const cache = JSON.parse(await readFile(metadataCacheFile(dirs.userData, dirs.root), 'utf8'));
    expect(cache.root).toBe(dirs.root);
    expect(cache.entries).toHaveLength(3);
    expect(metadataCacheFile(dirs.userData, join(dirs.root, 'notes'))).not.toBe(metadataCacheFile(dirs.userData, dirs.root));
  });

  it('does not re-read a file whose mtime and size did not change, and re-reads one that did', async () => {
    const file = join(dirs.root, 'loose-review.md');
    const original = await readFile(file, 'utf8');
    // A whole second, so the file system stores the time exactly.
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    await utimes(file, mtime, mtime);
    await (await service()).close();
    // Same size, same mtime: only a cache that skips the read still shows the old headline.
    await writeFile(file, original.replace('Loose ends', 'Loose bits'));
    await utimes(file, mtime, mtime);
    expect(titles(await service())['loose-review.md']).toBe('Loose ends');
    await writeFile(file, original.replace('Loose ends', 'Loose threads, longer'));
    expect(titles(await service())['loose-review.md']).toBe('Loose threads, longer');
  });

  it('lists new files and forgets deleted ones at the next open', async () => {
    await (await service()).close();
    await writeFile(join(dirs.root, 'new.md'), '---\ntitle: Fresh\n---\n');
    await rm(join(dirs.root, 'loose-review.md'));
    const paths = (await service()).listing().map((r) => r.path);
    expect(paths).toContain('new.md');
    expect(paths).not.toContain('loose-review.md');
  });

  it('lists the same from the cache as from the files, and keeps the cache in listing order', async () => {
    for (const [name, date] of [['b', '2019-05-01'], ['a', '2023-01-09'], ['c', '2021-11-30'], ['d', null]] as const) {
      const dated = date ? `date: ${date}\n` : '';
      await writeFile(join(dirs.root, `${name}.md`), `---\ntitle: "Review ${name}, with a headline long enough"\n${dated}---\nText.\n`);
    }
    const first = await service();
    const read = first.listing();
    await first.close();
    const cached = JSON.parse(await readFile(metadataCacheFile(dirs.userData, dirs.root), 'utf8'));
    expect(cached.entries.map((row: [number, number, { path: string }]) => row[2].path)).toEqual(read.map((r) => r.path));
    expect((await service()).listing()).toEqual(read);
    // One review moves in the order: the cached listing follows, as a fresh read would.
    const file = join(dirs.root, 'b.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('2019-05-01', '2024-02-02'));
    const warm = (await service()).listing();
    await rm(metadataCacheFile(dirs.userData, dirs.root));
    expect(warm).toEqual((await service()).listing());
    expect(warm[0]!.path).toBe('b.md');
  });

  it('reads a corrupt cache as empty instead of failing', async () => {
    await (await service()).close();
    await writeFile(metadataCacheFile(dirs.userData, dirs.root), '{"version": 2, "entr');
    expect((await service()).listing()).toHaveLength(3);
  });

  it('summarises director, rating and tags for the pane', async () => {
    await writeFile(
      join(dirs.root, 'stalker.md'),
      '---\ntitle: Zone\nrating: 9\nrating_scale: 10\ntags: [slow cinema]\nfilm:\n  title: Stalker\n  year: 1979\n  directors: [Andrei Tarkovsky, {name: Somebody Else}]\n---\n',
    );
    const s = await service();
    expect(s.listing().find((r) => r.path === 'stalker.md')).toMatchObject({
      film: { title: 'Stalker', year: 1979, directors: ['Andrei Tarkovsky', 'Somebody Else'] },
      rating: 9,
      ratingScale: 10,
      tags: ['slow cinema'],
    });
  });
});

describe('library listing memory', () => {
  it('keeps the summaries, not the reviews they were read from', async () => {
    // The YAML parser's strings are views into the file's text: a summary holding one would keep
    // its whole review alive. 150 reviews of ~60 KB: 9 MB of text a listing must not hold.
    const body = 'A long paragraph about the film, its light and its silences. '.repeat(1000);
    for (let i = 0; i < 150; i++) {
      const front = `---\ntitle: "A headline long enough to be a view, number ${i}"\ntags: [a tag long enough to slice]\nsummary: "A summary long enough to be a view into the text"\nfilm:\n  title: "A film title long enough, ${i}"\n  directors: [A director named at length]\n---\n`;
      await writeFile(join(dirs.root, `review-${i}.md`), front + body);
    }
    const collect = (globalThis as { gc?: () => void }).gc ?? (setFlagsFromString('--expose-gc'), runInNewContext('gc') as () => void);
    collect();
    const before = process.memoryUsage().heapUsed;
    const s = await service();
    expect(s.listing()).toHaveLength(153);
    collect();
    collect();
    const held = process.memoryUsage().heapUsed - before;
    // Owned summaries are a few hundred KB; views would hold the 9 MB.
    expect(held).toBeLessThan(3_000_000);
  });
});

describe('library search', () => {
  it('finds words in bodies with a marked snippet, and film facts', async () => {
    const s = await service();
    await s.whenIndexed();
    const result = await s.search('novocherkassk');
    expect(result.paths).toEqual(['dear-comrades-2020/index.md']);
    const [snippet] = result.snippets;
    expect(snippet!.text).toContain('Novocherkassk massacre');
    expect(snippet!.ranges.map(([a, b]) => snippet!.text.slice(a, b))).toEqual(['Novocherkassk']);
    expect((await s.search('mirror')).paths).toEqual(['loose-review.md']);
    expect(result.indexing).toBeNull();
  });
});

/** Waits for a condition the watcher brings about; fails after `ms`. */
async function until(check: () => boolean, ms = 1500): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms; events: ${JSON.stringify(events.map((e) => e.name))}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

const changed = (path: string) => events.filter((e) => e.name === 'review.changedOnDisk' && e.payload.path === path);

describe('watching the library', () => {
  it('shows reviews added, changed and removed by other programs within a second', async () => {
    const h = await host();
    const list = async () => (await h['library.list']({}, ctx)).reviews.map((r) => `${r.path}:${r.title}`);
    await writeFile(join(dirs.root, 'from-git.md'), '---\ntitle: Pulled from git\n---\nText.\n');
    expect(await until(() => events.some((e) => e.name === 'library.changed'))).toBeLessThan(1000);
    expect(await list()).toContain('from-git.md:Pulled from git');
    events.length = 0;
    await writeFile(join(dirs.root, 'from-git.md'), '---\ntitle: Edited elsewhere\n---\nText.\n');
    await until(() => events.some((e) => e.name === 'library.changed'), 1000);
    expect(await list()).toContain('from-git.md:Edited elsewhere');
    expect((await h['library.search']({ query: 'edited elsewhere' }, ctx)).paths).toEqual(['from-git.md']);
    events.length = 0;
    await rm(join(dirs.root, 'from-git.md'));
    await until(() => events.some((e) => e.name === 'library.changed'), 1000);
    expect((await list()).some((p) => p.startsWith('from-git.md'))).toBe(false);
  });

  it('reports an outside change to a review the renderer read, but not Intertitle’s own saves', async () => {
    const h = await host();
    const file = await h['review.read']({ path: 'loose-review.md' }, ctx);
    let revision = file.revision;
    for (let i = 0; i < 5; i++) {
      revision = (await h['review.save']({ path: 'loose-review.md', text: `${file.text}\nSave ${i}.\n`, bom: false, baseRevision: revision }, ctx)).revision;
    }
    await new Promise((resolve) => setTimeout(resolve, 600));
    await h.host.service()!.settled();
    expect(changed('loose-review.md')).toEqual([]);
    await writeFile(join(dirs.root, 'loose-review.md'), 'Changed by another editor.\n');
    await until(() => changed('loose-review.md').length > 0, 1000);
    const [event] = changed('loose-review.md');
    expect(event!.payload).toEqual({ path: 'loose-review.md', revision: expect.any(String) });
    expect((event!.payload as { revision: string }).revision).not.toBe(revision);
  });

  it('reports a review deleted on disk, and one renamed with where it went', async () => {
    const h = await host();
    await h['review.read']({ path: 'loose-review.md' }, ctx);
    await h['review.read']({ path: 'dear-comrades-2020/index.md' }, ctx);
    await rm(join(dirs.root, 'loose-review.md'));
    await rename(join(dirs.root, 'dear-comrades-2020'), join(dirs.root, 'dear-comrades'));
    await until(() => changed('loose-review.md').length > 0 && changed('dear-comrades-2020/index.md').length > 0, 1500);
    expect(changed('loose-review.md')[0]!.payload).toEqual({ path: 'loose-review.md', revision: null });
    expect(changed('dear-comrades-2020/index.md')[0]!.payload).toEqual({
      path: 'dear-comrades-2020/index.md',
      revision: null,
      renamedTo: 'dear-comrades/index.md',
    });
  });

  it('ignores temp files, hidden folders and files that are not reviews', async () => {
    const h = await host();
    await writeFile(join(dirs.root, '.loose-review.md.abc.intertitle-tmp'), 'partial');
    await mkdir(join(dirs.root, '.git'), { recursive: true });
    await writeFile(join(dirs.root, '.git', 'notes.md'), 'x');
    await writeFile(join(dirs.root, 'notes.txt'), 'x');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(events.filter((e) => e.name === 'library.changed')).toEqual([]);
    expect((await h['library.list']({}, ctx)).reviews).toHaveLength(3);
  });
});

describe('trash', () => {
  it('uses the host’s system trash when it has one (Electron’s shell.trashItem): the whole bundle goes', async () => {
    const trashed: string[] = [];
    const h = new LibraryHost({
      userDataDir: dirs.userData,
      emit: (e) => events.push(e),
      bugSink: (e) => console.error(e),
      watch: false,
      trash: async (path) => {
        trashed.push(path);
        await rm(path, { recursive: true });
      },
    });
    await h.open(info());
    open.push(h);
    expect(h.trashKind).toBe('system');
    expect(await h.handlers()['review.trash']({ path: 'dear-comrades-2020/index.md' }, ctx)).toEqual({ trashedTo: null });
    expect(trashed).toEqual([join(dirs.root, 'dear-comrades-2020')]);
    expect((await h.handlers()['library.list']({}, ctx)).reviews.map((r) => r.path)).toEqual(['loose-review.md', 'notes/broken.md']);
    // Nothing of Intertitle's goes into user data's trash folder on this host.
    expect((await readdir(dirs.userData, { recursive: true })).some((p) => p.includes('trash'))).toBe(false);
  });

  it('says why when the system trash refuses', async () => {
    const h = new LibraryHost({
      userDataDir: dirs.userData,
      emit: () => {},
      bugSink: () => {},
      watch: false,
      trash: async () => {
        throw new Error('Failed to move item to trash');
      },
    });
    await h.open(info());
    open.push(h);
    await expect(h.handlers()['review.trash']({ path: 'loose-review.md' }, ctx)).rejects.toThrow(
      'Could not move loose-review.md to the trash: Failed to move item to trash',
    );
    expect(await readFile(join(dirs.root, 'loose-review.md'), 'utf8')).toContain('Loose ends');
  });
});
