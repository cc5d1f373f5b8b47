import { isOrdinaryWord } from '../common-words';
import { WORD } from '../names';
import type { ProseWord } from '../prose';
import type { Finding, LintInput, LintRule } from '../types';

const OPENING_QUOTES = new Set(['“', '"', '‘', "'", '«']);
const CLOSING_QUOTES = new Set(['”', '"', '’', "'", '»']);
const MARKUP = /[*_`[\]<>|\\]/;

interface TitleWords {
  title: string;
  words: string[];
  /** What stands between the title's words, spaces squeezed: ["", " – ", ...]. */
  between: string[];
  /** Punctuation that ends the title ("!" of "Dear Comrades!"). */
  tail: string;
  /** A one-word title that is also an ordinary word ("Heat", "Up"). */
  ordinary: boolean;
}

function titleWords(title: string): TitleWords | null {
  const matches = [...title.matchAll(WORD)];
  if (!matches.length) return null;
  const words = matches.map((m) => m[0]);
  const between = matches.map((m, i) => (i === 0 ? '' : squeeze(title.slice(matches[i - 1]!.index + matches[i - 1]![0].length, m.index))));
  const last = matches[matches.length - 1]!;
  const tail = title.slice(last.index + last[0].length).trim();
  return { title, words, between, tail, ordinary: words.length === 1 && isOrdinaryWord(words[0]!) };
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ');

/**
 * The words of `prose` from `start` that spell the title, or null. Case counts (a title is
 * written in its own capitals, "Dear comrades" in a sentence is not the film), and so does a
 * title's closing mark ("Dear Comrades!"); the last word may take a possessive.
 */
function matchAt(words: readonly ProseWord[], start: number, title: TitleWords, source: string): { from: number; to: number } | null {
  const first = words[start]!;
  for (let k = 0; k < title.words.length; k++) {
    const word = words[start + k];
    if (!word || word.block !== first.block || word.context !== first.context) return null;
    const expected = title.words[k]!;
    const last = k === title.words.length - 1;
    if (word.text !== expected && !(last && !title.tail && (word.text === `${expected}'s` || word.text === `${expected}’s`))) return null;
    if (k > 0 && squeeze(source.slice(words[start + k - 1]!.to, word.from)) !== title.between[k]) return null;
  }
  const from = first.from;
  let to = words[start + title.words.length - 1]!.from + title.words[title.words.length - 1]!.length;
  if (title.tail) {
    if (!source.startsWith(title.tail, to)) return null;
    to += title.tail.length;
  }
  return { from, to };
}

/**
 * The film's title (and original title) set in the house style: in italics by default, or in
 * quotes. Alt text is plain text and is left alone; a one-word title that is also an ordinary
 * word ("Heat") is checked only in the middle of a sentence.
 */
export const titleStyle: LintRule = {
  id: 'title-style',
  title: 'The film’s title in the house style',
  run({ source, data, prose, settings }: LintInput): Finding[] {
    if (settings.titleStyle === 'off') return [];
    const film = data?.['film'];
    const record = film !== null && typeof film === 'object' && !Array.isArray(film) ? (film as Record<string, unknown>) : {};
    const titles = [record['title'], record['original_title']]
      .filter((t): t is string => typeof t === 'string' && t.trim() !== '')
      .map((t) => titleWords(t.trim()))
      .filter((t): t is TitleWords => t !== null)
      // The longer title first, so "Nosferatu – Eine Symphonie des Grauens" is not also read as "Nosferatu".
      .sort((a, b) => b.words.length - a.words.length);
    if (!titles.length) return [];

    const findings: Finding[] = [];
    const taken: Array<[number, number]> = [];
    for (const title of titles) {
      for (let i = 0; i < prose.words.length; i++) {
        const word = prose.words[i]!;
        if (word.context === 'alt') continue;
        if (title.ordinary && (word.sentenceStart || prose.blocks[word.block]?.kind === 'heading')) continue;
        const found = matchAt(prose.words, i, title, source);
        if (!found || taken.some(([a, b]) => found.from < b && a < found.to)) continue;
        taken.push([found.from, found.to]);
        const span = prose.words.slice(i, i + title.words.length);
        const finding = check(source, found, span, title.title, settings.titleStyle);
        if (finding) findings.push(finding);
        i += title.words.length - 1;
      }
    }
    return findings;
  },
};

function check(source: string, found: { from: number; to: number }, words: ProseWord[], title: string, style: 'italic' | 'quotes'): Finding | null {
  const text = source.slice(found.from, found.to);
  const italic = words.every((w) => w.italic);
  const quoted = OPENING_QUOTES.has(source[found.from - 1] ?? '') && CLOSING_QUOTES.has(source[found.to] ?? '');
  const plain = !MARKUP.test(text);
  if (style === 'italic') {
    if (italic) return null;
    const range = quoted ? { from: found.from - 1, to: found.to + 1 } : found;
    return {
      rule: 'title-style',
      severity: 'info',
      message: `Set the film’s title in italics: *${title}*.`,
      ...range,
      suggestions: plain ? [`*${text}*`] : [],
    };
  }
  if (quoted) return null;
  const marker = source[found.from - 1];
  const wrapped = italic && (marker === '*' || marker === '_') && source[found.to] === marker && source[found.from - 2] !== marker;
  const range = wrapped ? { from: found.from - 1, to: found.to + 1 } : found;
  return {
    rule: 'title-style',
    severity: 'info',
    message: `Set the film’s title in quotes: “${title}”.`,
    ...range,
    suggestions: plain && (wrapped || !italic) ? [`“${text}”`] : [],
  };
}
