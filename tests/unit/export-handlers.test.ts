import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostError } from '../../src/contract';
import { exportFolder, exportHandlers } from '../../src/node/export-handlers';
import { runExport } from '../../src/node/export-runner';
import { writeExport } from '../../src/node/export-writer';
import { exportFixture, reviewPath, type ExportFixture } from '../helpers/export-fixture';

let fixture: ExportFixture;
beforeEach(async () => {
  fixture = await exportFixture();
});
afterEach(() => fixture.cleanup());

const library = () => ({ root: fixture.root, name: 'library', sample: false });

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HostError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a HostError');
}

describe('the folder an export goes in', () => {
  it('is made when only its last part is missing', async () => {
    const dir = await exportFolder(join(fixture.out, 'new'), fixture.root);
    expect(dir).toBe(join(fixture.out, 'new'));
  });

  it.each([
    ['inside the library', () => join(fixture.root, 'every-construct-1902'), 'invalid-args', /outside the library/],
    ['a file', () => fixture.file, 'invalid-args', /is a file, not a folder/],
    ['below a missing folder', () => join(fixture.out, 'a', 'b'), 'not-found', /There is no folder at .*out\/a/],
  ])('is refused when it is %s', async (_what, path, code, message) => {
    expect(await failure(exportFolder(path(), fixture.root))).toEqual({ code, message: expect.stringMatching(message) });
  });

  it('is refused when a link makes it the library', async () => {
    await symlink(fixture.root, join(fixture.out, 'link'));
    expect((await failure(exportFolder(join(fixture.out, 'link'), fixture.root))).code).toBe('invalid-args');
  });
});

describe('export.save', () => {
  it('asks the host’s folder picker when no folder is typed, and does nothing when the critic cancels', async () => {
    let answer: string | null = null;
    const handlers = exportHandlers({ library, chooseFolder: async () => answer });
    expect(await handlers.save({ path: reviewPath, target: 'ghost-html' })).toBeNull();
    answer = fixture.out;
    const saved = await handlers.save({ path: reviewPath, target: 'ghost-html' });
    expect(saved?.outDir).toBe(fixture.out);
    expect(await readFile(join(fixture.out, 'every-construct-in-one-review.ghost.html'), 'utf8')).toContain('<figure>');
  });
});

describe('clipboard.write', () => {
  it('hands HTML and text to the host’s clipboard', () => {
    const written: unknown[] = [];
    const handlers = exportHandlers({ library, writeClipboard: (data) => written.push(data) });
    expect(handlers.writeClipboard({ html: '<p>x</p>', text: 'x' })).toBeNull();
    expect(handlers.writeClipboard({ text: 'only text' })).toBeNull();
    expect(written).toEqual([{ html: '<p>x</p>', text: 'x' }, { text: 'only text' }]);
  });
});

describe('writing an export', () => {
  it('checks every target before writing anything: a folder where a file goes stops it', async () => {
    const result = await runExport({ target: 'html', root: fixture.root, reviewPath });
    await mkdir(join(fixture.out, 'every-construct-in-one-review', 'index.html'), { recursive: true });
    const error = await failure(writeExport(result, { outDir: fixture.out, root: fixture.root, protect: [fixture.file] }));
    expect(error).toEqual({ code: 'conflict', message: expect.stringMatching(/index\.html is a folder/) });
    await expect(readFile(join(fixture.out, 'every-construct-in-one-review', 'stills', '01-rocket.png'))).rejects.toThrow();
  });

  it('never replaces a markdown file it did not export, such as another review', async () => {
    const result = await runExport({ target: 'hugo', root: fixture.root, reviewPath });
    const other = join(fixture.out, 'every-construct-in-one-review', 'index.md');
    await mkdir(join(fixture.out, 'every-construct-in-one-review'));
    await writeFile(other, '---\ntitle: Another review\n---\nMine.\n');
    const error = await failure(writeExport(result, { outDir: fixture.out, root: fixture.root, protect: [fixture.file] }));
    expect(error).toEqual({ code: 'conflict', message: expect.stringMatching(/index\.md is a markdown file Intertitle did not export/) });
    expect(await readFile(other, 'utf8')).toBe('---\ntitle: Another review\n---\nMine.\n');
    // An earlier export of its own it replaces.
    await writeFile(other, result.files[0]!.content.replace('Méliès', 'M.'));
    await writeExport(result, { outDir: fixture.out, root: fixture.root, protect: [fixture.file] });
    expect(await readFile(other, 'utf8')).toBe(result.files[0]!.content);
  });

  it('refuses a result that names a file outside the folder', async () => {
    const result = await runExport({ target: 'html', root: fixture.root, reviewPath });
    const escaping = { ...result, files: [{ path: '../escaped.html', content: 'x' }], main: '../escaped.html' };
    expect((await failure(writeExport(escaping, { outDir: fixture.out, root: fixture.root, protect: [] }))).code).toBe('internal');
  });
});
