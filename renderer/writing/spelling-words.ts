import { WORD, type KnownName } from '../../src/lint/names';

/**
 * The words of the names that a spellchecker should learn: each word of each name, with two
 * letters or more (initials are not words), at most 100 characters, each once.
 */
export function spellingWords(names: readonly KnownName[]): string[] {
  const words = new Set<string>();
  for (const { name } of names) {
    for (const [word] of name.matchAll(WORD)) {
      if (word.replace(/[^\p{L}]/gu, '').length >= 2 && word.length <= 100) words.add(word);
    }
  }
  return [...words].slice(0, 2000);
}
