import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, HostError } from '../../src/contract';
import { createHost } from '../../src/node/host';
import { importStill } from '../../src/node/stills/import-still';
import { corruptJpeg, halves, inFormat, jpeg, pngWithAlpha } from '../helpers/still-images';
import { tempDir } from '../helpers/temp';

let root: string;
let cleanup: () => Promise<void>;
const reviewPath = 'dear-comrades-2020/index.md';
const stillsDir = () => join(root, 'dear-comrades-2020', 'stills');

beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir('intertitle-stills-'));
  await mkdir(join(root, 'dear-comrades-2020'));
  await writeFile(join(root, reviewPath), '---\ntitle: x\n---\n\nText.\n');
});
afterEach(() => cleanup());

const add = (bytes: Buffer, name: string, caption?: string, webSize = 2000) =>
  importStill({ root, reviewPath, source: { bytes, name }, caption, webSize });

async function refused(bytes: Buffer, name: string): Promise<HostError> {
  const error = await add(bytes, name).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
}

describe('importing a still', () => {
  it('copies a picture byte for byte under a portable numbered name, with no derivative when it is small and upright', async () => {
    const bytes = await jpeg(800, 450);
    const still = await add(bytes, 'Lyudmila at home.JPG');
    expect(still).toMatchObject({ src: 'stills/01-lyudmila-at-home.jpg', libraryPath: 'dear-comrades-2020/stills/01-lyudmila-at-home.jpg', width: 800, height: 450, derivative: null });
    expect(still.bytes).toBe(bytes.length);
    expect(await readFile(join(stillsDir(), '01-lyudmila-at-home.jpg'))).toEqual(bytes);
    expect(await readdir(stillsDir())).toEqual(['01-lyudmila-at-home.jpg']);
  });

  it.each([
    ['a caption names the file before the file name does', 'DSC01234.JPG', 'Lyudmila at home', '01-lyudmila-at-home.jpg'],
    ['a camera’s name says nothing: "still"', 'IMG_2034.jpg', undefined, '01-still.jpg'],
    ['Cyrillic is transliterated', 'Людмила дома.jpg', undefined, '01-lyudmila-doma.jpg'],
    ['characters Windows forbids are dropped', 'a:b*c?"d<e>f|g.jpeg', undefined, '01-a-b-c-d-e-f-g.jpg'],
    ['a reserved Windows name is not used alone', 'con.jpg', undefined, '01-con-review.jpg'],
  ])('%s', async (_, name, caption, expected) => {
    const still = await add(await jpeg(100, 80), name, caption);
    expect(still.src).toBe(`stills/${expected}`);
  });

  it('numbers stills after the highest number in the folder and never overwrites a file', async () => {
    await mkdir(stillsDir());
    await writeFile(join(stillsDir(), '01-march.jpg'), 'not mine');
    await writeFile(join(stillsDir(), '07-crowd.jpg'), 'not mine either');
    await writeFile(join(stillsDir(), '08-lenin.web.jpg'), 'a stray derivative');
    const first = await add(await jpeg(100, 80), 'Lenin.jpg');
    expect(first.src).toBe('stills/09-lenin.jpg');
    const second = await add(await jpeg(100, 80), 'Lenin.jpg');
    expect(second.src).toBe('stills/10-lenin.jpg');
    expect(await readFile(join(stillsDir(), '01-march.jpg'), 'utf8')).toBe('not mine');
    expect(await readFile(join(stillsDir(), '08-lenin.web.jpg'), 'utf8')).toBe('a stray derivative');
  });

  it('two stills with one name get different files', async () => {
    const [a, b] = await Promise.all([add(await jpeg(100, 80), 'same.jpg'), add(await jpeg(120, 80), 'same.jpg')]);
    expect(a.src).not.toBe(b.src);
    expect((await readdir(stillsDir())).sort()).toHaveLength(2);
  });

  it('makes an upright web derivative of a picture larger than the web size and keeps the original', async () => {
    const bytes = await jpeg(3000, 1500);
    const still = await add(bytes, 'march.jpg');
    expect(still.derivative).toBe('stills/01-march.web.jpg');
    expect(await readFile(join(stillsDir(), '01-march.jpg'))).toEqual(bytes);
    const derivative = await sharp(join(stillsDir(), '01-march.web.jpg')).metadata();
    expect([derivative.format, derivative.width, derivative.height]).toEqual(['jpeg', 2000, 1000]);
    // The panel and the preview get the size of the file they show.
    expect([still.width, still.height]).toEqual([2000, 1000]);
  });

  it('uses the library’s web size', async () => {
    const still = await add(await jpeg(1200, 800), 'small.jpg', undefined, 600);
    const derivative = await sharp(join(root, 'dear-comrades-2020', still.derivative!)).metadata();
    expect([derivative.width, derivative.height]).toEqual([600, 400]);
  });

  it('applies EXIF orientation 6: the derivative stands upright, the original keeps its bytes', async () => {
    // Stored 400 × 300 with its dark half on the left; orientation 6 shows it turned a quarter clockwise.
    const bytes = await jpeg(400, 300, { orientation: 6 });
    const still = await add(bytes, 'turned.jpg');
    expect([still.width, still.height]).toEqual([300, 400]);
    expect(still.derivative).toBe('stills/01-turned.web.jpg');
    const file = join(stillsDir(), '01-turned.web.jpg');
    const meta = await sharp(file).metadata();
    expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([300, 400, 1]);
    const shown = await halves(file);
    expect(shown.top).toBeLessThan(shown.bottom - 100);
    expect(await readFile(join(stillsDir(), '01-turned.jpg'))).toEqual(bytes);
  });

  it('keeps a PNG’s transparency in the original and puts a large one on white in its derivative', async () => {
    const small = await add(await pngWithAlpha(300, 200), 'logo.png');
    expect(small).toMatchObject({ src: 'stills/01-logo.png', derivative: null });
    expect((await sharp(join(stillsDir(), '01-logo.png')).metadata()).hasAlpha).toBe(true);

    const large = await add(await pngWithAlpha(2400, 1600), 'poster.png');
    expect(large.derivative).toBe('stills/02-poster.web.jpg');
    const derivative = join(stillsDir(), '02-poster.web.jpg');
    expect((await sharp(derivative).metadata()).hasAlpha).toBe(false);
    // The transparent top half became white, not black.
    expect((await halves(derivative)).top).toBeGreaterThan(240);
  });

  it.each([
    ['webp', 'a.webp', 'stills/01-a.webp'],
    ['avif', 'a.avif', 'stills/01-a.avif'],
    ['gif', 'a.gif', 'stills/01-a.gif'],
  ] as const)('accepts %s', async (format, name, src) => {
    expect((await add(await inFormat(format), name)).src).toBe(src);
  });

  it('names the file by its real format, not the extension it came with', async () => {
    expect((await add(await inFormat('webp'), 'really-webp.jpg')).src).toBe('stills/01-really-webp.webp');
  });

  it.each([
    ['an empty file', async () => Buffer.alloc(0), 'empty.jpg', /empty \(0 bytes\)/],
    ['a corrupt JPEG', corruptJpeg, 'cut.jpg', /damaged/],
    ['text', async () => Buffer.from('Not a picture at all'), 'notes.jpg', /not a picture Intertitle can read.*JPEG, PNG, WebP, AVIF or GIF/],
    ['a TIFF', () => inFormat('tiff'), 'scan.tiff', /is a TIFF image; stills can be JPEG, PNG, WebP, AVIF or GIF/],
    ['an SVG', async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), 'logo.svg', /is a SVG image/],
  ])('refuses %s with a clear message and writes nothing', async (_, make, name, message) => {
    const error = await refused(await make(), name);
    expect(error.code).toBe('invalid-args');
    expect(error.message).toContain(`“${name}”`);
    expect(error.message).toMatch(message);
    expect(await readdir(stillsDir()).catch(() => [])).toEqual([]);
  });

  it('a large corrupt JPEG is refused too (its derivative cannot be made)', async () => {
    const whole = await jpeg(3000, 2000);
    const error = await refused(whole.subarray(0, Math.floor(whole.length * 0.6)), 'big-cut.jpg');
    expect(error.message).toMatch(/damaged/);
    expect(await readdir(stillsDir()).catch(() => [])).toEqual([]);
  });
});

