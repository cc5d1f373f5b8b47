import { crewRoles, personName } from '../review/schema';
import { isOrdinaryWord } from './common-words';
import { skeletons } from './fold';

/** Where a name comes from, for messages ("the character Max Schreck plays") and completions. */
export type NameKind = 'cast' | 'character' | 'crew' | 'title' | 'names';

export interface KnownName {
  name: string;
  kind: NameKind;
  /** A few words on who or what it is: "who plays Count Orlok", "director", "the film’s title". */
  detail: string;
}

/** One word of a known name that a misspelling can be measured against. */
export interface NameToken {
  token: string;
  /** Its skeleton as written (first) and with written-out umlauts folded (see fold.ts). */
  skeletons: string[];
  /** The names it is part of. */
  names: KnownName[];
}

export interface KnownNames {
  list: KnownName[];
  /** Every word of every name, lower case: a word written exactly so is never flagged. */
  exact: Set<string>;
  /** The distinctive words (capitalised, four letters or more, not ordinary English). */
  tokens: NameToken[];
}

/** Words of a name or of prose: letters and marks, joined by apostrophes or hyphens. */
export const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐‑][\p{L}\p{M}\p{N}]+)*/gu;

const ROLE_LABEL: Record<(typeof crewRoles)[number], string> = {
  directors: 'director',
  writers: 'writer',
  cinematographers: 'cinematographer',
  editors: 'editor',
  composers: 'composer',
  producers: 'producer',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const textOf = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The names the metadata knows, in the order a critic meets them: the film's title, the cast and
 * their characters, the crew, then the review's own `names` list. Read leniently: a field of the
 * wrong shape is skipped (the sidebar reports it).
 */
export function knownNamesOf(data: Record<string, unknown> | null): KnownName[] {
  const out: KnownName[] = [];
  const seen = new Set<string>();
  const add = (name: string | null, kind: NameKind, detail: string) => {
    if (!name || seen.has(`${kind}\u0000${name}`)) return;
    seen.add(`${kind}\u0000${name}`);
    out.push({ name, kind, detail });
  };
  const film = isRecord(data?.['film']) ? data['film'] : null;
  add(textOf(film?.['title']), 'title', 'the film’s title');
  add(textOf(film?.['original_title']), 'title', 'the film’s original title');
  for (const member of listOf(film?.['cast'])) {
    if (!isRecord(member)) continue;
    const actor = textOf(member['name']);
    const character = textOf(member['character']);
    add(actor, 'cast', character ? `who plays ${character}` : 'in the cast');
    add(character, 'character', actor ? `played by ${actor}` : 'character');
  }
  for (const role of crewRoles) {
    for (const person of listOf(film?.[role])) add(textOf(personName(person)), 'crew', ROLE_LABEL[role]);
  }
  for (const name of listOf(data?.['names'])) add(textOf(typeof name === 'number' ? String(name) : name), 'names', 'from this review’s names');
  return out;
}

/** The known names with their words indexed for the checks. */
export function indexNames(list: KnownName[]): KnownNames {
  const exact = new Set<string>();
  const byToken = new Map<string, NameToken>();
  for (const known of list) {
    for (const [word] of known.name.matchAll(WORD)) {
      const parts = word.includes('-') ? [word, ...word.split('-')] : [word];
      for (const part of parts) {
        exact.add(part.toLowerCase());
        if (!isDistinctive(part)) continue;
        const entry = byToken.get(part) ?? { token: part, skeletons: skeletons(part), names: [] };
        if (!entry.names.includes(known)) entry.names.push(known);
        byToken.set(part, entry);
      }
    }
  }
  return { list, exact, tokens: [...byToken.values()] };
}

/** A word that can only be a name: capitalised (or from a script without case), 4+ letters, not ordinary English. */
export function isDistinctive(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4) return false;
  const first = letters[0]!;
  if (first === first.toLowerCase() && first !== first.toUpperCase()) return false;
  if (letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return false;
  return !isOrdinaryWord(word);
}
