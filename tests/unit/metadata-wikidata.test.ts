import { describe, expect, it } from 'vitest';
import { createWikidataProvider } from '../../src/metadata/wikidata';
import { hostFailure } from '../helpers/host-failure';
import { nodePorts } from '../helpers/lookup-ports';
import { nosferatuFromTmdb } from '../helpers/tmdb-samples';
import { useFilmApiServer } from '../helpers/use-film-api-server';

const api = useFilmApiServer();

const wikidata = (timeoutMs = 2000) => createWikidataProvider(nodePorts({ timeoutMs }), { baseUrl: api.server.wikidataApi });

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
    const actions = api.server.requests.map((r) => new URL(r.url, api.server.origin).searchParams.get('action'));
    expect(actions).toEqual(['wbsearchentities', 'wbgetentities', 'wbgetentities']);
    for (const request of api.server.requests) expect(request.headers['user-agent']).toMatch(/^Intertitle\/\S+ \(https:\/\/intertitle\.example; \S+@/);
  });

  it('finds a film by its IMDb id (haswbstatement:P345)', async () => {
    const found = await wikidata().search({ title: 'tt0013442' });
    expect(found.map((c) => c.id)).toEqual(['Q151895']);
    expect(new URL(api.server.requests[0]!.url, api.server.origin).searchParams.get('srsearch')).toBe('haswbstatement:P345=tt0013442');
  });

  it('maps an item to the film block: billing order, characters, codes, earliest year, minutes, ids', async () => {
    const details = await wikidata().details('Q151895', { castLimit: 15 });
    expect(details.url).toBe('https://www.wikidata.org/wiki/Q151895');
    // The same film TMDb gives, but for what this Wikidata item says otherwise.
    expect(details.film).toEqual({
      ...nosferatuFromTmdb,
      original_title: 'Nosferatu – Eine Symphonie des Grauens',
      runtime: 94,
      genres: ['Horror'],
      writers: ['Henrik Galeen'],
      ids: { tmdb: 653, imdb: 'tt0013442', wikidata: 'Q151895', letterboxd: 'nosferatu' },
    });
    expect(details.notes).toEqual(['Weimar Republic has no ISO 3166-1 country code, so it is not among the countries.']);
  });

  it('keeps only as many of the cast as asked', async () => {
    const details = await wikidata().details('Q151895', { castLimit: 1 });
    expect(details.film.cast).toEqual([{ name: 'Max Schreck', character: 'Count Orlok' }]);
  });

  it('an item that does not exist is not-found', async () => {
    const error = await hostFailure(wikidata().details('Q4242424242', { castLimit: 15 }));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe('Wikidata has no item Q4242424242. It may have been deleted or merged with another item.');
  });

  it('a 429 with Retry-After tells the critic when to try again', async () => {
    api.server.mode = 'rate-limit';
    api.server.retryAfter = '45';
    const error = await hostFailure(wikidata().search({ title: 'Nosferatu' }));
    expect(error.message).toBe('Wikidata is getting too many requests from Intertitle right now. Try again in 45 seconds.');
    expect(error.details).toMatchObject({ retryAfterSeconds: 45, status: 429 });
  });

  it('an API error in a 200 answer (maxlag) is a network error with a sentence', async () => {
    api.server.mode = 'wikidata-busy';
    const error = await hostFailure(wikidata().search({ title: 'Nosferatu' }));
    expect(error.code).toBe('network');
    expect(error.message).toBe('Wikidata is busy right now and asked Intertitle to wait. Try again in a minute.');
  });

  it('malformed JSON and a server that never answers are network errors', async () => {
    api.server.mode = 'malformed';
    expect((await hostFailure(wikidata().search({ title: 'Nosferatu' }))).message).toMatch(/Wikidata sent an answer Intertitle could not read/);
    api.server.mode = 'hang';
    const started = Date.now();
    expect((await hostFailure(wikidata(250).search({ title: 'Nosferatu' }))).message).toMatch(/^Wikidata did not answer within 250 ms\./);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
