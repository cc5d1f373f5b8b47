import { HostError } from '../contract/envelope';
import type { FilmDetails } from '../contract/types';
import { getJson, type CachedGet } from './http';
import { list, mapLimited, queryString, record, text } from './json';
import type { LookupPorts } from './ports';
import { imdbIdIn, maxCandidates, rankCandidates, type FilmQuery, type MetadataProvider, type ProviderCandidate } from './provider';
import { crewNames, mapTmdbMovie, mapTmdbSearchResult } from './tmdb-map';

export const tmdbApiBase = 'https://api.themoviedb.org/3';
const defaultImageBase = 'https://image.tmdb.org/t/p/';

const day = 24 * 60 * 60 * 1000;
// Well inside the 6 months TMDb's terms allow (the host's cache enforces that ceiling too):
// searches change as films are added, a film's page rarely does.
const searchMaxAge = 1 * day;
const detailsMaxAge = 30 * day;
// TMDb asks clients to cache the configuration for a few days rather than hard-code it.
const configurationMaxAge = 3 * day;

/** Candidates whose directors are fetched for the list (their details are then cached for the choice). */
const candidatesWithDirectors = 6;

export interface TmdbOptions {
  /** The API Read Access Token (a JWT, sent as a Bearer token); null when the critic has none. */
  token: string | null;
  /** `https://api.themoviedb.org/3`, or a local server in tests. */
  baseUrl?: string;
}

const appendToResponse = 'credits,release_dates,external_ids';

export function createTmdbProvider(ports: LookupPorts, options: TmdbOptions): MetadataProvider {
  const base = (options.baseUrl ?? tmdbApiBase).replace(/\/+$/, '');

  function request(path: string, params: Record<string, string | number | undefined>, extra: Partial<CachedGet> = {}): CachedGet {
    if (!options.token) {
      throw new HostError(
        'auth',
        'Add your TMDb read access token to look films up on TMDb (themoviedb.org → Settings → API), or choose Wikidata, which needs none.',
      );
    }
    const url = `${base}${path}?${queryString(params)}`;
    return {
      url,
      headers: { Authorization: `Bearer ${options.token}` },
      service: 'TMDb',
      unauthorized:
        'TMDb refused the read access token. Check that you pasted the API Read Access Token (the long one starting with “eyJ”), not the shorter API key, and that it has not been revoked.',
      ...extra,
    };
  }

  const detailsRequest = (id: string) =>
    request(`/movie/${encodeURIComponent(id)}`, { append_to_response: appendToResponse, language: 'en-US' }, {
      notFound: `TMDb has no film with id ${id}. It may have been removed or merged with another entry.`,
      cache: { key: `tmdb:movie:${id}:${appendToResponse}`, maxAgeMs: detailsMaxAge },
    });

  let posterBase: Promise<string> | null = null;
  /** `secure_base_url` + the smallest poster size, from TMDb's configuration. */
  function posterBaseUrl(): Promise<string> {
    posterBase ??= getJson(ports, request('/configuration', {}, { cache: { key: 'tmdb:configuration', maxAgeMs: configurationMaxAge } }))
      .then((answer) => {
        const images = record(record(answer).images);
        const secure = text(images.secure_base_url) ?? defaultImageBase;
        const sizes = list(images.poster_sizes).map(text);
        const size = sizes.includes('w92') ? 'w92' : (sizes.find((s) => s && /^w\d+$/.test(s)) ?? 'w92');
        return `${secure.replace(/\/+$/, '')}/${size}`;
      })
      .catch((error: unknown) => {
        // Posters are a nicety: without the configuration, use TMDb's documented image base.
        if (!(error instanceof HostError)) throw error;
        posterBase = null;
        return `${defaultImageBase}w92`;
      });
    return posterBase;
  }

  async function searchPage(query: FilmQuery, year: number | undefined): Promise<Record<string, unknown>[]> {
    const answer = await getJson(
      ports,
      request(
        '/search/movie',
        { query: query.title, include_adult: 'false', language: 'en-US', page: 1, year },
        { cache: { key: `tmdb:search:${query.title.toLowerCase()}:${year ?? ''}`, maxAgeMs: searchMaxAge } },
      ),
    );
    return list(record(answer).results).map(record);
  }

  async function findByImdb(imdb: string): Promise<Record<string, unknown>[]> {
    const answer = await getJson(
      ports,
      request(`/find/${imdb}`, { external_source: 'imdb_id', language: 'en-US' }, {
        cache: { key: `tmdb:find:${imdb}`, maxAgeMs: searchMaxAge },
      }),
    );
    return list(record(answer).movie_results).map(record);
  }

  async function withDirectors(candidate: ProviderCandidate): Promise<ProviderCandidate> {
    try {
      const movie = record(await getJson(ports, detailsRequest(candidate.id)));
      return { ...candidate, directors: crewNames(record(movie.credits).crew, 'directors') };
    } catch (error) {
      // The list is still useful without a director; a refused token is not, so it is reported.
      if (error instanceof HostError && error.code !== 'auth') return candidate;
      throw error;
    }
  }

  return {
    id: 'tmdb',
    name: 'TMDb',
    async search(query) {
      const imdb = imdbIdIn(query.title);
      let results = imdb ? await findByImdb(imdb) : await searchPage(query, query.year);
      // `year` matches any release that year; festival films often open a year apart.
      if (!imdb && results.length === 0 && query.year !== undefined) results = await searchPage(query, undefined);
      const needsPosters = results.some((r) => typeof r.poster_path === 'string');
      const base = needsPosters ? await posterBaseUrl() : `${defaultImageBase}w92`;
      const candidates = results
        .map((r) => mapTmdbSearchResult(r, (path) => `${base}${path}`))
        .filter((c): c is ProviderCandidate => c !== null);
      const ranked = rankCandidates(candidates, imdb ? { title: '' } : query).slice(0, maxCandidates);
      const top = await mapLimited(ranked.slice(0, candidatesWithDirectors), 3, withDirectors);
      return [...top, ...ranked.slice(candidatesWithDirectors)];
    },
    async details(id, { castLimit }): Promise<FilmDetails> {
      if (!/^\d{1,10}$/.test(id)) throw new HostError('invalid-args', `“${id}” is not a TMDb film id (a number such as 653).`);
      const movie = record(await getJson(ports, detailsRequest(id)));
      return { provider: 'tmdb', id, film: mapTmdbMovie(movie, castLimit), url: `https://www.themoviedb.org/movie/${id}`, notes: [] };
    },
  };
}
