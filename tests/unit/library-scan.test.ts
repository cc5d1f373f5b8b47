import { mkdir, writeFile, utimes, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findReviewFiles, removeStrayTempFiles, scanLibrary } from '../../src/node/library-scan';
import { tempLibrary } from '../helpers/temp';

let dirs: Awaited<ReturnType<typeof tempLibrary>>;
beforeEach(async () => {
  dirs = await tempLibrary();
});
afterEach(() => dirs.cleanup());

describe('library scan', () => {
  it('finds bundles and loose files and skips .git, node_modules and hidden folders', async () => {
    for (const folder of ['.git', 'node_modules/pkg', '.obsidian', 'drafts/.trash']) {
      await mkdir(join(dirs.root, folder), { recursive: true });
      await writeFile(join(dirs.root, folder, 'README.md'), '# not a review');
    }
    await writeFile(join(dirs.root, '.hidden.md'), 'hidden');
    const files = (await findReviewFiles(dirs.root)).map((f) => f.slice(dirs.root.length + 1)).sort();
    expect(files).toEqual(['dear-comrades-2020/index.md', 'loose-review.md', 'notes/broken.md']);
  });

  it('summarises each review: headline, film, status; falls back to a heading or the folder name', async () => {
    await mkdir(join(dirs.root, 'untitled-bundle'));
    await writeFile(join(dirs.root, 'untitled-bundle', 'index.md'), 'No front matter at all.\n');
    await writeFile(join(dirs.root, 'heading.md'), '# Stalker, again\n\nText.\n');
    const reviews = await scanLibrary(dirs.root);
    const byPath = Object.fromEntries(reviews.map((r) => [r.path, r]));
    expect(byPath['untitled-bundle/index.md']!.title).toBe('untitled-bundle');
    expect(byPath['heading.md']!.title).toBe('Stalker, again');
    expect(byPath['loose-review.md']).toMatchObject({ title: 'Loose ends', status: 'draft', date: '2021-03-02', film: { title: 'Mirror', year: 1975 } });
    expect(byPath['notes/broken.md']!.problem).toBeDefined();
    expect(byPath['notes/broken.md']!.title).toBe('broken.md');
  });

  it('flags a file that is not UTF-8 instead of failing the library', async () => {
    await writeFile(join(dirs.root, 'latin1.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]));
    const reviews = await scanLibrary(dirs.root);
    expect(reviews.find((r) => r.path === 'latin1.md')!.problem).toMatch(/UTF-8/);
  });

  it('reads every file afresh after one that is not UTF-8 (the decoder is shared)', async () => {
    // Ends inside a multi-byte character: a decoder that kept that state would spoil the next file.
    for (let i = 0; i < 4; i++) {
      await writeFile(join(dirs.root, `cut-${i}.md`), Buffer.from([0x23, 0x20, 0x41, 0xe2, 0x82]));
      await writeFile(join(dirs.root, `fine-${i}.md`), `---\ntitle: "Été ${i} — ok"\n---\nText.\n`);
    }
    const reviews = await scanLibrary(dirs.root);
    for (let i = 0; i < 4; i++) {
      expect(reviews.find((r) => r.path === `cut-${i}.md`)!.problem).toMatch(/UTF-8/);
      expect(reviews.find((r) => r.path === `fine-${i}.md`)).toMatchObject({ title: `Été ${i} — ok` });
      expect(reviews.find((r) => r.path === `fine-${i}.md`)!.problem).toBeUndefined();
    }
  });

  it('removes temp files a crash left behind, but not fresh ones', async () => {
    const old = join(dirs.root, '.index.md.abc123.intertitle-tmp');
    const fresh = join(dirs.root, 'notes', '.broken.md.def456.intertitle-tmp');
    await writeFile(old, 'partial');
    await writeFile(fresh, 'in progress');
    const hourAgo = new Date(Date.now() - 3600_000);
    await utimes(old, hourAgo, hourAgo);
    expect(await removeStrayTempFiles(dirs.root)).toEqual(['.index.md.abc123.intertitle-tmp']);
    expect(await readdir(join(dirs.root, 'notes'))).toContain('.broken.md.def456.intertitle-tmp');
  });
});
