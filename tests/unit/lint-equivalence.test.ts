import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintReview } from '../../src/lint/lint-review';
import { WORD } from '../../src/lint/names';
import { nextWord } from '../../src/lint/word-scan';
import { goldenFiles, goldenInputs } from '../helpers/lint-golden-inputs';

/*
 * The writing checks were restructured for speed (one parse shared with the stills checks, words
 * without per-word objects, cached name indexes). Their findings must not change: golden.json
 * holds what the checks found before, on real, generated and awkward reviews.
 */
const golden = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'lint', 'golden.json'), 'utf8')) as Record<string, unknown>;
const run = (input: ReturnType<typeof goldenInputs>[number]) => {
  const { missingFiles, ...options } = input.options ?? {};
  return lintReview(input.text, { ...options, ...(missingFiles ? { files: goldenFiles } : {}) });
};

describe('writing checks: the same findings as before they were made faster', () => {
  const inputs = goldenInputs();

  it('pins every input', () => expect(Object.keys(golden).sort()).toEqual(inputs.map((input) => input.name).sort()));

  it('pins findings of every rule', () => {
    const rules = new Set(Object.values(golden).flatMap((results) => (results as Array<{ rule: string }>).map((r) => r.rule)));
    expect([...rules].sort()).toEqual(
      expect.arrayContaining(['long-sentence', 'name-inconsistent', 'name-near-miss', 'repeated-word', 'spoiler-flag', 'still-alt-missing', 'still-caption-missing', 'still-file-missing', 'title-style']),
    );
  });

  it.each(inputs.map((input) => [input.name, input] as const))('%s', (name, input) => {
    expect(run(input)).toEqual(golden[name]);
  });

  it('gives the same findings when run again on the same text and on an edited copy', () => {
    const input = inputs.find((i) => i.name === 'generated 1.5k')!;
    expect(run(input)).toEqual(golden[input.name]);
    const edited = run({ ...input, text: `${input.text}\n` });
    expect(edited).toEqual(golden[input.name]);
  });
});

/** The words `nextWord` finds in `text` between `from` and `end`, as `index:word`. */
function scanned(text: string, from = 0, end = text.length): string[] {
  const out: string[] = [];
  const range: [number, number] = [0, 0];
  for (let at = nextWord(text, from, end, range); at >= 0; at = nextWord(text, range[1], end, range)) out.push(`${at}:${text.slice(at, range[1])}`);
  return out;
}

/** The words the `WORD` pattern finds in the same range. */
function matched(text: string, from = 0, end = text.length): string[] {
  return [...text.slice(from, end).matchAll(new RegExp(WORD.source, 'gu'))].map((m) => `${m.index + from}:${m[0]}`);
}

describe('the word scanner finds the words the WORD pattern does', () => {
  it.each([
    ['joiners', "a-b c--d e'f ’g h’ i-‐‑j -a- 12-3"],
    ['diacritics and combining marks', 'Łódź Schröder ç̧ e\u0301'],
    ['other scripts', 'Дорогие товарищи! 日本語の映画'],
    ['astral letters and emoji', '𝔸𝔹c 😀x q-𝔸'],
    ['lone surrogates', '\ud800y z\udc00 x\ud835'],
  ])('%s', (_case, text) => {
    expect(scanned(text)).toEqual(matched(text));
  });

  it('agrees on generated reviews', () => {
    for (const input of goldenInputs().filter((i) => i.name.startsWith('generated') || i.name.startsWith('sample'))) {
      expect(scanned(input.text)).toEqual(matched(input.text));
    }
  });

  it('agrees on random strings and ranges of them, a surrogate pair cut included', () => {
    const alphabet = ['a', 'B', '1', "'", '’', '-', '‐', '‑', ' ', '.', 'é', '\u0301', '𝔸', '\ud800', '\udc00', '😀', 'Д', '_', '\n'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 5000; k++) {
      let text = '';
      for (let n = Math.floor(random() * 12); n > 0; n--) text += alphabet[Math.floor(random() * alphabet.length)];
      const from = Math.floor(random() * (text.length + 1));
      const end = from + Math.floor(random() * (text.length - from + 1));
      expect(scanned(text, from, end), JSON.stringify([text, from, end])).toEqual(matched(text, from, end));
    }
  });
});
