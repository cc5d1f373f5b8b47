import type { FilmCastMember, FilmFacts } from '../contract/types';
import { integer, list, record, text, unique, yearOf, type Json } from './json';
import type { ProviderCandidate } from './provider';

/*
 * TMDb API v3 answers → the `film:` block. Field names follow TMDb's OpenAPI description (see
 * ../shared/research/film-metadata.md §1.5–1.6): `search/movie` results, and `movie/{id}` with
 * `append_to_response=credits,release_dates,external_ids`.
 */

/** Crew jobs (TMDb `credits.crew[].job`) that fill each list of the film block. */
export const tmdbCrewJobs = {
  directors: ['Director'],
  writers: ['Screenplay', 'Writer', 'Story', 'Original Story', 'Novel', 'Author', 'Book', 'Screenstory', 'Teleplay'],
  cinematographers: ['Director of Photography', 'Cinematography'],
  editors: ['Editor'],
  composers: ['Original Music Composer', 'Music', 'Composer'],
} as const;

type CrewList = keyof typeof tmdbCrewJobs;

/** The people of one list, in TMDb's order, each name once. */
export function crewNames(crew: unknown, role: CrewList): string[] {
  const jobs: readonly string[] = tmdbCrewJobs[role];
  const names = list(crew)
    .map(record)
    .filter((member) => typeof member.job === 'string' && jobs.includes(member.job))
    .map((member) => text(member.name))
    .filter((name): name is string => name !== null);
  return unique(names, (name) => name.toLowerCase());
}

/** The cast in billing order (`order`, 0 first), the first `limit` of them. */
export function castOf(cast: unknown, limit: number): FilmCastMember[] {
  return list(cast)
    .map(record)
    .map((member, index) => ({ member, index, order: integer(member.order) ?? Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.order - b.order || a.index - b.index)
    .map(({ member }) => {
      const name = text(member.name);
      const character = text(member.character);
      return name === null ? null : character === null ? { name } : { name, character };
    })
    .filter((member): member is FilmCastMember => member !== null)
    .slice(0, limit);
}

const isoCountry = /^[A-Z]{2}$/;
const isoLanguage = /^[a-z]{2}$/;

/** Production countries (origin countries when TMDb lists none), as quoted ISO 3166-1 codes. */
export function countriesOf(movie: Json): string[] {
  const production = list(movie.production_countries).map((c) => text(record(c).iso_3166_1));
  const origin = list(movie.origin_country).map(text);
  const codes = (production.length ? production : origin).filter((c): c is string => c !== null && isoCountry.test(c));
  return unique(codes);
}

/** The original language first, then the spoken ones; TMDb's `xx` ("No Language") is left out. */
export function languagesOf(movie: Json): string[] {
  const spoken = list(movie.spoken_languages).map((l) => text(record(l).iso_639_1));
  const codes = [text(movie.original_language), ...spoken].filter(
    (c): c is string => c !== null && isoLanguage.test(c) && c !== 'xx',
  );
  return unique(codes);
}

/** `movie/{id}` with credits and external ids → the film block. */
export function mapTmdbMovie(movie: Json, castLimit: number): FilmFacts {
  const credits = record(movie.credits);
  const external = record(movie.external_ids);
  const imdb = text(external.imdb_id) ?? text(movie.imdb_id);
  const wikidata = text(external.wikidata_id);
  const runtime = integer(movie.runtime);
  return {
    title: text(movie.title),
    original_title: text(movie.original_title),
    year: yearOf(movie.release_date),
    runtime: runtime !== null && runtime > 0 ? runtime : null,
    countries: countriesOf(movie),
    languages: languagesOf(movie),
    genres: unique(list(movie.genres).map((g) => text(record(g).name)).filter((g): g is string => g !== null)),
    directors: crewNames(credits.crew, 'directors'),
    writers: crewNames(credits.crew, 'writers'),
    cinematographers: crewNames(credits.crew, 'cinematographers'),
    editors: crewNames(credits.crew, 'editors'),
    composers: crewNames(credits.crew, 'composers'),
    cast: castOf(credits.cast, castLimit),
    ids: {
      tmdb: integer(movie.id),
      imdb: imdb !== null && /^tt\d{7,9}$/.test(imdb) ? imdb : null,
      wikidata: wikidata !== null && /^Q\d+$/.test(wikidata) ? wikidata : null,
      letterboxd: null,
    },
  };
}

/** One `search/movie` result → a candidate (without directors: the search does not give them). */
export function mapTmdbSearchResult(result: Json, posterUrl: (path: string) => string): ProviderCandidate | null {
  const id = integer(result.id);
  const title = text(result.title) ?? text(result.original_title);
  if (id === null || title === null) return null;
  const original = text(result.original_title);
  const poster = text(result.poster_path);
  return {
    provider: 'tmdb',
    id: String(id),
    title,
    originalTitle: original !== null && original !== title ? original : null,
    year: yearOf(result.release_date),
    directors: [],
    posterUrl: poster && poster.startsWith('/') ? posterUrl(poster) : null,
    description: null,
  };
}
