import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

/**
 * Generated reviews for the benchmarks: prose in long single-line paragraphs (as critics write),
 * with emphasis, links and code spans every few words, headings, quotes, lists and figures.
 * Seeded, so every run measures the same text.
 */

// prettier-ignore
const WORDS = (
  'the film frame camera light shadow cut scene actor performance director silence rhythm montage ' +
  'close-up window city night rain street face hand gesture memory grief laughter train station ' +
  'corridor staircase mirror door garden river bridge crowd march factory square letter telephone ' +
  'a an of in on at by with without through against before after under over between across ' +
  'slow quiet cold bright grey tender cruel patient restless precise generous stubborn luminous ' +
  'holds lingers watches follows frames withholds reveals returns waits turns listens remembers ' +
  'and but or so yet because while when where although until as if ' +
  'mother father daughter worker officer soldier clerk stranger lover child widow priest ' +
  'sequence shot take score sound editing lens grain print colour tone pace ending opening'
).split(' ');

/** A small deterministic PRNG (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ReviewSpec {
  /** Words of prose in the body (headings, captions and list items included). */
  words: number;
  figures: number;
  title: string;
  film: string;
  year: number;
  seed: number;
  /**
   * Where the typing benchmark types: a paragraph near the middle holds `Qqq` and `Jjj` with
   * nothing between them; the caret goes between the two.
   */
  withTypingMark?: boolean;
}

export const TYPING_MARK = { before: 'Qqq', after: 'Jjj' } as const;

/** A review file (front matter and body) as the spec says. */
export function generateReview(spec: ReviewSpec): string {
  const random = seeded(spec.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const stillCredits: string[] = [];
  let written = 0;

  const phrase = (count: number) => {
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const word = pick(WORDS);
      const roll = random();
      if (roll < 0.03) out.push(`*${word}*`);
      else if (roll < 0.05) out.push(`**${word}**`);
      else if (roll < 0.06) out.push(`[${word}](https://example.org/${word})`);
      else if (roll < 0.065) out.push(`\`${word}\``);
      else out.push(word);
    }
    written += count;
    const text = out.join(' ');
    return text[0]!.toUpperCase() + text.slice(1);
  };
  const sentence = () => `${phrase(8 + Math.floor(random() * 14))}.`;
  const paragraph = () => {
    const sentences: string[] = [];
    const target = 60 + Math.floor(random() * 90);
    const start = written;
    while (written - start < target) sentences.push(sentence());
    return sentences.join(' ');
  };

  const blocks: string[] = [];
  const figureEvery = spec.figures > 0 ? spec.words / (spec.figures + 1) : Infinity;
  let nextFigure = figureEvery;
  let figures = 0;
  let nextHeading = 900;
  let markAt = spec.withTypingMark ? spec.words / 2 : Infinity;
  while (written < spec.words) {
    if (written >= nextHeading) {
      blocks.push(`## ${phrase(3 + Math.floor(random() * 4))}`);
      nextHeading += 900;
    }
    if (written >= nextFigure && figures < spec.figures) {
      figures++;
      const file = `stills/${String(figures).padStart(2, '0')}-frame.jpg`;
      stillCredits.push(file);
      blocks.push(`![${phrase(6)}](${file} "${phrase(10).replace(/["*`[\]()]/g, '')}")`);
      nextFigure += figureEvery;
      continue;
    }
    const roll = random();
    if (roll < 0.06) blocks.push(`> ${paragraph()}`);
    else if (roll < 0.1) blocks.push(Array.from({ length: 4 }, () => `- ${sentence()}`).join('\n'));
    else if (written >= markAt) {
      const text = paragraph();
      const middle = text.indexOf(' ', text.length / 2);
      blocks.push(`${text.slice(0, middle)} ${TYPING_MARK.before}${TYPING_MARK.after}${text.slice(middle)}`);
      markAt = Infinity;
    } else blocks.push(paragraph());
  }

  const front = [
    '---',
    `title: "${spec.title}"`,
    'date: "2024-05-01"',
    'status: draft',
    'film:',
    `  title: "${spec.film}"`,
    `  year: ${spec.year}`,
    'stills:',
    ...stillCredits.map((file, i) => `  ${file}: {credit: "Bench Pictures ${i + 1}"}`),
    '---',
    '',
  ];
  return `${front.join('\n')}${blocks.join('\n\n')}\n`;
}

/** Writes `spec` as `<library>/<folder>/index.md` with its stills (small noisy JPEGs). */
export async function writeReview(library: string, folder: string, spec: ReviewSpec): Promise<string> {
  const dir = join(library, folder);
  await mkdir(join(dir, 'stills'), { recursive: true });
  const text = generateReview(spec);
  await writeFile(join(dir, 'index.md'), text);
  const random = seeded(spec.seed + 1);
  for (let i = 1; i <= spec.figures; i++) {
    const base = Math.floor(random() * 160) + 40;
    await sharp({
      create: { width: 640, height: 360, channels: 3, background: { r: base, g: base - 10, b: base - 25 }, noise: { type: 'gaussian', mean: base, sigma: 30 } },
    })
      .jpeg({ quality: 70 })
      .toFile(join(dir, 'stills', `${String(i).padStart(2, '0')}-frame.jpg`));
  }
  return text;
}

/** The reviews the issue's budgets name. */
export const REVIEWS = {
  words10k: { words: 10_000, figures: 40, title: 'Ten thousand words', film: 'The Long Take', year: 1961, seed: 10, withTypingMark: true },
  words1k5: { words: 1_500, figures: 6, title: 'Fifteen hundred words', film: 'Short Cuts', year: 1993, seed: 15, withTypingMark: true },
  words400k: { words: 400_000, figures: 40, title: 'Four hundred thousand words', film: 'Satantango', year: 1994, seed: 400, withTypingMark: true },
} satisfies Record<string, ReviewSpec>;
