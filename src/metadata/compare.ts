import type { FilmCastMember, FilmFacts } from '../contract/types';
import { personName } from '../review/schema';
import { isLocked, lockedPaths } from './locks';

/*
 * The field-by-field comparison of a looked-up film with the review's front matter, and the
 * edits that apply the fields the critic ticks. Values written keep what the critic already
 * has where it is the same person: a director written as {name, ids} stays that way, and a cast
 * member keeps their ids when only the character changes.
 */

export type LookupFieldKey =
  | 'title'
  | 'original_title'
  | 'year'
  | 'runtime'
  | 'countries'
  | 'languages'
  | 'genres'
  | 'directors'
  | 'writers'
  | 'cinematographers'
  | 'editors'
  | 'composers'
  | 'cast'
  | 'ids.tmdb'
  | 'ids.imdb'
  | 'ids.wikidata'
  | 'ids.letterboxd';

type Kind = 'text' | 'number' | 'codes' | 'people' | 'cast';

interface FieldSpec {
  key: LookupFieldKey;
  label: string;
  kind: Kind;
}

export const lookupFields: readonly FieldSpec[] = [
  { key: 'title', label: 'Title', kind: 'text' },
  { key: 'original_title', label: 'Original title', kind: 'text' },
  { key: 'year', label: 'Year', kind: 'number' },
  { key: 'runtime', label: 'Runtime', kind: 'number' },
  { key: 'directors', label: 'Directors', kind: 'people' },
  { key: 'writers', label: 'Writers', kind: 'people' },
  { key: 'cinematographers', label: 'Cinematographers', kind: 'people' },
  { key: 'editors', label: 'Editors', kind: 'people' },
  { key: 'composers', label: 'Composers', kind: 'people' },
  { key: 'cast', label: 'Cast', kind: 'cast' },
  { key: 'countries', label: 'Countries', kind: 'codes' },
  { key: 'languages', label: 'Languages', kind: 'codes' },
  { key: 'genres', label: 'Genres', kind: 'codes' },
  { key: 'ids.tmdb', label: 'TMDb id', kind: 'number' },
  { key: 'ids.imdb', label: 'IMDb id', kind: 'text' },
  { key: 'ids.wikidata', label: 'Wikidata id', kind: 'text' },
  { key: 'ids.letterboxd', label: 'Letterboxd slug', kind: 'text' },
];

/**
 * new: the review has nothing there; changed: it differs; same: nothing to do;
 * missing: the provider has nothing for it (never written: a lookup does not erase).
 */
export type FieldStatus = 'new' | 'changed' | 'same' | 'missing';

export interface FieldComparison {
  key: LookupFieldKey;
  label: string;
  /** Where the field lives in the front matter: ['film', 'ids', 'tmdb']. */
  path: string[];
  status: FieldStatus;
  locked: boolean;
  /** What the review has, for display ("" when nothing). */
  currentText: string;
  /** What the lookup found, for display. */
  foundText: string;
  /** The value to write when ticked (null for missing fields). */
  value: unknown;
}

/** Compares each film field; locked fields are flagged and never ticked. */
export function compareFilm(frontMatter: Record<string, unknown> | null, found: FilmFacts): FieldComparison[] {
  const film = asRecord(frontMatter?.['film']);
  const locked = lockedPaths(frontMatter);
  return lookupFields.map(({ key, label, kind }) => {
    const path = ['film', ...key.split('.')];
    const current = key.startsWith('ids.') ? asRecord(film['ids'])[key.slice(4)] : film[key];
    const raw = key.startsWith('ids.') ? found.ids[key.slice(4) as keyof FilmFacts['ids']] : found[key as Exclude<LookupFieldKey, `ids.${string}`>];
    const value = foundValue(kind, current, raw);
    const status: FieldStatus = isEmpty(value) ? 'missing' : isEmpty(current) ? 'new' : same(kind, current, value) ? 'same' : 'changed';
    return {
      key,
      label,
      path,
      status,
      locked: isLocked(locked, path),
      currentText: display(kind, current),
      foundText: display(kind, value),
      value: status === 'missing' ? null : value,
    };
  });
}

/** Ticked by default: every new or changed field that is not locked. */
export function defaultSelection(rows: readonly FieldComparison[]): Set<LookupFieldKey> {
  return new Set(rows.filter((row) => isApplicable(row)).map((row) => row.key));
}

export function isApplicable(row: FieldComparison): boolean {
  return !row.locked && (row.status === 'new' || row.status === 'changed');
}

/** The front-matter edits for the ticked fields; locked and unchanged ones are never among them. */
export function lookupEdits(rows: readonly FieldComparison[], ticked: ReadonlySet<LookupFieldKey>): LookupEdit[] {
  return rows
    .filter((row) => ticked.has(row.key) && isApplicable(row))
    .map((row) => ({ label: row.label, path: row.path, value: row.value }));
}

export interface LookupEdit {
  label: string;
  path: string[];
  value: unknown;
}

function foundValue(kind: Kind, current: unknown, found: unknown): unknown {
  if (kind === 'people') return mergePeople(current, found as string[]);
  if (kind === 'cast') return mergeCast(current, found as FilmCastMember[]);
  return found;
}

/** The found names, each written as the review already writes that person when it does. */
function mergePeople(current: unknown, found: readonly string[]): unknown[] {
  const mine = Array.isArray(current) ? current : [];
  return found.map((name) => mine.find((person) => personName(person) === name) ?? name);
}

/** The found cast in its billing order; a member the review has keeps their other fields (ids, order). */
function mergeCast(current: unknown, found: readonly FilmCastMember[]): unknown[] {
  const mine = (Array.isArray(current) ? current : []).map(asRecord);
  return found.map((member, index) => {
    const existing = mine.find((m) => m['name'] === member.name);
    if (!existing) return { ...member };
    const merged: Record<string, unknown> = { ...existing, name: member.name };
    if (member.character !== undefined) merged['character'] = member.character;
    // A billing position written by hand follows the new order.
    if ('order' in merged) merged['order'] = index;
    return merged;
  });
}

function same(kind: Kind, current: unknown, found: unknown): boolean {
  switch (kind) {
    case 'text':
      return typeof current === 'string' || typeof current === 'number' ? String(current).trim() === found : false;
    case 'number':
      return Number(current) === found;
    case 'codes':
      return sameSet(asStrings(current), found as string[]);
    case 'people':
      // The critic's order of names is kept when the names agree.
      return sameSet(names(current), names(found));
    case 'cast':
      return castKey(current) === castKey(found);
  }
}

function display(kind: Kind, value: unknown): string {
  if (isEmpty(value)) return '';
  switch (kind) {
    case 'text':
    case 'number':
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    case 'codes':
      return asStrings(value).join(', ');
    case 'people':
      return names(value).join(', ');
    case 'cast':
      return (Array.isArray(value) ? value : [])
        .map(asRecord)
        .map((m) => (typeof m['character'] === 'string' && m['character'] ? `${String(m['name'])} (${m['character']})` : String(m['name'] ?? '')))
        .join('\n');
  }
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function names(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).map(personName).filter((n): n is string => n !== null);
}

function asStrings(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
}

function castKey(value: unknown): string {
  return JSON.stringify(
    (Array.isArray(value) ? value : []).map(asRecord).map((m) => [String(m['name'] ?? ''), typeof m['character'] === 'string' ? m['character'] : '']),
  );
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  return a.length === b.length && left.size === new Set(b).size && b.every((item) => left.has(item));
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
