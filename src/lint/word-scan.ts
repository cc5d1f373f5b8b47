/*
 * Finds words as `WORD` (names.ts) does — letters, marks and digits, joined by apostrophes or
 * hyphens — without a regular expression: the prose reader meets every word of the review, and a
 * match array per word was a good part of its time. Code points outside the BMP are asked of
 * Unicode each time; those inside it are remembered in a table.
 */

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
// 0: not yet asked, 1: a word character, 2: not one.
const bmp = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) bmp[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;

/** How many UTF-16 units the word character at `at` (before `end`) takes (1 or 2), or 0 when it is not one. */
function wordCharAt(text: string, at: number, end: number): number {
  if (at >= end) return 0;
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff) {
    let known = bmp[code]!;
    if (known === 0) bmp[code] = known = WORD_CHAR.test(text[at]!) ? 1 : 2;
    return known === 1 ? 1 : 0;
  }
  const point = at + 1 < end ? text.codePointAt(at)! : code;
  if (point <= 0xffff) return 0; // a lone surrogate
  return WORD_CHAR.test(String.fromCodePoint(point)) ? 2 : 0;
}

/** `'`, `’`, `-`, `‐`, `‑`: what may join the parts of one word. */
function isJoiner(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2d || code === 0x2010 || code === 0x2011;
}

/**
 * The first word in `text` between `from` and `end`: its start, with its end in `range[1]`; -1
 * when there is none.
 */
export function nextWord(text: string, from: number, end: number, range: [number, number]): number {
  let at = from;
  while (at < end) {
    if (wordCharAt(text, at, end)) break;
    at++;
  }
  if (at >= end) return -1;
  const start = at;
  at = runEnd(text, at, end);
  // A joiner continues the word only when a word character follows it.
  while (at + 1 < end && isJoiner(text.charCodeAt(at)) && wordCharAt(text, at + 1, end)) at = runEnd(text, at + 1, end);
  range[0] = start;
  range[1] = at;
  return start;
}

function runEnd(text: string, at: number, end: number): number {
  for (let size = wordCharAt(text, at, end); size; size = wordCharAt(text, at, end)) at += size;
  return at;
}
