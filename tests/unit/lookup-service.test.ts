import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HostError } from '../../src/contract/envelope';
import { createSessionSecrets, type SecretStore } from '../../src/node/lookup-secrets';
import { checkTokenShape, isAllowedImageUrl, LookupService, maxPosterBytes } from '../../src/node/lookup-service';
import { posterPng, startFilmApiServer, testToken, type FilmApiServer } from '../helpers/film-api-server';
import { tempDir } from '../helpers/temp';

let server: FilmApiServer;
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  server = await startFilmApiServer();
  ({ dir, cleanup } = await tempDir('intertitle-lookup-service-'));
});
afterAll(async () => {
  await server.close();
  await cleanup();
});
beforeEach(() => {
  server.mode = 'ok';
  server.requests.length = 0;
});

function service(env: Record<string, string> = {}, secrets: SecretStore = createSessionSecrets()) {
  return new LookupService({
    userDataDir: dir,
    version: '9.9.9',
    secrets,
    env: { INTERTITLE_TMDB_API: server.tmdbApi, INTERTITLE_WIKIDATA_API: server.wikidataApi, ...env },
    timeoutMs: 2000,
  });
}

describe('the lookup service of the Node hosts (local server with TMDb’s documented response shapes)', () => {
  it('returns TMDb candidates with the poster fetched by the host as a small data: URL', async () => {
    const { candidates } = await service({ INTERTITLE_TMDB_TOKEN: testToken }).search({ title: 'Nosferatu', year: 1922, provider: 'tmdb' });
    expect(candidates[0]).toMatchObject({ id: '653', directors: ['F. W. Murnau'] });
    expect(candidates[0]!.poster).toBe(`data:image/png;base64,${posterPng.toString('base64')}`);
    expect(JSON.stringify(candidates)).not.toContain('posterUrl');
    expect(server.requests.find((r) => r.url.startsWith('/t/p/w92/'))!.headers['user-agent']).toMatch(/^Intertitle\/9\.9\.9 /);
  });

  it('reads the token from INTERTITLE_TMDB_TOKEN, or from the secret store, and says where it came from', async () => {
    expect((await service().status()).tmdb).toEqual({ configured: false, source: null, persistent: false });
    expect((await service({ INTERTITLE_TMDB_TOKEN: testToken }).status()).tmdb).toEqual({ configured: true, source: 'environment', persistent: false });
    const stored = service();
    expect((await stored.setTmdbToken(`  ${testToken}\n`)).tmdb).toEqual({ configured: true, source: 'session', persistent: false });
    expect((await stored.search({ title: 'Nosferatu', provider: 'tmdb' })).candidates.length).toBeGreaterThan(0);
    expect((await stored.setTmdbToken(null)).tmdb.configured).toBe(false);
  });

  it.each([
    ['0123456789abcdef0123456789abcdef', /short API key/],
    ['hello', /does not look like a TMDb API Read Access Token/],
    ['eyJ only-one-part', /does not look like/],
  ])('refuses %j as a token with a sentence that says what to paste', (token, message) => {
    expect(() => checkTokenShape(token)).toThrow(message);
  });

  it('Wikidata needs no token', async () => {
    const { candidates } = await service().search({ title: 'Nosferatu', provider: 'wikidata' });
    expect(candidates.map((c) => [c.id, c.poster])).toEqual([['Q151895', null]]);
  });

  it('a base URL override that is not http(s) is refused clearly', async () => {
    const error = await service({ INTERTITLE_WIKIDATA_API: 'file:///etc/passwd' })
      .search({ title: 'x', provider: 'wikidata' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).message).toMatch(/INTERTITLE_WIKIDATA_API must be an http or https address/);
  });

  it.each([
    ['https://image.tmdb.org/t/p/w92/a.jpg', true],
    ['http://127.0.0.1:9/t/p/w92/a.jpg', true],
    ['http://image.tmdb.org/t/p/w92/a.jpg', false],
    ['file:///etc/passwd', false],
    ['data:image/png;base64,AAAA', false],
  ])('poster URL %s allowed: %s', (url, allowed) => {
    expect(isAllowedImageUrl(url)).toBe(allowed);
    expect(maxPosterBytes).toBeLessThanOrEqual(64 * 1024);
  });
});
