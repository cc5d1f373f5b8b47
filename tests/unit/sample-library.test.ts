import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSampleLibrary, sampleLibraryName } from '../../src/node/sample-library';

const reviews = [
  { path: 'nosferatu-1922/index.md', film: 'Nosferatu', year: 1922, status: 'ready' },
  { path: 'battleship-potemkin-1925/index.md', film: 'Battleship Potemkin', year: 1925, status: 'draft' },
] as const;

/** `![alt](stills/file.jpg "caption")`, as the library writes a figure. */
const figure = /^!\[([^\]]*)\]\((stills\/[^\s)]+) "([^"]+)"\)$/;

/** The front matter fields these tests read; the rest of DESIGN §4 is not checked here. */
interface FrontMatter {
  title: unknown;
  status: unknown;
  rating: number;
  rating_scale: number;
  summary: unknown;
  spoilers: unknown;
  film: { title: string; year: number; directors: unknown[]; cast: unknown[]; ids: { imdb: string } };
  stills: Record<string, { credit: string } | undefined>;
}

let root: string;
let library: string;
let written: string[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'intertitle-sample-'));
  library = join(root, sampleLibraryName);
  written = await createSampleLibrary(library);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function readReview(path: string) {
  const text = await readFile(join(library, ...path.split('/')), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${path} has no front matter`);
  const frontMatter = parse(match[1]!) as FrontMatter;
  return { text, frontMatter, body: match[2]! };
}

function figuresOf(body: string) {
  const lines = body.split('\n');
  return lines.flatMap((line, i) => {
    const found = figure.exec(line);
    if (!found) return [];
    return [{ alt: found[1]!, src: found[2]!, caption: found[3]!, before: lines[i - 1], after: lines[i + 1] }];
  });
}

/** Words of the prose: figures are left out, markdown punctuation does not count. */
function proseWords(body: string): number {
  const prose = body
    .split('\n')
    .filter((line) => !figure.test(line))
    .join(' ');
  return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

describe('createSampleLibrary', () => {
  it('creates the folder with two page bundles and returns their review paths', async () => {
    expect(written).toEqual(reviews.map((review) => review.path));
    expect((await readdir(library)).sort()).toEqual(['battleship-potemkin-1925', 'nosferatu-1922']);
    for (const folder of ['nosferatu-1922', 'battleship-potemkin-1925']) {
      expect((await readdir(join(library, folder))).sort()).toEqual(['index.md', 'stills']);
    }
  });

  it.each(reviews)('writes $path as UTF-8 with LF endings and one trailing newline', async ({ path }) => {
    const bytes = await readFile(join(library, ...path.split('/')));
    const text = bytes.toString('utf8');
    expect(Buffer.from(text, 'utf8').equals(bytes)).toBe(true);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text).not.toContain('\r');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it.each(reviews)('gives $path front matter that parses, with the film, its year and a status', async (review) => {
    const { text, frontMatter } = await readReview(review.path);
    expect(frontMatter.film.title).toBe(review.film);
    expect(frontMatter.film.year).toBe(review.year);
    expect(frontMatter.status).toBe(review.status);
    expect(frontMatter.rating_scale).toBe(5);
    expect(frontMatter.rating).toBeGreaterThan(0);
    expect(frontMatter.rating).toBeLessThanOrEqual(5);
    expect(typeof frontMatter.title).toBe('string');
    expect(typeof frontMatter.summary).toBe('string');
    expect(typeof frontMatter.spoilers).toBe('boolean');
    // Dates and country codes are quoted, so YAML 1.1 readers see strings too.
    expect(text).toMatch(/^date: "\d{4}-\d{2}-\d{2}"/m);
    expect(text).toMatch(/^ {2}countries: \["[A-Z]{2}"\]/m);
    expect(frontMatter.film.directors).toHaveLength(1);
    expect(frontMatter.film.cast.length).toBeGreaterThanOrEqual(3);
    for (const member of frontMatter.film.cast) {
      expect(member).toEqual({ name: expect.any(String), character: expect.any(String) });
    }
    expect(frontMatter.film.ids.imdb).toMatch(/^tt\d{7}$/);
    expect(text).toMatch(/ # /);
  });

  it.each(reviews)('gives every still of $path a figure, a real 4:3 JPEG and a credit', async ({ path }) => {
    const { body, frontMatter } = await readReview(path);
    const folder = path.split('/')[0]!;
    const figures = figuresOf(body);
    expect(figures.length).toBeGreaterThanOrEqual(2);
    expect(figures.length).toBeLessThanOrEqual(3);
    for (const still of figures) {
      expect(still.alt).toMatch(/^Illustration: \S/);
      expect(still.caption.length).toBeGreaterThan(20);
      expect(still.src).toMatch(/^stills\/\d{2}-[a-z0-9]+(-[a-z0-9]+)*\.jpg$/);
      expect([still.before, still.after]).toEqual(['', '']);
      const image = await sharp(join(library, folder, ...still.src.split('/'))).metadata();
      expect([image.format, image.width, image.height]).toEqual(['jpeg', 1440, 1080]);
      expect(frontMatter.stills[still.src]?.credit).toMatch(/generated/);
    }
    // Nothing unreferenced in stills/, and no credit for a still that is not there.
    const referenced = figures.map((still) => still.src).sort();
    expect((await readdir(join(library, folder, 'stills'))).map((file) => `stills/${file}`).sort()).toEqual(referenced);
    expect(Object.keys(frontMatter.stills).sort()).toEqual(referenced);
  });

  it.each(reviews)('writes $path as a review: headings, emphasis, quote, footnote, 400–700 words', async (review) => {
    const { body } = await readReview(review.path);
    expect(body.match(/^## \S/gm)?.length).toBeGreaterThanOrEqual(2);
    expect(body).toContain(`*${review.film}*`);
    expect(body).toMatch(/^> \S/m);
    expect(body).toMatch(/\S\[\^1\]/);
    expect(body).toMatch(/^\[\^1\]: \S/m);
    const words = proseWords(body);
    expect(words).toBeGreaterThanOrEqual(400);
    expect(words).toBeLessThanOrEqual(700);
  });

  it('refuses a folder that already holds files, and leaves it as it was', async () => {
    const dir = join(root, 'not-empty');
    await mkdir(dir);
    await writeFile(join(dir, 'notes.md'), 'my own notes\n');
    await expect(createSampleLibrary(dir)).rejects.toThrow(/already holds files/);
    expect(await readdir(dir)).toEqual(['notes.md']);
    expect(await readFile(join(dir, 'notes.md'), 'utf8')).toBe('my own notes\n');
  });

  it('fills an existing empty folder, byte for byte the same as before', async () => {
    const dir = join(root, 'empty');
    await mkdir(dir);
    expect(await createSampleLibrary(dir)).toEqual(written);
    for (const file of ['nosferatu-1922/index.md', 'battleship-potemkin-1925/stills/01-the-odessa-steps.jpg']) {
      const again = await readFile(join(dir, ...file.split('/')));
      expect(again.equals(await readFile(join(library, ...file.split('/'))))).toBe(true);
    }
  });
});
