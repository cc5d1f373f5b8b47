import { describe, expect, it } from 'vitest';
import { createTmdbProvider } from '../../src/metadata/tmdb';
import { startFilmApiServer, testToken } from '../helpers/film-api-server';
import { hostFailure } from '../helpers/host-failure';
import { MemoryCache, nodePorts } from '../helpers/lookup-ports';
import { nosferatuFromTmdb } from '../helpers/tmdb-samples';
import { useFilmApiServer } from '../helpers/use-film-api-server';

const api = useFilmApiServer();

const tmdb = (options: { token?: string | null; timeoutMs?: number; cache?: MemoryCache; baseUrl?: string } = {}) =>
  createTmdbProvider(nodePorts({ timeoutMs: options.timeoutMs ?? 2000, cache: options.cache }), {
    token: options.token === undefined ? testToken : options.token,
    baseUrl: options.baseUrl ?? api.server.tmdbApi,
  });

describe('TMDb client (local server with TMDb’s documented response shapes)', () => {
  it('searches search/movie with the Bearer token and a descriptive User-Agent, and names each film’s director', async () => {
    const found = await tmdb().search({ title: 'Nosferatu', year: 1922 });
    expect(found.map((c) => [c.id, c.title, c.year, c.directors])).toEqual([['653', 'Nosferatu', 1922, ['F. W. Murnau']]]);
    expect(found[0]!.originalTitle).toBe('Nosferatu, eine Symphonie des Grauens');
    expect(found[0]!.posterUrl).toBe(`${api.server.origin}/t/p/w92/nosferatu-poster.png`);
    const search = api.server.requests.find((r) => r.url.startsWith('/3/search/movie'))!;
    expect(search.url).toContain('query=Nosferatu');
    expect(search.url).toContain('year=1922');
    expect(search.headers.authorization).toBe(`Bearer ${testToken}`);
    expect(search.headers['user-agent']).toMatch(/^Intertitle\/\S+ \(https:\/\/intertitle\.example; /);
    // The director comes from the same details request a choice makes (so it is cached for it).
    expect(api.server.requests.some((r) => r.url.startsWith('/3/movie/653?append_to_response=credits%2Crelease_dates%2Cexternal_ids'))).toBe(true);
  });

  it('ranks the exact title nearest the year first, and searches again without a year when the year finds nothing', async () => {
    const found = await tmdb().search({ title: 'nosferatu', year: 2023 });
    expect(found.map((c) => [c.year, c.directors[0]])).toEqual([
      [2024, 'Robert Eggers'],
      [1922, 'F. W. Murnau'],
    ]);
    expect(api.server.requests.filter((r) => r.url.startsWith('/3/search/movie')).map((r) => r.url.includes('year='))).toEqual([true, false]);
  });

  it('looks an IMDb id up with find/{external_id}', async () => {
    const found = await tmdb().search({ title: 'tt0013442' });
    expect(found.map((c) => c.id)).toEqual(['653']);
    expect(api.server.requests[0]!.url).toBe('/3/find/tt0013442?external_source=imdb_id&language=en-US');
  });

  it('maps movie/{id} with credits, release dates and external ids to the film block', async () => {
    const details = await tmdb().details('653', { castLimit: 3 });
    expect(details).toMatchObject({ provider: 'tmdb', id: '653', url: 'https://www.themoviedb.org/movie/653' });
    expect(details.film).toEqual(nosferatuFromTmdb);
  });

  it('keeps answers in the cache, so a second lookup sends no request', async () => {
    const cache = new MemoryCache();
    await tmdb({ cache }).details('653', { castLimit: 15 });
    const sent = api.server.requests.length;
    await tmdb({ cache }).details('653', { castLimit: 15 });
    expect(api.server.requests.length).toBe(sent);
    expect([...cache.values.keys()].some((key) => key.includes(testToken))).toBe(false);
  });

  it.each<[string, () => Promise<unknown>, string, RegExp]>([
    ['a bad token (401)', () => tmdb({ token: 'eyJ.bad.token' }).search({ title: 'Nosferatu' }), 'auth', /TMDb refused the read access token/],
    ['no token at all', () => tmdb({ token: null }).search({ title: 'Nosferatu' }), 'auth', /Add your TMDb read access token.*or choose Wikidata/],
    ['an unknown film (404)', () => tmdb().details('999999', { castLimit: 15 }), 'not-found', /TMDb has no film with id 999999/],
  ])('%s is a clear %s error', async (_name, call, code, message) => {
    const error = await hostFailure(call());
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('a rate limit (429 with Retry-After) tells the critic when to try again', async () => {
    api.server.mode = 'rate-limit';
    const error = await hostFailure(tmdb().search({ title: 'Nosferatu' }));
    expect(error.code).toBe('network');
    expect(error.message).toBe('TMDb is getting too many requests from Intertitle right now. Try again in 7 seconds.');
    expect(error.details).toMatchObject({ status: 429, retryAfterSeconds: 7, serviceMessage: expect.stringContaining('over the allowed limit') });
  });

  it('a Retry-After given as an HTTP date is counted from now', async () => {
    api.server.mode = 'rate-limit';
    api.server.retryAfter = new Date(Date.now() + 120_000).toUTCString();
    const error = await hostFailure(tmdb().search({ title: 'Nosferatu' }));
    expect(error.message).toMatch(/Try again in (2|3) minutes\./);
    expect((error.details as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(100);
  });

  it('a server that never answers times out, within the time allowed', async () => {
    api.server.mode = 'hang';
    const started = Date.now();
    const error = await hostFailure(tmdb({ timeoutMs: 300 }).search({ title: 'Nosferatu' }));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error.code).toBe('network');
    expect(error.message).toBe('TMDb did not answer within 300 ms. Try again, or check the internet connection.');
  });

  it('malformed JSON is a network error that says so', async () => {
    api.server.mode = 'malformed';
    const error = await hostFailure(tmdb().search({ title: 'Nosferatu' }));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/TMDb sent an answer Intertitle could not read \(it was not JSON\)/);
  });

  it('a server error (503) asks the critic to try later', async () => {
    api.server.mode = 'server-error';
    const error = await hostFailure(tmdb().details('653', { castLimit: 15 }));
    expect(error.message).toBe('TMDb is not working properly right now (HTTP 503). Try again in a few minutes.');
  });

  it('offline (nothing listening) says TMDb could not be reached', async () => {
    const closed = await startFilmApiServer();
    const base = closed.tmdbApi;
    await closed.close();
    const error = await hostFailure(tmdb({ baseUrl: base }).search({ title: 'Nosferatu' }));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/^Intertitle could not reach TMDb \(127\.0\.0\.1:\d+\)\. Check the internet connection and try again\.$/);
  });
});
