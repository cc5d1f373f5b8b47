import { isOrdinaryWord } from '../common-words';
import { skeletonDistance, skeletons } from '../fold';
import type { KnownName, KnownNames, NameToken } from '../names';
import type { ProseWord } from '../prose';
import type { Finding, LintInput, LintRule } from '../types';

/**
 * How many edits a spelling may be from a name's (compared as skeletons) and still count as a
 * slip. Short names differ by a letter from other names (Elena, Ellen; Marion, Marian), so below
 * six letters only a variant of the same spelling counts.
 */
export function allowedEdits(nameSkeletonLength: number): number {
  if (nameSkeletonLength >= 9) return 2;
  if (nameSkeletonLength >= 6) return 1;
  return 0;
}

/** A word as the name checks see it: possessive dropped ("Orlok's" → "Orlok"), with its offsets. */
export interface NamePart {
  text: string;
  from: number;
  to: number;
}

/** The parts of a word that could be a name: the word less a possessive, or each part of a hyphenated word. */
export function nameParts(word: ProseWord, exact: Set<string>): NamePart[] {
  const core = word.text.replace(/['’]s?$/u, '');
  const whole = { text: core, from: word.from, to: word.from + core.length };
  if (!core.includes('-') || exact.has(core.toLowerCase())) return [whole];
  const parts: NamePart[] = [];
  let offset = 0;
  for (const part of core.split('-')) {
    parts.push({ text: part, from: word.from + offset, to: word.from + offset + part.length });
    offset += part.length + 1;
  }
  return parts;
}

/**
 * Whether a word could be a misspelt name at all: capitalised, four letters or more, not an
 * acronym, no digits, not written exactly as a known name, and not ordinary English in our list.
 * (Being written in lower case elsewhere in the review is asked last, of words that match a name.)
 */
export function couldBeName(text: string, exact: Set<string>): boolean {
  if (text.length < 4 || /\p{N}/u.test(text)) return false;
  const first = text[0]!;
  if (first === first.toLowerCase()) return false;
  if (text === text.toUpperCase()) return false;
  if (exact.has(text.toLowerCase())) return false;
  return !isOrdinaryWord(text);
}

// What a spelling is a slip of depends only on the names, whose index lives as long as the front
// matter does (lint-review.ts): remembered there, each word of the review is measured against the
// names once while the critic types, not on every pause. Bounded: a long session forgets.
const closestByNames = new WeakMap<KnownNames, Map<string, NameMatch | null>>();
const REMEMBERED = 20_000;

function candidateOf(text: string, names: KnownNames): NameMatch | null {
  let known = closestByNames.get(names);
  if (!known) closestByNames.set(names, (known = new Map()));
  let match = known.get(text);
  if (match === undefined) {
    match = couldBeName(text, names.exact) ? closestNames(text, names) : null;
    if (known.size >= REMEMBERED) known.clear();
    known.set(text, match);
  }
  return match;
}

/** The names a word is a slip of, unless it cannot be a name or the review writes it in lower case. */
function slipOf(text: string, names: KnownNames, lowerWords: LowerCaseWords): NameMatch | null {
  const match = candidateOf(text, names);
  return match && !lowerWords.has(text.toLowerCase()) ? match : null;
}

export interface NameMatch {
  tokens: NameToken[];
  distance: number;
}

/** The known name words a spelling is a slip of, closest first; null when none is close enough. */
export function closestNames(text: string, names: KnownNames): NameMatch | null {
  const own = skeletons(text);
  const sk = own[0]!;
  let best: NameMatch | null = null;
  for (const token of names.tokens) {
    const name = token.skeletons[0]!;
    if (name[0] !== sk[0]) continue;
    // A name with an ending is not a slip: "Hutters", "Konchalovskian", "Wagnerian".
    if (sk.length > name.length && sk.startsWith(name)) continue;
    const allowed = allowedEdits(name.length);
    const distance = skeletonDistance(own, token.skeletons, allowed);
    if (distance > allowed) continue;
    if (!best || distance < best.distance) best = { tokens: [token], distance };
    else if (distance === best.distance) best.tokens.push(token);
  }
  return best;
}

/** "Svetka (played by Yuliya Burova)" */
export function describeName(name: KnownName): string {
  return `${name.name}, ${name.detail}`;
}

function message(written: string, match: NameMatch): string {
  const tokens = match.tokens.map((t) => `“${t.token}”`).join(' or ');
  const whose = match.tokens[0]!.names[0]!;
  return match.distance === 0
    ? `“${written}” is spelt ${tokens} in the film’s facts (${describeName(whose)}).`
    : `“${written}” looks like a misspelling of ${tokens} (${describeName(whose)}).`;
}

const lowerCache = new WeakMap<readonly ProseWord[], LowerCaseWords>();

/**
 * Which words the review also writes in lower case: those are ordinary words, not names ("Svelte
 * is the word. She is svelte."). Asked only of the few words that would be flagged, each answered
 * by one pass over the words and remembered, so a review of clean names pays almost nothing.
 */
export class LowerCaseWords {
  readonly #words: readonly ProseWord[];
  readonly #answers = new Map<string, boolean>();

  constructor(words: readonly ProseWord[]) {
    this.#words = words;
  }

  /** Whether `lower` (a lower-case word) is written so somewhere in the review. */
  has(lower: string): boolean {
    let answer = this.#answers.get(lower);
    if (answer === undefined) {
      answer = false;
      const length = lower.length;
      for (const word of this.#words) {
        if (word.text.length === length && word.text === lower) {
          answer = true;
          break;
        }
      }
      this.#answers.set(lower, answer);
    }
    return answer;
  }
}

/** The review's `LowerCaseWords`, shared by the checks that read the same words. */
export function lowerCaseWords(words: readonly ProseWord[]): LowerCaseWords {
  let index = lowerCache.get(words);
  if (!index) lowerCache.set(words, (index = new LowerCaseWords(words)));
  return index;
}

/** Whether a word starts with a capital letter (cheaply: most words do not). */
export function startsCapital(text: string): boolean {
  const code = text.charCodeAt(0);
  // ASCII answers without a string; other letters ask Unicode.
  if (code < 128) return code >= 65 && code <= 90;
  const first = text[0]!;
  return first !== first.toLowerCase();
}

/**
 * English endings. A word that carries one where English capitalises every word (a sentence's
 * start, a heading) is far likelier an ordinary word than a slip: "Rambling is what the film
 * avoids" is not about Charlotte Rampling. Recall lost there is a price worth paying.
 */
const INFLECTED = /(?:ing|ed|ly|ness|ment|tion|sion|ous|ful|less|able|ible|ive|ity)$/u;

export const nameNearMiss: LintRule = {
  id: 'name-near-miss',
  title: 'Names close to, but not, a name the metadata knows',
  run({ source, prose, names }: LintInput): Finding[] {
    if (names.tokens.length === 0) return [];
    const findings: Finding[] = [];
    const lowerWords = lowerCaseWords(prose.words);
    const cache = new Map<string, NameMatch | null>();
    const matchOf = (text: string) => {
      if (!cache.has(text)) cache.set(text, slipOf(text, names, lowerWords));
      return cache.get(text)!;
    };
    const flag = (from: number, to: number, written: string, match: NameMatch) =>
      findings.push({
        rule: 'name-near-miss',
        severity: 'warning',
        message: message(written, match),
        from,
        to,
        suggestions: [...new Set(match.tokens.map((t) => t.token))],
      });

    for (const block of prose.blocks) {
      const words = block.words;
      for (let i = 0; i < words.length; i++) {
        const word = words[i]!;
        // A name split in two ("Di Caprio", "Schr eck"): the pair joined is a known word or a slip of one.
        if (!startsCapital(word.text)) continue;
        const next = words[i + 1];
        if (next && startsCapital(next.text) && next.context === word.context && next.from === word.to + 1 && source[word.to] === ' ') {
          const pair = pairMatch(word, next, names, lowerWords);
          if (pair) {
            const to = next.from + next.text.replace(/['’]s?$/u, '').length;
            flag(word.from, to, source.slice(word.from, to), pair);
            i++;
            continue;
          }
        }
        const capitalised = word.sentenceStart || block.kind === 'heading';
        for (const part of nameParts(word, names.exact)) {
          const match = matchOf(part.text);
          if (!match) continue;
          // Only a variant of the name counts where English capitalises anyway (see INFLECTED).
          if (match.distance > 0 && capitalised && part.from === word.from && INFLECTED.test(part.text)) continue;
          flag(part.from, part.to, part.text, match);
        }
      }
    }
    return findings;
  },
};

function pairMatch(a: ProseWord, b: ProseWord, names: KnownNames, lowerWords: LowerCaseWords): NameMatch | null {
  const capital = (w: ProseWord) => w.text[0] !== w.text[0]!.toLowerCase();
  if (!capital(a) || !capital(b) || names.exact.has(a.text.toLowerCase()) || names.exact.has(b.text.toLowerCase())) return null;
  if (isOrdinaryWord(a.text) && isOrdinaryWord(b.text)) return null;
  const joined = a.text + b.text.replace(/['’]s?$/u, '');
  if (names.exact.has(joined.toLowerCase())) {
    const token = names.tokens.find((t) => t.token.toLowerCase() === joined.toLowerCase());
    return token ? { tokens: [token], distance: 0 } : null;
  }
  return slipOf(joined, names, lowerWords);
}
