import { list, record, text, type Json } from './json';

/*
 * Reading Wikibase JSON (`wbgetentities`): statements are `claims[P][]` with a `mainsnak`, a
 * `rank` and `qualifiers`. Deprecated statements are skipped; where one value is wanted, a
 * preferred statement wins over normal ones.
 */

export type Entity = Json;

export const film = {
  instanceOf: 'P31',
  title: 'P1476',
  director: 'P57',
  screenwriter: 'P58',
  cinematographer: 'P344',
  editor: 'P1040',
  composer: 'P86',
  cast: 'P161',
  characterRole: 'P453',
  characterName: 'P4633',
  seriesOrdinal: 'P1545',
  genre: 'P136',
  publicationDate: 'P577',
  duration: 'P2047',
  countryOfOrigin: 'P495',
  originalLanguage: 'P364',
  imdb: 'P345',
  tmdbMovie: 'P4947',
  letterboxd: 'P6127',
  iso3166alpha2: 'P297',
  iso639_1: 'P218',
  iso639_3: 'P220',
} as const;

/** Classes an item's "instance of" names when it is a film (Wikidata's own subclasses of Q11424 in common use). */
export const filmClasses = new Set([
  'Q11424', // film
  'Q24869', // feature film
  'Q202866', // animated film
  'Q93204', // documentary film
  'Q226730', // silent film
  'Q24862', // short film
  'Q506240', // television film
  'Q29168811', // animated feature film
  'Q20667187', // 3D film
  'Q229390', // 3D film (older item)
]);

/** Units of P2047 (duration) and how many minutes each is. */
const minutesPerUnit: Record<string, number> = { Q7727: 1, Q25235: 60, Q11574: 1 / 60 };

export function statements(entity: Entity, property: string): Json[] {
  const all = list(record(entity.claims)[property]).map(record).filter((s) => s.rank !== 'deprecated');
  const preferred = all.filter((s) => s.rank === 'preferred');
  return preferred.length ? [...preferred, ...all.filter((s) => s.rank !== 'preferred')] : all;
}

function snakValue(snak: unknown): unknown {
  const s = record(snak);
  return s.snaktype === 'value' ? record(s.datavalue).value : undefined;
}

export function itemIdOf(snak: unknown): string | null {
  const id = text(record(snakValue(snak)).id);
  return id !== null && /^Q\d+$/.test(id) ? id : null;
}

/** The item ids of a property's statements, in statement order. */
export function itemIds(entity: Entity, property: string): string[] {
  return statements(entity, property)
    .map((s) => itemIdOf(s.mainsnak))
    .filter((id): id is string => id !== null);
}

export function stringValue(entity: Entity, property: string): string | null {
  for (const s of statements(entity, property)) {
    const value = snakValue(s.mainsnak);
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}

export function monolingualText(entity: Entity, property: string): string | null {
  for (const s of statements(entity, property)) {
    const value = text(record(snakValue(s.mainsnak)).text);
    if (value) return value;
  }
  return null;
}

/** The earliest year among a time property's values (films carry several release dates). */
export function earliestYear(entity: Entity, property: string): number | null {
  const years = statements(entity, property)
    .map((s) => record(snakValue(s.mainsnak)))
    .filter((v) => typeof v.precision === 'number' && v.precision >= 9)
    .map((v) => /^\+(\d{4})-/.exec(typeof v.time === 'string' ? v.time : ''))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]));
  return years.length ? Math.min(...years) : null;
}

/** P2047 in whole minutes, converting hours and seconds. */
export function durationMinutes(entity: Entity): number | null {
  for (const s of statements(entity, film.duration)) {
    const value = record(snakValue(s.mainsnak));
    const amount = Number(text(value.amount));
    const unit = /Q\d+$/.exec(text(value.unit) ?? '')?.[0];
    const factor = unit === undefined ? undefined : minutesPerUnit[unit];
    if (Number.isFinite(amount) && factor !== undefined && amount > 0) return Math.round(amount * factor);
  }
  return null;
}

/** The entity's label (English, or the fallback language `languagefallback` chose). */
export function labelOf(entity: Entity | undefined): string | null {
  if (!entity) return null;
  const labels = record(entity.labels);
  return text(record(labels.en).value) ?? text(record(Object.values(labels)[0]).value);
}

export function descriptionOf(entity: Entity): string | null {
  return text(record(record(entity.descriptions).en).value);
}

export function isFilm(entity: Entity): boolean {
  if (itemIds(entity, film.instanceOf).some((id) => filmClasses.has(id))) return true;
  // Films typed with a rarer class still have a director and a release date.
  return statements(entity, film.director).length > 0 && statements(entity, film.publicationDate).length > 0;
}

/** Cast statements in billing order: by "series ordinal" where given, else as Wikidata lists them. */
export function castStatements(entity: Entity): Json[] {
  return statements(entity, film.cast)
    .map((statement, index) => {
      const ordinal = list(record(statement.qualifiers)[film.seriesOrdinal]).map(snakValue).find((v) => typeof v === 'string');
      const order = ordinal !== undefined && /^\d+$/.test(ordinal as string) ? Number(ordinal) : Number.MAX_SAFE_INTEGER;
      return { statement, index, order };
    })
    .sort((a, b) => a.order - b.order || a.index - b.index)
    .map((entry) => entry.statement);
}

/** A cast statement's character: the role item's id (P453) and/or the role's name as text (P4633). */
export function characterOf(statement: Json): { item: string | null; name: string | null } {
  const qualifiers = record(statement.qualifiers);
  const item = list(qualifiers[film.characterRole]).map(itemIdOf).find((id) => id !== null) ?? null;
  const name = list(qualifiers[film.characterName]).map(snakValue).find((v): v is string => typeof v === 'string' && v.trim() !== '');
  return { item, name: name?.trim() ?? null };
}
