import { HostError } from '../contract/envelope';
import type { FilmDetails, FilmFacts } from '../contract/types';
import { getJson, type LookupErrorDetails } from './http';
import { list, queryString, record, text, unique } from './json';
import type { LookupPorts } from './ports';
import { imdbIdIn, maxCandidates, rankCandidates, type MetadataProvider, type ProviderCandidate } from './provider';
import {
  castStatements,
  characterOf,
  descriptionOf,
  durationMinutes,
  earliestYear,
  film,
  isFilm,
  itemIdOf,
  itemIds,
  labelOf,
  monolingualText,
  stringValue,
  type Entity,
} from './wikidata-claims';

/*
 * Wikidata through the MediaWiki Action API (no key): `wbsearchentities` finds items by label,
 * `list=search` with `haswbstatement:P345=…` finds one by IMDb id, `wbgetentities` reads items.
 * Requests go one after another, as the API etiquette asks, with Intertitle's User-Agent.
 */

export const wikidataApi = 'https://www.wikidata.org/w/api.php';

const day = 24 * 60 * 60 * 1000;
const searchMaxAge = 1 * day;
const entityMaxAge = 30 * day;
/** The Action API's limit of ids per `wbgetentities` call for clients without bot rights. */
const idsPerCall = 50;

export interface WikidataOptions {
  baseUrl?: string;
}

export function createWikidataProvider(ports: LookupPorts, options: WikidataOptions = {}): MetadataProvider {
  const base = options.baseUrl ?? wikidataApi;

  async function api(params: Record<string, string | number | undefined>, maxAgeMs: number, notFound?: string): Promise<Record<string, unknown>> {
    const query = queryString({ ...params, format: 'json' });
    const answer = record(
      await getJson(ports, { url: `${base}?${query}`, service: 'Wikidata', notFound, cache: { key: `wikidata:${query}`, maxAgeMs } }),
    );
    const error = record(answer.error);
    if (typeof error.code === 'string') throw apiError(error.code, text(error.info), notFound);
    return answer;
  }

  /** Items by id, in batches the API accepts; missing items are left out. */
  async function entities(ids: readonly string[], props: string): Promise<Map<string, Entity>> {
    const found = new Map<string, Entity>();
    const wanted = unique(ids);
    for (let i = 0; i < wanted.length; i += idsPerCall) {
      const batch = wanted.slice(i, i + idsPerCall);
      const answer = await api(
        { action: 'wbgetentities', ids: batch.join('|'), props, languages: 'en', languagefallback: 1 },
        entityMaxAge,
      );
      for (const [id, entity] of Object.entries(record(answer.entities))) {
        const e = record(entity);
        if (!('missing' in e)) found.set(id, e);
      }
    }
    return found;
  }

  async function labels(ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const [id, entity] of await entities(ids, 'labels')) {
      const label = labelOf(entity);
      if (label) out.set(id, label);
    }
    return out;
  }

  async function idsForTitle(title: string): Promise<string[]> {
    const answer = await api(
      { action: 'wbsearchentities', search: title, language: 'en', uselang: 'en', type: 'item', limit: 20 },
      searchMaxAge,
    );
    return list(answer.search).map((hit) => text(record(hit).id)).filter((id): id is string => id !== null && /^Q\d+$/.test(id));
  }

  async function idsForImdb(imdb: string): Promise<string[]> {
    const answer = await api(
      { action: 'query', list: 'search', srsearch: `haswbstatement:${film.imdb}=${imdb}`, srnamespace: 0, srlimit: 5 },
      searchMaxAge,
    );
    return list(record(answer.query).search).map((hit) => text(record(hit).title)).filter((id): id is string => id !== null && /^Q\d+$/.test(id));
  }

  return {
    id: 'wikidata',
    name: 'Wikidata',
    async search(query) {
      const imdb = imdbIdIn(query.title);
      const ids = imdb ? await idsForImdb(imdb) : await idsForTitle(query.title);
      if (ids.length === 0) return [];
      const items = [...(await entities(ids, 'labels|descriptions|claims')).values()].filter(isFilm);
      const candidates = items.map((entity) => ({
        entity,
        title: labelOf(entity) ?? String(entity.id),
        originalTitle: monolingualText(entity, film.title),
        year: earliestYear(entity, film.publicationDate),
      }));
      const ranked = rankCandidates(candidates, imdb ? { title: '' } : query).slice(0, maxCandidates);
      const directorNames = await labels(ranked.flatMap((c) => itemIds(c.entity, film.director)));
      return ranked.map(({ entity, title, originalTitle, year }): ProviderCandidate => ({
        provider: 'wikidata',
        id: String(entity.id),
        title,
        originalTitle: originalTitle !== null && originalTitle !== title ? originalTitle : null,
        year,
        directors: itemIds(entity, film.director).map((id) => directorNames.get(id)).filter((n): n is string => Boolean(n)),
        posterUrl: null,
        description: descriptionOf(entity),
      }));
    },
    async details(id, { castLimit }): Promise<FilmDetails> {
      if (!/^Q\d{1,12}$/.test(id)) throw new HostError('invalid-args', `“${id}” is not a Wikidata item id (such as Q151895).`);
      const missing = `Wikidata has no item ${id}. It may have been deleted or merged with another item.`;
      const found = await entities([id], 'labels|claims');
      const entity = found.get(id) ?? [...found.values()][0];
      if (!entity) throw new HostError('not-found', missing, { service: 'Wikidata', status: 404 } satisfies LookupErrorDetails);
      const cast = castStatements(entity).slice(0, castLimit);
      const people = [film.director, film.screenwriter, film.cinematographer, film.editor, film.composer].flatMap((p) => itemIds(entity, p));
      const castIds = cast.map((s) => itemIdOf(s.mainsnak)).filter((x): x is string => x !== null);
      const roleIds = cast.map((s) => characterOf(s).item).filter((x): x is string => x !== null);
      const names = await labels([...people, ...castIds, ...roleIds, ...itemIds(entity, film.genre)]);
      const places = await entities([...itemIds(entity, film.countryOfOrigin), ...itemIds(entity, film.originalLanguage)], 'labels|claims');
      const notes: string[] = [];
      const mapped = mapWikidataFilm(entity, { names, places, cast, notes });
      return { provider: 'wikidata', id: String(entity.id ?? id), film: mapped, url: `https://www.wikidata.org/wiki/${String(entity.id ?? id)}`, notes };
    },
  };
}

