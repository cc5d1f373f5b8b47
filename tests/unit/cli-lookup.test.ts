import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/node/cli';
import { runLookup } from '../../src/node/cli-lookup';
import { startFilmApiServer, testToken, type FilmApiServer } from '../helpers/film-api-server';
import { tempDir } from '../helpers/temp';

let server: FilmApiServer;
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  server = await startFilmApiServer();
  ({ dir, cleanup } = await tempDir('intertitle-cli-lookup-'));
});
afterAll(async () => {
  await server.close();
  await cleanup();
});
beforeEach(() => {
  server.mode = 'ok';
});

async function lookup(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runLookup(args, { out: (t) => (stdout += t), err: (t) => (stderr += t) }, {
    userDataDir: dir,
    env: { INTERTITLE_TMDB_API: server.tmdbApi, INTERTITLE_WIKIDATA_API: server.wikidataApi, ...env },
    timeoutMs: 1000,
  });
  return { code, stdout, stderr };
}

describe('intertitle lookup (local server with TMDb’s documented response shapes)', () => {
  it('--json prints the best match’s film block, its id and the other candidates', async () => {
    const { code, stdout, stderr } = await lookup(['Nosferatu', '--year', '1922', '--json', '--cast', '2'], { INTERTITLE_TMDB_TOKEN: testToken });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ provider: 'tmdb', id: '653', url: 'https://www.themoviedb.org/movie/653', notes: [] });
    expect(out.film.cast).toEqual([
      { name: 'Max Schreck', character: 'Count Orlok' },
      { name: 'Gustav von Wangenheim', character: 'Thomas Hutter' },
    ]);
    expect(out.candidates.map((c: { id: string }) => c.id)).toEqual(['653']);
    expect(out.candidates[0]).not.toHaveProperty('poster');
  });

  it('prints front-matter YAML a critic can paste, with TMDb’s notice, and the other matches', async () => {
    const { code, stdout } = await lookup(['Nosferatu', '--year', '1922', '--provider', 'tmdb'], { INTERTITLE_TMDB_TOKEN: testToken });
    expect(code).toBe(0);
    expect(stdout).toContain('Nosferatu (1922) — TMDb 653, https://www.themoviedb.org/movie/653');
    expect(stdout).toContain('\nfilm:\n  title: "Nosferatu"\n');
    expect(stdout).toContain('  countries: ["DE"]\n');
    expect(stdout).toContain('    - {name: Max Schreck, character: Count Orlok}\n');
    expect(stdout).not.toContain('editors:');
    expect(stdout).toContain('This product uses the TMDB API but is not endorsed or certified by TMDB.');
  });

  it('without a token it looks on Wikidata, and says so', async () => {
    const { code, stdout, stderr } = await lookup(['Nosferatu']);
    expect(code).toBe(0);
    expect(stderr).toBe('No INTERTITLE_TMDB_TOKEN set: looking on Wikidata.\n');
    expect(stdout).toContain('Wikidata Q151895');
    expect(stdout).toContain('letterboxd: nosferatu');
    expect(stdout).toContain('# Weimar Republic has no ISO 3166-1 country code');
  });

  it.each<[string, string[], Record<string, string>, string, number, RegExp]>([
    ['no title', [], {}, 'ok', 2, /give the film’s title/],
    ['a bad year', ['Nosferatu', '--year', '22'], {}, 'ok', 2, /--year is a year such as 1922/],
    ['an unknown provider', ['Nosferatu', '--provider', 'imdb'], {}, 'ok', 2, /--provider is tmdb or wikidata/],
    ['no match', ['Zzyzx Road', '--provider', 'wikidata'], {}, 'ok', 1, /Wikidata has no film called “Zzyzx Road”/],
    ['a bad token', ['Nosferatu', '--provider', 'tmdb'], { INTERTITLE_TMDB_TOKEN: 'eyJ.wrong.token' }, 'ok', 1, /TMDb refused the read access token/],
    ['a rate limit', ['Nosferatu', '--provider', 'tmdb'], { INTERTITLE_TMDB_TOKEN: testToken }, 'rate-limit', 1, /Try again in 7 seconds\. \(retry after 7 s\)/],
    ['a timeout (nothing cached)', ['Faust', '--provider', 'wikidata'], {}, 'hang', 1, /Wikidata did not answer within 1 second/],
  ])('%s: exit %s… with a sentence on stderr', async (_name, args, env, mode, code, message) => {
    server.mode = mode as FilmApiServer['mode'];
    const result = await lookup(args, env);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('is a command of the intertitle CLI', async () => {
    let stderr = '';
    const code = await runCli(['lookup'], { out: () => {}, err: (t) => (stderr += t) });
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: intertitle lookup');
  });
});
