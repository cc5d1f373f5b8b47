/*
 * How two spellings of a name are compared. A name read by ear or copied from another alphabet
 * drifts in known ways: diacritics dropped (Schröder, Schroder, Schroeder), transliteration
 * choices (Yuliya/Julia, Aleksandr/Alexander, Konchalovsky/Konchalovskiy/Konchalovski), doubled
 * letters. `skeleton` folds those away, so variants compare equal and typos differ by one edit.
 */

const LETTERS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ŀ: 'l' };
const SPECIAL = /[ßæœøđðłþıŀ]/g;
// German umlauts written out (oe for ö). Only one of a word's skeletons folds them: in
// "Dostoevsky" the o and e are two sounds.
const UMLAUT_WRITTEN = /([aou])e/g;

/** Lower case without diacritics: "Schröder" → "schroder", "Łódź" → "lodz". */
export function fold(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(SPECIAL, (ch) => LETTERS[ch] ?? ch);
}

/**
 * The comparable core of a spelling (Latin letters only; other scripts pass through folded):
 * x→ks, ph→f, w→v, kh→h, c/q/ck→k (ch kept), z→s, y/j→i, io→e before a consonant, then
 * doubled letters once.
 */
export function skeleton(word: string, umlauts = false): string {
  const folded = fold(word).replace(/['’‐‑-]/g, '');
  return (umlauts ? folded.replace(UMLAUT_WRITTEN, '$1') : folded)
    .replace(/x/g, 'ks')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/kh/g, 'h')
    .replace(/tch/g, 'ch')
    .replace(/ch/g, '\u0001')
    .replace(/ck|c|q/g, 'k')
    .replace(/\u0001/g, 'ch')
    .replace(/tz/g, 'ts')
    .replace(/z/g, 's')
    .replace(/[yj]/g, 'i')
    // ё is written e, yo or io (Kiseleva, Kiselyova; Fyodor, Fedor); not at a word's end (Sergio, Serge).
    .replace(/io(?=[^aeiou])/g, 'e')
    .replace(/(.)\1+/gu, '$1');
}

/** A spelling's skeletons: as written, and with umlauts written out folded ("Schroeder" → "schroder"). */
export function skeletons(word: string): string[] {
  const plain = skeleton(word);
  const umlauts = skeleton(word, true);
  return umlauts === plain ? [plain] : [plain, umlauts];
}

/** The smallest edit distance between any skeleton of one spelling and any of another (capped at `max + 1`). */
export function skeletonDistance(a: readonly string[], b: readonly string[], max: number): number {
  let best = max + 1;
  for (const x of a) for (const y of b) best = Math.min(best, x === y ? 0 : editDistance(x, y, max));
  return best;
}

/**
 * Damerau–Levenshtein distance (adjacent swaps count one), or `max + 1` as soon as it must
 * exceed `max`: the checks only ask "within one or two edits?", so most pairs stop at once.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let before = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[n]!, max + 1);
}
