import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HostError } from '../../src/contract/envelope';
import { createWikidataProvider } from '../../src/metadata/wikidata';
import { startFilmApiServer, type FilmApiServer } from '../helpers/film-api-server';
import { nodePorts } from '../helpers/lookup-ports';

let server: FilmApiServer;
beforeAll(async () => {
  server = await startFilmApiServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.mode = 'ok';
  server.retryAfter = '7';
  server.requests.length = 0;
});

const wikidata = (timeoutMs = 2000) => createWikidataProvider(nodePorts({ timeoutMs }), { baseUrl: server.wikidataApi });

async function failure(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
}

describe('Wikidata client (local server with Wikidata’s documented response shapes)', () => {
  it('searches labels with wbsearchentities, keeps only films, and names their directors', async () => {
    const found = await wikidata().search({ title: 'Nosferatu', year: 1922 });
    expect(found).toEqual([
      {
        provider: 'wikidata',
        id: 'Q151895',
        title: 'Nosferatu',
        originalTitle: 'Nosferatu – Eine Symphonie des Grauens',
        year: 1922,
        directors: ['F. W. Murnau'],
        posterUrl: null,
        description: '1922 film by F. W. Murnau',
      },
    ]);
    const actions = server.requests.map((r) => new URL(r.url, server.origin).searchParams.get('action'));
    expect(actions).toEqual(['wbsearchentities', 'wbgetentities', 'wbgetentities']);
    for (const request of server.requests) expect(request.headers['user-agent']).toMatch(/^Intertitle\/\S+ \(https:\/\/intertitle\.example; \S+@/);
  });

  it('finds a film by its IMDb id (haswbstatement:P345)', async () => {
    const found = await wikidata().search({ title: 'tt0013442' });
    expect(found.map((c) => c.id)).toEqual(['Q151895']);
    expect(new URL(server.requests[0]!.url, server.origin).searchParams.get('srsearch')).toBe('haswbstatement:P345=tt0013442');
  });

  it('maps an item to the film block: billing order, characters, codes, earliest year, minutes, ids', async () => {
    const details = await wikidata().details('Q151895', { castLimit: 15 });
    expect(details.url).toBe('https://www.wikidata.org/wiki/Q151895');
    expect(details.film).toEqual({
      title: 'Nosferatu',
      original_title: 'Nosferatu – Eine Symphonie des Grauens',
      year: 1922,
      runtime: 94,
      countries: ['DE'],
      languages: ['de'],
      genres: ['Horror'],
      directors: ['F. W. Murnau'],
      writers: ['Henrik Galeen'],
      cinematographers: ['Fritz Arno Wagner', 'Günther Krampf'],
      editors: [],
      composers: ['Hans Erdmann'],
      cast: [
        { name: 'Max Schreck', character: 'Count Orlok' },
        { name: 'Gustav von Wangenheim', character: 'Thomas Hutter' },
        { name: 'Greta Schröder', character: 'Ellen Hutter' },
      ],
      ids: { tmdb: 653, imdb: 'tt0013442', wikidata: 'Q151895', letterboxd: 'nosferatu' },
    });
    expect(details.notes).toEqual(['Weimar Republic has no ISO 3166-1 country code, so it is not among the countries.']);
  });

  it('keeps only as many of the cast as asked', async () => {
    const details = await wikidata().details('Q151895', { castLimit: 1 });
    expect(details.film.cast).toEqual([{ name: 'Max Schreck', character: 'Count Orlok' }]);
  });

  it('an item that does not exist is not-found', async () => {
    const error = await failure(wikidata().details('Q4242424242', { castLimit: 15 }));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe('Wikidata has no item Q4242424242. It may have been deleted or merged with another item.');
  });

  it('a 429 with Retry-After tells the critic when to try again', async () => {
    server.mode = 'rate-limit';
    server.retryAfter = '45';
    const error = await failure(wikidata().search({ title: 'Nosferatu' }));
    expect(error.message).toBe('Wikidata is getting too many requests from Intertitle right now. Try again in 45 seconds.');
    expect(error.details).toMatchObject({ retryAfterSeconds: 45, status: 429 });
  });

  it('an API error in a 200 answer (maxlag) is a network error with a sentence', async () => {
    server.mode = 'wikidata-busy';
    const error = await failure(wikidata().search({ title: 'Nosferatu' }));
    expect(error.code).toBe('network');
    expect(error.message).toBe('Wikidata is busy right now and asked Intertitle to wait. Try again in a minute.');
  });

  it('malformed JSON and a server that never answers are network errors', async () => {
    server.mode = 'malformed';
    expect((await failure(wikidata().search({ title: 'Nosferatu' }))).message).toMatch(/Wikidata sent an answer Intertitle could not read/);
    server.mode = 'hang';
    const started = Date.now();
    expect((await failure(wikidata(250).search({ title: 'Nosferatu' }))).message).toMatch(/^Wikidata did not answer within 250 ms\./);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
