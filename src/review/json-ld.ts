import { defaultRatingScale, personName } from './schema';

/** Who wrote the review, and where it lives; the file itself does not say. */
export interface JsonLdOptions {
  author?: { name: string; url?: string };
  /** The review's public address. */
  url?: string;
}

type Json = Record<string, unknown>;

/**
 * The review as schema.org `Review` JSON-LD with the film as its `itemReviewed` `Movie`, for the
 * HTML export to embed (research/film-metadata.md §10.1). Reads the front matter leniently: a
 * field of the wrong type is left out, never guessed at.
 */
export function reviewJsonLd(data: Record<string, unknown> | null, options: JsonLdOptions = {}): Json {
  const review = record(data) ?? {};
  const film = record(review['film']) ?? {};
  const out: Json = { '@context': 'https://schema.org', '@type': 'Review' };
  const headline = text(review['title']);
  put(out, 'name', headline);
  put(out, 'headline', headline);
  put(out, 'description', text(review['summary']));
  put(out, 'datePublished', date(review['date']));
  put(out, 'keywords', nonEmpty(texts(review['tags'])));
  put(out, 'url', options.url);
  if (options.author) put(out, 'author', clean({ '@type': 'Person', name: options.author.name, url: options.author.url }));
  put(out, 'reviewRating', rating(review));
  out['itemReviewed'] = movie(film);
  return out;
}

/**
 * JSON-LD as text that is safe inside `<script type="application/ld+json">`: a `</script>` in a
 * title cannot end the element early.
 */
export function jsonLdScriptText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function movie(film: Record<string, unknown>): Json {
  const out: Json = { '@type': 'Movie' };
  const title = text(film['title']);
  put(out, 'name', title);
  const original = text(film['original_title']);
  if (original !== title) put(out, 'alternateName', original);
  const year = film['year'];
  if (typeof year === 'number' && Number.isInteger(year)) out['datePublished'] = String(year);
  const runtime = film['runtime'];
  if (typeof runtime === 'number' && Number.isInteger(runtime) && runtime > 0) out['duration'] = `PT${runtime}M`;
  put(out, 'countryOfOrigin', one(texts(film['countries']).map((code) => ({ '@type': 'Country', name: code }))));
  put(out, 'inLanguage', one(texts(film['languages'])));
  put(out, 'genre', one(texts(film['genres'])));
  put(out, 'director', one(people(film['directors'])));
  put(out, 'author', one(people(film['writers'])));
  put(out, 'musicBy', one(people(film['composers'])));
  put(out, 'producer', one(people(film['producers'])));
  put(out, 'actor', nonEmpty(cast(film['cast'])));
  put(out, 'sameAs', nonEmpty(filmLinks(record(film['ids']) ?? {})));
  return out;
}

function rating(review: Record<string, unknown>): Json | undefined {
  const value = review['rating'];
  const scale = review['rating_scale'] ?? defaultRatingScale;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0 || value < 0 || value > scale) return undefined;
  return { '@type': 'Rating', ratingValue: value, bestRating: scale, worstRating: 0 };
}

function people(value: unknown): Json[] {
  return list(value).flatMap((entry) => {
    // Only names written as text: a number here is a mistake the schema check reports.
    const name = typeof entry === 'number' ? null : personName(entry);
    if (!name?.trim()) return [];
    const links = personLinks(record(record(entry)?.['ids']) ?? {});
    return [clean({ '@type': 'Person', name, sameAs: nonEmpty(links) })];
  });
}

function cast(value: unknown): Json[] {
  return list(value).flatMap((entry) => {
    const member = record(entry);
    const name = text(member?.['name']);
    if (!member || !name) return [];
    const actor = clean({ '@type': 'Person', name, sameAs: nonEmpty(personLinks(record(member['ids']) ?? {})) });
    const character = text(member['character']);
    return [character ? { '@type': 'PerformanceRole', actor, characterName: character } : actor];
  });
}

// Ids are checked against their formats before they go into a link.
function filmLinks(ids: Record<string, unknown>): string[] {
  const links: string[] = [];
  const imdb = text(ids['imdb']);
  if (imdb && /^tt\d{7,9}$/.test(imdb)) links.push(`https://www.imdb.com/title/${imdb}/`);
  const tmdb = ids['tmdb'];
  if (typeof tmdb === 'number' && Number.isInteger(tmdb) && tmdb > 0) links.push(`https://www.themoviedb.org/movie/${tmdb}`);
  const wikidata = text(ids['wikidata']);
  if (wikidata && /^Q\d+$/.test(wikidata)) links.push(`https://www.wikidata.org/wiki/${wikidata}`);
  const letterboxd = text(ids['letterboxd']);
  if (letterboxd && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(letterboxd)) links.push(`https://letterboxd.com/film/${letterboxd}/`);
  return links;
}

function personLinks(ids: Record<string, unknown>): string[] {
  const links: string[] = [];
  const imdb = text(ids['imdb']);
  if (imdb && /^nm\d{7,9}$/.test(imdb)) links.push(`https://www.imdb.com/name/${imdb}/`);
  const tmdb = ids['tmdb'];
  if (typeof tmdb === 'number' && Number.isInteger(tmdb) && tmdb > 0) links.push(`https://www.themoviedb.org/person/${tmdb}`);
  const wikidata = text(ids['wikidata']);
  if (wikidata && /^Q\d+$/.test(wikidata)) links.push(`https://www.wikidata.org/wiki/${wikidata}`);
  return links;
}

function date(value: unknown): string | undefined {
  const written = text(value);
  return written && /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(written) ? written : undefined;
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function texts(value: unknown): string[] {
  return list(value).flatMap((item) => (text(item) ? [item as string] : []));
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}

/** One value as itself, several as a list, none as nothing (schema.org allows either form). */
function one<T>(items: T[]): T | T[] | undefined {
  return items.length === 0 ? undefined : items.length === 1 ? items[0] : items;
}

function put(target: Json, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

function clean(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
