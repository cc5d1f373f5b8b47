import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startFilmApiServer, type FilmApiServer } from './film-api-server';

/**
 * One TMDb/Wikidata stand-in for the calling test file, reset to answering normally (and to an
 * empty request log) before each test. Read `.server` inside tests: it exists once beforeAll ran.
 */
export function useFilmApiServer(): { readonly server: FilmApiServer } {
  let server: FilmApiServer | undefined;
  beforeAll(async () => {
    server = await startFilmApiServer();
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server!.mode = 'ok';
    server!.retryAfter = '7';
    server!.requests.length = 0;
  });
  return {
    get server() {
      if (!server) throw new Error('useFilmApiServer: the stand-in is read before beforeAll started it');
      return server;
    },
  };
}