interface Resolved {
  names: Map<string, string>;
  places: Map<string, Entity>;
  cast: Record<string, unknown>[];
  notes: string[];
}

/** A Wikidata film item, with its people's labels and its countries' and languages' items, → the film block. */
export function mapWikidataFilm(entity: Entity, { names, places, cast, notes }: Resolved): FilmFacts {
  const people = (property: string) => unique(itemIds(entity, property).map((id) => names.get(id)).filter((n): n is string => Boolean(n)));
  const countries = itemIds(entity, film.countryOfOrigin).flatMap((id) => {
    const code = stringValue(places.get(id) ?? {}, film.iso3166alpha2);
    if (code && /^[A-Z]{2}$/.test(code)) return [code];
    notes.push(`${labelOf(places.get(id)) ?? id} has no ISO 3166-1 country code, so it is not among the countries.`);
    return [];
  });
  const languages = itemIds(entity, film.originalLanguage).flatMap((id) => {
    const place = places.get(id) ?? {};
    const code = stringValue(place, film.iso639_1) ?? stringValue(place, film.iso639_3);
    if (code && /^[a-z]{2,3}$/.test(code)) return [code];
    notes.push(`${labelOf(places.get(id)) ?? id} has no ISO 639 language code, so it is not among the languages.`);
    return [];
  });
  const tmdb = stringValue(entity, film.tmdbMovie);
  const imdb = stringValue(entity, film.imdb);
  const letterboxd = stringValue(entity, film.letterboxd);
  const id = text(entity.id);
  return {
    title: labelOf(entity),
    original_title: monolingualText(entity, film.title),
    year: earliestYear(entity, film.publicationDate),
    runtime: durationMinutes(entity),
    countries: unique(countries),
    languages: unique(languages),
    genres: unique(itemIds(entity, film.genre).map((g) => names.get(g)).filter((g): g is string => Boolean(g)).map(genreName)),
    directors: people(film.director),
    writers: people(film.screenwriter),
    cinematographers: people(film.cinematographer),
    editors: people(film.editor),
    composers: people(film.composer),
    cast: cast.flatMap((statement) => {
      const actor = itemIdOf(statement.mainsnak);
      const name = actor ? names.get(actor) : undefined;
      if (!name) return [];
      const role = characterOf(statement);
      const character = role.name ?? (role.item ? names.get(role.item) : undefined) ?? null;
      return [character ? { name, character } : { name }];
    }),
    ids: {
      tmdb: tmdb && /^\d{1,10}$/.test(tmdb) ? Number(tmdb) : null,
      imdb: imdb && /^tt\d{7,9}$/.test(imdb) ? imdb : null,
      wikidata: id && /^Q\d+$/.test(id) ? id : null,
      letterboxd: letterboxd && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(letterboxd) ? letterboxd : null,
    },
  };
}

/** Wikidata's genre items are "horror film", "drama film": the front matter says Horror, Drama. */
export function genreName(label: string): string {
  const bare = label.replace(/\s+film$/i, '').trim() || label;
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

function apiError(code: string, info: string | null, notFound: string | undefined): HostError {
  const details: LookupErrorDetails = { service: 'Wikidata', ...(info ? { serviceMessage: info } : {}) };
  if (code === 'no-such-entity') return new HostError('not-found', notFound ?? 'Wikidata has no such item.', details);
  if (code === 'maxlag' || code === 'ratelimited') {
    return new HostError('network', 'Wikidata is busy right now and asked Intertitle to wait. Try again in a minute.', {
      ...details,
      retryAfterSeconds: null,
    });
  }
  return new HostError('network', `Wikidata refused the request${info ? `: ${info}` : ''}.`, details);
}
