import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A generated library for the benchmarks and screenshots: reviews with realistic front matter
 * (headline, date, status, rating, tags, summary, a film block with directors, writers, cast)
 * and bodies of about 1,000 words drawn from a Zipf-distributed vocabulary of real film words
 * and pronounceable made-up ones, so that word frequencies, prefixes and typos behave like prose.
 * Deterministic: the same seed gives the same library.
 */

/** Bump when the generator changes, so cached libraries are made again. */
export const corpusVersion = 'v4';

export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const common = (
  'the of and a to in is it that was his her as with for on but by an at this film be from not are its has they one we he she which ' +
  'their more all who than have only when into what so if out like up or no been about can there would how even other then also some ' +
  'these much story through scene time camera director character cinema shot frame light dark city night rain noir performance actor ' +
  'actress screenplay music score cut close long take silent sound colour black white war love death family mother father child house ' +
  'road train sea river winter summer memory dream face hands window door street village factory soldier crowd silence shadow mirror ' +
  'stairs voice letter journey garden church fire snow morning evening first last never always still again perhaps almost quite rather'
).split(' ');
const onsets = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'cr', 'dr', 'fl', 'gr', 'pl', 'pr', 'sh', 'st', 'th', 'tr', 'ch', 'sk', 'sl', 'sp'];
const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ee', 'oo', 'ou', 'io', 'ie'];
const codas = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ng', 'rk', 'ck', 'sh', 'x', 'll', 'ss', 'nt', 'rd'];
const tagPool = ['silent film', 'film noir', 'Soviet cinema', 'Venice 2020', 'Cannes', 'documentary', 'horror', 'comedy', 'melodrama', 'western', 'slow cinema', 'debut', 'restoration', 'festival', 'retrospective', 'New Wave', 'animation', 'war film', 'musical', 'thriller'];
const countries = ['FR', 'DE', 'IT', 'RU', 'GB', 'US', 'JP', 'KR', 'IR', 'PL', 'SE', 'NO', 'ES', 'BR', 'MX', 'IN'];

function pick<T>(list: readonly T[], rnd: () => number): T {
  return list[Math.floor(rnd() * list.length)]!;
}

function word(rnd: () => number): string {
  let w = '';
  const syllables = 1 + Math.floor(rnd() * 3.2);
  for (let i = 0; i < syllables; i++) w += pick(onsets, rnd) + pick(vowels, rnd);
  return w + pick(codas, rnd);
}

const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);

export interface Corpus {
  reviews: Array<{ path: string; text: string }>;
}

/** The text of review `i` of a library generated from `seed`. */
export function makeCorpus(count: number, seed = 1922): Corpus {
  const rnd = random(seed);
  const vocabulary = new Set(common);
  while (vocabulary.size < 40_000) {
    const w = word(rnd);
    if (w.length >= 3) vocabulary.add(w);
  }
  const words = [...vocabulary];
  // Zipf: the word of rank r is drawn with probability ∝ 1/r.
  const cdf = new Float64Array(words.length);
  let sum = 0;
  for (let i = 0; i < words.length; i++) cdf[i] = sum += 1 / (i + 1);
  const zipf = () => {
    const r = rnd() * sum;
    let lo = 0;
    let hi = words.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
  const people = Array.from({ length: 3000 }, () => `${capital(word(rnd))} ${capital(word(rnd))}${rnd() < 0.3 ? `-${capital(word(rnd))}` : ''}`);
  const directors = people.slice(0, 700);

  const reviews: Corpus['reviews'] = [];
  for (let i = 0; i < count; i++) {
    const filmTitle = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => capital(zipf())).join(' ');
    const year = 1900 + Math.floor(rnd() * 125);
    const slug = `${filmTitle.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${year}-${i}`;
    const headline = `${capital(zipf())} ${zipf()} ${zipf()}${rnd() < 0.5 ? `, ${zipf()} ${zipf()}` : ''}`;
    const cast = Array.from({ length: 2 + Math.floor(rnd() * 5) }, () => `    - {name: ${pick(people, rnd)}, character: ${capital(word(rnd))}}`);
    const tags = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(tagPool, rnd)))];
    const front = [
      '---',
      `title: "${headline}"`,
      `date: "${2000 + Math.floor(rnd() * 25)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}"`,
      `status: ${pick(['draft', 'ready', 'published', 'published'], rnd)}`,
      `rating: ${Math.round(rnd() * 10) / 2}`,
      `tags: [${tags.join(', ')}]`,
      `summary: "${capital(zipf())} ${zipf()} ${zipf()} ${zipf()} ${zipf()}."`,
      'film:',
      `  title: "${filmTitle}"`,
      `  year: ${year}`,
      `  directors: [${pick(directors, rnd)}]`,
      `  writers: [${pick(people, rnd)}, ${pick(people, rnd)}]`,
      '  cast:',
      ...cast,
      `  runtime: ${70 + Math.floor(rnd() * 110)}`,
      `  countries: ["${pick(countries, rnd)}"]`,
      `  ids: {tmdb: ${Math.floor(rnd() * 900_000)}, imdb: "tt${Math.floor(rnd() * 9_999_999)}"}`,
      '---',
      '',
    ];
    const body: string[] = [];
    const target = 800 + Math.floor(rnd() * 400);
    let written = 0;
    while (written < target) {
      if (rnd() < 0.06) body.push(`## ${capital(zipf())} ${zipf()}`, '');
      if (rnd() < 0.04) body.push(`![${capital(zipf())} ${zipf()} ${zipf()}](stills/0${1 + Math.floor(rnd() * 4)}.jpg "${capital(zipf())} ${zipf()}")`, '');
      const sentences: string[] = [];
      const length = 40 + Math.floor(rnd() * 90);
      for (let n = 0; n < length; ) {
        const size = 6 + Math.floor(rnd() * 18);
        const sentence = Array.from({ length: size }, () => zipf());
        if (rnd() < 0.2) sentence[Math.floor(rnd() * size)] = `*${pick(people, rnd)}*`;
        sentences.push(`${capital(sentence.join(' '))}.`);
        n += size;
        written += size;
      }
      body.push(sentences.join(' '), '');
    }
    reviews.push({ path: rnd() < 0.85 ? `${slug}/index.md` : `${slug}.md`, text: `${front.join('\n')}${body.join('\n')}` });
  }
  return { reviews };
}

/**
 * A generated library on disk, made once and reused across runs from a cache folder in the
 * system temp folder keyed by the corpus version, size and seed.
 */
export async function generatedLibrary(count: number, seed = 1922): Promise<string> {
  const root = join(tmpdir(), `intertitle-bench-library-${corpusVersion}-${count}-${seed}`);
  if (existsSync(join(root, '.complete'))) return root;
  const building = `${root}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  const { reviews } = makeCorpus(count, seed);
  for (let i = 0; i < reviews.length; i += 200) {
    await Promise.all(
      reviews.slice(i, i + 200).map(async ({ path, text }) => {
        const file = join(building, path);
        await mkdir(join(file, '..'), { recursive: true });
        await writeFile(file, text);
      }),
    );
  }
  await writeFile(join(building, '.complete'), `${reviews.length}\n`);
  await rm(root, { recursive: true, force: true });
  await rename(building, root);
  return root;
}