describe('"Add Still…" through the host’s file dialog (Electron)', () => {
  it('names chosen files to the renderer by id only; each id imports its file once, and a refused file changes nothing', async () => {
    const outside = join(root, '..', `${root.split('/').pop()}-chosen`);
    await mkdir(outside, { recursive: true });
    await writeFile(join(outside, 'Lyudmila at home.jpg'), await jpeg(3000, 2000, { orientation: 6 }));
    await writeFile(join(outside, 'notes.jpg'), 'not a picture');
    let offered: string[] | null = [join(outside, 'Lyudmila at home.jpg'), join(outside, 'notes.jpg'), join(outside, 'gone.jpg')];
    const host = await createHost({
      kind: 'electron',
      version: 'test',
      userDataDir: join(outside, 'user-data'),
      documentsDir: join(outside, 'documents'),
      initialLibrary: root,
      watchLibrary: false,
      emit: () => {},
      chooseStills: async () => offered,
    });
    try {
      const call = async (name: string, args: unknown) => dispatch(host.handlers, name as never, args as never, { via: 'direct' });
      const chosen = await call('stills.choose', {});
      if (!chosen.ok) throw new Error(chosen.error.message);
      const picked = chosen.value as Array<{ id: string; name: string; bytes: number }>;
      // A file that vanished before it could be read is left out, not offered.
      expect(picked.map((p) => p.name)).toEqual(['Lyudmila at home.jpg', 'notes.jpg']);
      expect(JSON.stringify(picked)).not.toContain(outside);

      const imported = await call('stills.import', { path: reviewPath, name: 'ignored.jpg', picked: picked[0]!.id });
      expect(imported).toMatchObject({ ok: true, value: { still: { src: 'stills/01-lyudmila-at-home.jpg', derivative: 'stills/01-lyudmila-at-home.web.jpg', width: 1333, height: 2000 } } });
      const again = await call('stills.import', { path: reviewPath, name: 'x.jpg', picked: picked[0]!.id });
      expect(again).toMatchObject({ ok: false, error: { message: expect.stringMatching(/choose it again/) } });

      const notes = await call('stills.import', { path: reviewPath, name: 'notes.jpg', picked: picked[1]!.id });
      expect(notes).toMatchObject({ ok: false, error: { code: 'invalid-args', message: expect.stringContaining('“notes.jpg”') } });
      expect((await readdir(stillsDir())).sort()).toEqual(['01-lyudmila-at-home.jpg', '01-lyudmila-at-home.web.jpg']);

      offered = null;
      expect(await call('stills.choose', {})).toEqual({ ok: true, value: null });
    } finally {
      await host.close();
      await rm(outside, { recursive: true, force: true });
    }
  });
});
