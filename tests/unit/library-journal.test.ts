import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from '../../src/node/journal';
import { libraryStateDir } from '../../src/node/library/state-dir';
import { revisionOf } from '../../src/node/review-store';
import { tempLibrary } from '../helpers/temp';

let dirs: Awaited<ReturnType<typeof tempLibrary>>;
let journal: Journal;
let dir: string;
beforeEach(async () => {
  dirs = await tempLibrary();
  dir = join(libraryStateDir(dirs.userData, dirs.root), 'journal');
  journal = new Journal(dir, dirs.root, () => new Date('2024-05-01T12:00:00Z'));
});
afterEach(() => dirs.cleanup());

describe('recovery journal', () => {
  it('lives in user data, keyed by library, and never touches the library', async () => {
    await journal.write({ path: 'loose-review.md', text: 'unsaved', bom: false, baseRevision: null });
    expect(dir.startsWith(dirs.userData)).toBe(true);
    expect(libraryStateDir(dirs.userData, join(dirs.root, 'other'))).not.toBe(libraryStateDir(dirs.userData, dirs.root));
    expect((await readdir(dirs.root)).sort()).toEqual(['dear-comrades-2020', 'loose-review.md', 'notes']);
  });

  it('keeps one unsaved entry per review, replaced as the critic types, and offers it with the disk revision', async () => {
    const disk = await readFile(join(dirs.root, 'loose-review.md'));
    await journal.write({ path: 'loose-review.md', text: 'first', bom: false, baseRevision: revisionOf(disk) });
    await journal.write({ path: 'loose-review.md', text: 'second', bom: false, baseRevision: revisionOf(disk) });
    expect(await journal.list()).toEqual([
      expect.objectContaining({ path: 'loose-review.md', text: 'second', kind: 'unsaved', diskRevision: revisionOf(disk), savedAt: '2024-05-01T12:00:00.000Z' }),
    ]);
  });

  it('keeps a version set aside in a conflict beside the unsaved one', async () => {
    await journal.write({ path: 'loose-review.md', text: 'mine', bom: false, baseRevision: 'r0', setAside: true });
    await journal.write({ path: 'loose-review.md', text: 'typing on', bom: false, baseRevision: 'r1' });
    await journal.clear('loose-review.md');
    expect((await journal.list()).map((e) => [e.kind, e.text])).toEqual([['set-aside', 'mine']]);
  });

  it('offers text for a review deleted since, with no disk revision', async () => {
    await journal.write({ path: 'loose-review.md', text: 'words', bom: false, baseRevision: 'r0' });
    await rm(join(dirs.root, 'loose-review.md'));
    expect(await journal.list()).toMatchObject([{ path: 'loose-review.md', diskRevision: null }]);
  });

  it('moves a corrupt entry aside and still offers the others', async () => {
    await journal.write({ path: 'loose-review.md', text: 'good', bom: false, baseRevision: null });
    await writeFile(join(dir, 'garbage.json'), '{"path": "x.md", "te');
    expect((await journal.list()).map((e) => e.text)).toEqual(['good']);
    expect((await readdir(dir)).sort()).toContain('garbage.json.corrupt');
  });
});
