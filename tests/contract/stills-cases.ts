import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Envelope } from '../../src/contract';
import { corruptJpeg, jpeg } from '../helpers/still-images';

interface Caller {
  call(name: string, args: unknown): Promise<Envelope<unknown>>;
}

interface Dirs {
  root: string;
  userData: string;
}

const review = 'dear-comrades-2020/index.md';

async function ok<T>(promise: Promise<Envelope<unknown>>): Promise<T> {
  const envelope = await promise;
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

async function failure(promise: Promise<Envelope<unknown>>): Promise<{ code: string; message: string }> {
  const envelope = await promise;
  if (envelope.ok) throw new Error(`expected a failure, got ${JSON.stringify(envelope.value)}`);
  return envelope.error;
}

/**
 * The `stills.*` requests, run by tests/contract/conformance.test.ts against the in-process
 * handlers and over HTTP (docs/stills.md).
 */
export function stillsContractCases(host: () => Caller, dirs: () => Dirs): void {
  const stills = () => join(dirs().root, 'dear-comrades-2020', 'stills');

  it('stills.list gives the folder’s stills and each reference’s size, null for a missing one', async () => {
    const listing = await ok<{ files: Array<{ src: string; width: number }>; refs: Record<string, unknown>; settings: { webSize: number } }>(
      host().call('stills.list', { path: review, refs: ['stills/01-march.png', 'stills/gone.jpg', '../loose-review.md'] }),
    );
    expect(listing.files.map((f) => f.src)).toEqual(['stills/01-march.png']);
    expect(listing.refs['stills/01-march.png']).toMatchObject({ src: 'stills/01-march.png', libraryPath: 'dear-comrades-2020/stills/01-march.png', derivative: null });
    expect(listing.refs['stills/gone.jpg']).toBeNull();
    expect(listing.refs['../loose-review.md']).toBeNull();
    expect(listing.settings).toEqual({ webSize: 2000, defaultCredit: 'Courtesy of {distributor}' });
  });

  it('stills.import copies a picture sent as base64 and makes its web derivative', async () => {
    const bytes = await jpeg(2400, 1200);
    const { still } = await ok<{ still: { src: string; derivative: string; width: number } }>(
      host().call('stills.import', { path: review, name: 'Lenin portrait.jpg', data: bytes.toString('base64') }),
    );
    expect(still).toMatchObject({ src: 'stills/02-lenin-portrait.jpg', derivative: 'stills/02-lenin-portrait.web.jpg', width: 2000 });
    expect(await readFile(join(stills(), '02-lenin-portrait.jpg'))).toEqual(bytes);
  });

  it.each([
    ['an empty picture', { name: 'empty.jpg', data: '' }, /empty \(0 bytes\)/],
    ['neither bytes nor a chosen file', { name: 'x.jpg' }, /either the picture/],
    ['a file chosen in no dialog', { name: 'x.jpg', picked: 'abcdefgh1234' }, /choose it again/],
  ])('stills.import refuses %s', async (_, args, message) => {
    const error = await failure(host().call('stills.import', { path: review, ...args }));
    expect(error.message).toMatch(message);
    expect(await readdir(stills())).toEqual(['01-march.png']);
  });

  it('stills.import refuses a corrupt picture with its name and writes nothing', async () => {
    const error = await failure(host().call('stills.import', { path: review, name: 'cut.jpg', data: (await corruptJpeg()).toString('base64') }));
    expect(error).toMatchObject({ code: 'invalid-args', message: expect.stringContaining('“cut.jpg” is damaged') });
    expect(await readdir(stills())).toEqual(['01-march.png']);
  });

  it('stills.choose needs the host’s file dialog', async () => {
    expect((await failure(host().call('stills.choose', {}))).code).toBe('unsupported');
  });

  it('stills.trash moves a still and its derivative to the app’s trash folder, outside the library', async () => {
    await writeFile(join(stills(), '01-march.web.jpg'), await jpeg(20, 10));
    const { trashedTo } = await ok<{ trashedTo: string }>(host().call('stills.trash', { path: review, src: 'stills/01-march.png' }));
    expect(trashedTo.startsWith(join(dirs().userData, 'libraries'))).toBe(true);
    expect((await readdir(trashedTo)).sort()).toEqual(['01-march.png', '01-march.web.jpg']);
    expect(await readdir(stills())).toEqual([]);
  });

  it('stills.derive makes the web copy of a still that has none, once', async () => {
    await writeFile(join(stills(), '05-big.jpg'), await jpeg(3000, 2000));
    const still = await ok<{ derivative: string; width: number }>(host().call('stills.derive', { path: review, src: 'stills/05-big.jpg' }));
    expect(still).toMatchObject({ derivative: 'stills/05-big.web.jpg', width: 2000 });
    expect((await failure(host().call('stills.derive', { path: review, src: 'stills/05-big.jpg' }))).code).toBe('conflict');
  });

  it('stills.settings.set keeps the library’s web size and default credit, and checks them', async () => {
    expect(await ok(host().call('stills.settings.set', { webSize: 1600, defaultCredit: '© {distributor}' }))).toEqual({ webSize: 1600, defaultCredit: '© {distributor}' });
    const listing = await ok<{ settings: unknown }>(host().call('stills.list', { path: review, refs: [] }));
    expect(listing.settings).toEqual({ webSize: 1600, defaultCredit: '© {distributor}' });
    expect((await failure(host().call('stills.settings.set', { webSize: 12 }))).message).toMatch(/at least 480 pixels/);
  });

  // Confinement (issue 4): every way out of the library is refused, and nothing moves.
  it.each([
    ['.. segments', { src: '../../outside.png' }],
    ['encoded ..', { src: '%2e%2e/%2e%2e/outside.png' }],
    ['encoded slashes', { src: '..%2f..%2foutside.png' }],
    ['backslashes', { src: '..\\..\\outside.png' }],
    ['an absolute path', { src: '/etc/outside.png' }],
    ['a Windows drive', { src: 'C:/outside.png' }],
    ['a symlink out of the library', { src: 'stills/escape.png' }],
    ['a NUL byte', { src: 'stills/01-march.png\u0000.png' }],
    ['a review path leaving the library', { path: '../elsewhere/index.md', src: 'stills/01-march.png' }],
    ['not an image', { src: 'index.md' }],
  ])('stills.trash and stills.derive refuse %s', async (_, args) => {
    await writeFile(join(dirs().root, '..', 'outside.png'), await jpeg(10, 10));
    await symlink(join(dirs().root, '..', 'outside.png'), join(stills(), 'escape.png')).catch(() => {});
    for (const name of ['stills.trash', 'stills.derive']) {
      const error = await failure(host().call(name, { path: review, ...args }));
      expect(['invalid-args', 'not-found']).toContain(error.code);
    }
    expect(await readFile(join(dirs().root, '..', 'outside.png'))).toBeTruthy();
    expect((await readdir(stills())).sort()).toEqual(['01-march.png', 'escape.png']);
    await expect(readdir(join(dirs().root, '..'))).resolves.not.toContain('outside.web.jpg');
  });

  it('stills.import refuses a review path that leaves the library, and writes nowhere', async () => {
    await mkdir(join(dirs().root, '..', 'elsewhere'), { recursive: true });
    const error = await failure(host().call('stills.import', { path: '../elsewhere/index.md', name: 'a.jpg', data: (await jpeg(10, 10)).toString('base64') }));
    expect(error.code).toBe('invalid-args');
    expect(await readdir(join(dirs().root, '..', 'elsewhere'))).toEqual([]);
  });
}
