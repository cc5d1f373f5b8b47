import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LintOptions } from '../../src/lint/lint-review';
import type { StillInfo } from '../../src/stills/types';
import { battleshipPotemkin } from '../../src/node/sample-library/battleship-potemkin';
import { nosferatu } from '../../src/node/sample-library/nosferatu';
import { REVIEWS, generateReview } from '../bench/corpus';

/**
 * Reviews the writing checks' results are pinned on (tests/fixtures/lint/golden.json): written
 * before the checks were made faster, so a restructuring that changes any finding shows up.
 * Real reviews, generated long ones with names and stills, and the markup the stills checks and
 * the prose reader find hard (escaped labels, reference images, quotes, CRLF, a BOM).
 */
export interface GoldenInput {
  name: string;
  text: string;
  options?: Pick<LintOptions, 'settings'> & { missingFiles?: boolean };
}

const fixtures = join(__dirname, '..', 'fixtures');
const markdownFiles = (dir: string): string[] =>
  readdirSync(join(fixtures, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(dir, name));

const CAST = `spoilers: false
names: [Greta Schröder, DiCaprio]
film:
  directors: [Andrey Konchalovsky]
  writers: [Andrey Konchalovsky, Elena Kiseleva]
  cast:
    - {name: Yuliya Vysotskaya, character: Lyudmila Syomina}
    - {name: Yuliya Burova, character: Svetka}
    - {name: Vladislav Komarov, character: Loginov}
`;

/** A generated review with the bench's cast and slips spread through it. */
function withNames(words: number, seed: number): string {
  const text = generateReview({ ...REVIEWS.words10k, words, seed })
    .replace(/^film:\n/m, CAST)
    .replace(/^  title: .*$/m, '  title: "Dear Comrades!"');
  const slips = ['Svetka', 'Zetka', 'Vysotskya', 'Konchalovski', 'Konchalovskiy', 'the the', '*Dear Comrades!*', 'Dear Comrades!', 'Schroder', 'Di Caprio', '||a spoiler||'];
  let n = 0;
  return text.replace(/\n\n(?=[A-Z])/g, (gap) => (n++ % 7 === 0 ? `${gap}${slips[n % slips.length]} ` : gap));
}

const STILLS = `---
title: Stills
film:
  title: Nosferatu
---

![](stills/01.jpg)

![A castle](stills/02.jpg)

![A castle](stills/03.jpg "A castle")

![Alt with \\] bracket and *emphasis*](<stills/04 a.jpg> "Caption \\"quoted\\" here")

![Reference][ref]

[ref]: stills/05.jpg "From the definition"

> ![In a quote](stills/06.jpg 'Single quoted')

![Encoded](stills/07%20b.jpg (Parenthesised title))

Text with an inline ![image](stills/08.jpg) in it, not a figure.

[![Linked](stills/09.jpg "Linked caption")](https://example.org)

![Spread
over lines](stills/10.jpg
"A caption on its own line")
`;

export function goldenInputs(): GoldenInput[] {
  const inputs: GoldenInput[] = [
    ...[...markdownFiles('lint'), ...markdownFiles('library'), ...markdownFiles('export')].map((name) => ({ name, text: readFileSync(join(fixtures, name), 'utf8') })),
    { name: 'sample: Nosferatu', text: nosferatu.markdown },
    { name: 'sample: Battleship Potemkin', text: battleshipPotemkin.markdown },
    { name: 'sample: Nosferatu, CRLF', text: nosferatu.markdown.replace(/\n/g, '\r\n') },
    { name: 'stills', text: STILLS },
    { name: 'stills, files missing', text: STILLS, options: { missingFiles: true } },
    { name: 'stills, CRLF and a BOM', text: `\uFEFF${STILLS.replace(/\n/g, '\r\n')}` },
    { name: 'no front matter', text: '![](a.jpg)\n\nKonchalovski and Konchalovsky and Konchalovskiy. The the end.\n' },
    { name: 'generated 1.5k', text: withNames(1_500, 15) },
    { name: 'generated 10k', text: withNames(10_000, 10) },
    { name: 'generated 10k, quotes, sentences over 18 words', text: withNames(10_000, 11), options: { settings: { titleStyle: 'quotes', maxSentenceWords: 18 } } },
  ];
  return inputs;
}

/** The stills' file facts for `missingFiles`: every odd-numbered still is missing, 03 is large. */
export function goldenFiles(src: string): StillInfo | null | undefined {
  if (src.endsWith('03.jpg')) return { src, libraryPath: `review/${src}`, width: 1920, height: 1080, bytes: 6 * 1024 * 1024, derivative: null };
  return /[13579]\.jpg$/.test(src) ? null : undefined;
}
