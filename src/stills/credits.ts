import type { FrontMatterEdit } from '../review/front-matter-edit';
import { personName } from '../review/schema';

/**
 * Credits live in the front matter's `stills` map, keyed by the image path as written
 * (`stills: {stills/01-a.jpg: {credit: Curzon}}`, DESIGN §4), beside any other facts of the still.
 */

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** The `stills` entry of one still, or null. Own keys only. */
export function stillFacts(data: Record<string, unknown> | null, key: string): Record<string, unknown> | null {
  const stills = record(data?.['stills']);
  return stills && Object.hasOwn(stills, key) ? record(stills[key]) : null;
}

/** The credit of one still as text ("" when none). */
export function creditOf(data: Record<string, unknown> | null, key: string): string {
  const credit = stillFacts(data, key)?.['credit'];
  return typeof credit === 'string' ? credit : typeof credit === 'number' ? String(credit) : '';
}

/**
 * The front-matter edit that gives a still a credit. An empty credit removes it, and removes the
 * still's entry too when the credit was all it held (the file keeps no empty records).
 */
export function creditEdit(data: Record<string, unknown> | null, key: string, credit: string): FrontMatterEdit {
  const value = credit.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  if (value !== '') return { kind: 'set', path: ['stills', key, 'credit'], value };
  const facts = stillFacts(data, key);
  const others = facts ? Object.keys(facts).filter((k) => k !== 'credit') : [];
  return others.length ? { kind: 'remove', path: ['stills', key, 'credit'] } : { kind: 'remove', path: ['stills', key] };
}

/** Placeholders a default credit may use. */
export const creditPlaceholders = ['{distributor}', '{title}', '{year}'] as const;

/**
 * Fills a default credit such as "Courtesy of {distributor}" from the review's film facts. Null
 * when the template is empty or names a fact the review does not have: a half-filled credit
 * ("Courtesy of ") would be worse than none.
 */
export function fillCredit(template: string, data: Record<string, unknown> | null): string | null {
  const text = template.trim();
  if (!text) return null;
  const film = record(data?.['film']);
  const distributors = Array.isArray(film?.['distributors']) ? (film['distributors'] as unknown[]) : [];
  const firstDistributor = distributors.map((d) => personName(d)).find((name) => name && name.trim()) ?? null;
  const title = typeof film?.['title'] === 'string' || typeof film?.['title'] === 'number' ? String(film['title']) : null;
  const year = typeof film?.['year'] === 'number' || typeof film?.['year'] === 'string' ? String(film['year']) : null;
  const values: Record<string, string | null> = { distributor: firstDistributor, title, year };
  let missing = false;
  const filled = text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(values, name)) return whole;
    const value = values[name];
    if (!value) missing = true;
    return value ?? '';
  });
  return missing ? null : filled;
}
