import { parseFrontMatter, type FrontMatter } from '../review/front-matter';
import type { IndexedFields } from './search-index';
import { plainText } from './search-text';

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** Every string and number below `value`, except ids (numbers and slugs nobody searches by words). */
function leaves(value: unknown, out: string[], depth = 0): void {
  if (depth > 6) return;
  if (typeof value === 'string' || typeof value === 'number') out.push(String(value));
  else if (Array.isArray(value)) for (const item of value) leaves(item, out, depth + 1);
  else {
    const object = record(value);
    if (!object) return;
    for (const [key, item] of Object.entries(object)) if (key !== 'ids') leaves(item, out, depth + 1);
  }
}

function text(value: unknown): string {
  const out: string[] = [];
  leaves(value, out);
  return out.join(' ');
}

/** What of a review the full-text search reads: headline, film facts, tags, summary and body. */
export function searchFields(source: string): IndexedFields {
  return searchFieldsOf(parseFrontMatter(source));
}

/** As searchFields, from front matter already parsed. */
export function searchFieldsOf({ data, block }: FrontMatter): IndexedFields {
  // A review whose front matter does not parse is still searchable by all its text.
  const body = data === null && block.yaml !== null ? `${block.yaml}\n${block.body}` : block.body;
  return { ...searchFacts({ data, block }), body: plainText(body) };
}

/**
 * The front-matter part of the search fields. The host keeps it in the metadata cache, so
 * indexing a library it already knows reads only bodies and parses no YAML.
 */
export type SearchFacts = Omit<IndexedFields, 'body'>;

export function searchFacts({ data }: Pick<FrontMatter, 'data' | 'block'>): SearchFacts {
  return { headline: text(data?.['title']), film: text(data?.['film']), tags: text(data?.['tags']), summary: text(data?.['summary']) };
}
