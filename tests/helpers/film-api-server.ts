import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/*
 * A local stand-in for TMDb API v3 and Wikidata's Action API on 127.0.0.1, answering with the
 * response shapes their documentation gives (TMDb's OpenAPI examples for search/movie,
 * movie/{id} with append_to_response, configuration, find and the error bodies; Wikibase's
 * wbsearchentities / wbgetentities / list=search JSON). The film facts are Nosferatu (1922);
 * the Wikidata ids of people are made up for the test. Tests switch `mode` to get the failures.
 */

export type ServerMode = 'ok' | 'rate-limit' | 'hang' | 'malformed' | 'server-error' | 'wikidata-busy';

export interface FilmApiServer {
  origin: string;
  /** `${origin}/3`: what INTERTITLE_TMDB_API points at. */
  tmdbApi: string;
  /** `${origin}/w/api.php`: what INTERTITLE_WIKIDATA_API points at. */
  wikidataApi: string;
  token: string;
  mode: ServerMode;
  retryAfter: string;
  requests: Array<{ url: string; headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

/** A JWT-shaped token, as TMDb's read access tokens are. */
export const testToken = 'eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ0ZXN0In0.c2lnbmF0dXJl';

// A 1×1 PNG, standing in for a w92 poster.
export const posterPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

const nosferatu = {
  adult: false,
  backdrop_path: '/hZkgoQYus5vegHoetLkCJzb17zJ.jpg',
  belongs_to_collection: null,
  budget: 0,
  genres: [{ id: 27, name: 'Horror' }, { id: 14, name: 'Fantasy' }],
  homepage: '',
  id: 653,
  imdb_id: 'tt0013442',
  origin_country: ['DE'],
  original_language: 'de',
  original_title: 'Nosferatu, eine Symphonie des Grauens',
  overview: 'The vampire Count Orlok …',
  popularity: 14.2,
  poster_path: '/nosferatu-poster.png',
  production_companies: [{ id: 1000, logo_path: null, name: 'Prana-Film', origin_country: 'DE' }],
  production_countries: [{ iso_3166_1: 'DE', name: 'Germany' }],
  release_date: '1922-02-16',
  revenue: 0,
  runtime: 95,
  spoken_languages: [{ english_name: 'No Language', iso_639_1: 'xx', name: 'No Language' }, { english_name: 'German', iso_639_1: 'de', name: 'Deutsch' }],
  status: 'Released',
  tagline: '',
  title: 'Nosferatu',
  video: false,
  vote_average: 7.7,
  vote_count: 2100,
  credits: {
    cast: [
      { adult: false, gender: 2, id: 5, known_for_department: 'Acting', name: 'Gustav von Wangenheim', original_name: 'Gustav von Wangenheim', popularity: 1, profile_path: null, cast_id: 2, character: 'Thomas Hutter', credit_id: 'c2', order: 1 },
      { adult: false, gender: 2, id: 4, known_for_department: 'Acting', name: 'Max Schreck', original_name: 'Max Schreck', popularity: 2, profile_path: null, cast_id: 1, character: 'Count Orlok', credit_id: 'c1', order: 0 },
      { adult: false, gender: 1, id: 6, known_for_department: 'Acting', name: 'Greta Schröder', original_name: 'Greta Schröder', popularity: 1, profile_path: null, cast_id: 3, character: 'Ellen Hutter', credit_id: 'c3', order: 2 },
      { adult: false, gender: 2, id: 7, known_for_department: 'Acting', name: 'Alexander Granach', original_name: 'Alexander Granach', popularity: 1, profile_path: null, cast_id: 4, character: 'Knock', credit_id: 'c4', order: 3 },
      { adult: false, gender: 2, id: 8, known_for_department: 'Acting', name: 'Ruth Landshoff', original_name: 'Ruth Landshoff', popularity: 1, profile_path: null, cast_id: 5, character: '', credit_id: 'c5', order: 4 },
    ],
    crew: [
      { adult: false, gender: 2, id: 1, known_for_department: 'Directing', name: 'F. W. Murnau', original_name: 'F. W. Murnau', popularity: 3, profile_path: null, credit_id: 'd1', department: 'Directing', job: 'Director' },
      { adult: false, gender: 2, id: 2, known_for_department: 'Writing', name: 'Henrik Galeen', original_name: 'Henrik Galeen', popularity: 1, profile_path: null, credit_id: 'w1', department: 'Writing', job: 'Screenplay' },
      { adult: false, gender: 2, id: 9, known_for_department: 'Writing', name: 'Bram Stoker', original_name: 'Bram Stoker', popularity: 1, profile_path: null, credit_id: 'w2', department: 'Writing', job: 'Novel' },
      { adult: false, gender: 2, id: 3, known_for_department: 'Camera', name: 'Fritz Arno Wagner', original_name: 'Fritz Arno Wagner', popularity: 1, profile_path: null, credit_id: 'p1', department: 'Camera', job: 'Director of Photography' },
      { adult: false, gender: 2, id: 10, known_for_department: 'Camera', name: 'Günther Krampf', original_name: 'Günther Krampf', popularity: 1, profile_path: null, credit_id: 'p2', department: 'Camera', job: 'Director of Photography' },
      { adult: false, gender: 2, id: 11, known_for_department: 'Sound', name: 'Hans Erdmann', original_name: 'Hans Erdmann', popularity: 1, profile_path: null, credit_id: 'm1', department: 'Sound', job: 'Original Music Composer' },
      { adult: false, gender: 2, id: 12, known_for_department: 'Production', name: 'Enrico Dieckmann', original_name: 'Enrico Dieckmann', popularity: 1, profile_path: null, credit_id: 'x1', department: 'Production', job: 'Producer' },
    ],
  },
  release_dates: {
    results: [{ iso_3166_1: 'DE', release_dates: [{ certification: '12', descriptors: [], iso_639_1: '', note: 'Berlin', release_date: '1922-02-16T00:00:00.000Z', type: 1 }] }],
  },
  external_ids: { id: 653, imdb_id: 'tt0013442', wikidata_id: 'Q151895', facebook_id: null, instagram_id: null, twitter_id: null },
};

const eggers = {
  ...nosferatu,
  id: 426063,
  imdb_id: 'tt5040012',
  title: 'Nosferatu',
  original_title: 'Nosferatu',
  original_language: 'en',
  release_date: '2024-12-25',
  poster_path: null,
  runtime: 133,
  credits: { cast: [], crew: [{ ...nosferatu.credits.crew[0]!, id: 20, name: 'Robert Eggers' }] },
  external_ids: { ...nosferatu.external_ids, id: 426063, imdb_id: 'tt5040012', wikidata_id: null },
};

const movies = new Map<number, Record<string, unknown>>([
  [653, nosferatu],
  [426063, eggers],
]);

function searchResult(movie: Record<string, unknown>) {
  const { id, title, original_title, original_language, release_date, overview, poster_path, backdrop_path, popularity, vote_average, vote_count, adult, video } = movie;
  return { adult, backdrop_path, genre_ids: [27, 14], id, original_language, original_title, overview, popularity, poster_path, release_date, title, video, vote_average, vote_count };
}

// --- Wikidata ----------------------------------------------------------------------------------

const item = (id: string) => ({ value: { 'entity-type': 'item', 'numeric-id': Number(id.slice(1)), id }, type: 'wikibase-entityid' });
const snak = (property: string, datavalue: unknown, datatype = 'wikibase-item') => ({ snaktype: 'value', property, hash: 'h', datavalue, datatype });
const statement = (property: string, datavalue: unknown, extra: Record<string, unknown> = {}, datatype?: string) => ({
  mainsnak: snak(property, datavalue, datatype),
  type: 'statement',
  id: `${property}$x`,
  rank: 'normal',
  ...extra,
});
const itemStatement = (property: string, id: string, extra: Record<string, unknown> = {}) => statement(property, item(id), extra);
const stringStatement = (property: string, value: string) => statement(property, { value, type: 'string' }, {}, 'external-id');
const label = (value: string, language = 'en') => ({ en: { language, value } });

const castMember = (actor: string, role: { item?: string; name?: string }, ordinal?: string) =>
  itemStatement('P161', actor, {
    qualifiers: {
      ...(role.item ? { P453: [snak('P453', item(role.item))] } : {}),
      ...(role.name ? { P4633: [snak('P4633', { value: role.name, type: 'string' }, 'string')] } : {}),
      ...(ordinal ? { P1545: [snak('P1545', { value: ordinal, type: 'string' }, 'string')] } : {}),
    },
    'qualifiers-order': ['P453'],
  });

const wikidataEntities: Record<string, Record<string, unknown>> = {
  Q151895: {
    type: 'item',
    id: 'Q151895',
    labels: label('Nosferatu'),
    descriptions: { en: { language: 'en', value: '1922 film by F. W. Murnau' } },
    claims: {
      P31: [itemStatement('P31', 'Q11424'), itemStatement('P31', 'Q226730')],
      P1476: [statement('P1476', { value: { text: 'Nosferatu – Eine Symphonie des Grauens', language: 'de' }, type: 'monolingualtext' }, {}, 'monolingualtext')],
      P57: [itemStatement('P57', 'Q55383')],
      P58: [itemStatement('P58', 'Q90001')],
      P344: [itemStatement('P344', 'Q90002'), itemStatement('P344', 'Q90003')],
      P86: [itemStatement('P86', 'Q90004')],
      P161: [
        castMember('Q90011', { item: 'Q90021' }, '2'),
        castMember('Q90010', { item: 'Q90020' }, '1'),
        castMember('Q90012', { name: 'Ellen Hutter' }),
        { ...castMember('Q90013', { name: 'Deprecated' }), rank: 'deprecated' },
      ],
      P136: [itemStatement('P136', 'Q200092')],
      P577: [
        statement('P577', { value: { time: '+1922-12-01T00:00:00Z', timezone: 0, before: 0, after: 0, precision: 11, calendarmodel: 'http://www.wikidata.org/entity/Q1985727' }, type: 'time' }, {}, 'time'),
        statement('P577', { value: { time: '+1922-03-04T00:00:00Z', timezone: 0, before: 0, after: 0, precision: 11, calendarmodel: 'http://www.wikidata.org/entity/Q1985727' }, type: 'time' }, {}, 'time'),
      ],
      P2047: [statement('P2047', { value: { amount: '+94', unit: 'http://www.wikidata.org/entity/Q7727' }, type: 'quantity' }, {}, 'quantity')],
      P495: [itemStatement('P495', 'Q183'), itemStatement('P495', 'Q41304')],
      P364: [itemStatement('P364', 'Q188')],
      P345: [stringStatement('P345', 'tt0013442')],
      P4947: [stringStatement('P4947', '653')],
      P6127: [stringStatement('P6127', 'nosferatu')],
    },
  },
  Q1410000: {
    type: 'item',
    id: 'Q1410000',
    labels: label('Nosferatu'),
    descriptions: { en: { language: 'en', value: 'family name' } },
    claims: { P31: [itemStatement('P31', 'Q101352')] },
  },
  Q55383: { type: 'item', id: 'Q55383', labels: label('F. W. Murnau') },
  Q90001: { type: 'item', id: 'Q90001', labels: label('Henrik Galeen') },
  Q90002: { type: 'item', id: 'Q90002', labels: label('Fritz Arno Wagner') },
  Q90003: { type: 'item', id: 'Q90003', labels: label('Günther Krampf') },
  Q90004: { type: 'item', id: 'Q90004', labels: label('Hans Erdmann') },
  Q90010: { type: 'item', id: 'Q90010', labels: label('Max Schreck') },
  Q90011: { type: 'item', id: 'Q90011', labels: label('Gustav von Wangenheim') },
  Q90012: { type: 'item', id: 'Q90012', labels: label('Greta Schröder', 'de') },
  Q90013: { type: 'item', id: 'Q90013', labels: label('Someone Deprecated') },
  Q90020: { type: 'item', id: 'Q90020', labels: label('Count Orlok') },
  Q90021: { type: 'item', id: 'Q90021', labels: label('Thomas Hutter') },
  Q200092: { type: 'item', id: 'Q200092', labels: label('horror film') },
  Q183: { type: 'item', id: 'Q183', labels: label('Germany'), claims: { P297: [stringStatement('P297', 'DE')] } },
  Q41304: { type: 'item', id: 'Q41304', labels: label('Weimar Republic'), claims: {} },
  Q188: { type: 'item', id: 'Q188', labels: label('German'), claims: { P218: [stringStatement('P218', 'de')], P220: [stringStatement('P220', 'deu')] } },
};

function selectProps(entity: Record<string, unknown>, props: string): Record<string, unknown> {
  const wanted = new Set(props.split('|'));
  const out: Record<string, unknown> = { type: entity.type, id: entity.id };
  for (const prop of ['labels', 'descriptions', 'claims']) if (wanted.has(prop) && entity[prop]) out[prop] = entity[prop];
  return out;
}

function wikidataAnswer(params: URLSearchParams): unknown {
  const action = params.get('action');
  if (action === 'wbsearchentities') {
    const search = (params.get('search') ?? '').toLowerCase();
    const hits = Object.values(wikidataEntities).filter((e) => {
      const name = (e.labels as { en?: { value: string } }).en?.value.toLowerCase() ?? '';
      return e.descriptions && name.startsWith(search);
    });
    return {
      searchinfo: { search: params.get('search') },
      search: hits.map((e) => ({
        id: e.id,
        title: e.id,
        pageid: 1,
        repository: 'wikidata',
        url: `//www.wikidata.org/wiki/${String(e.id)}`,
        concepturi: `http://www.wikidata.org/entity/${String(e.id)}`,
        label: (e.labels as { en: { value: string } }).en.value,
        description: (e.descriptions as { en: { value: string } }).en.value,
        match: { type: 'label', language: 'en', text: (e.labels as { en: { value: string } }).en.value },
      })),
      success: 1,
    };
  }
  if (action === 'wbgetentities') {
    const ids = (params.get('ids') ?? '').split('|');
    if (ids.length > 50) return { error: { code: 'toomanyvalues', info: 'Too many values supplied for parameter "ids". The limit is 50.' } };
    const entities: Record<string, unknown> = {};
    for (const id of ids) {
      const entity = wikidataEntities[id];
      entities[id] = entity ? selectProps(entity, params.get('props') ?? 'labels|claims') : { id, missing: '' };
    }
    return { entities, success: 1 };
  }
  if (action === 'query' && params.get('list') === 'search') {
    const match = /haswbstatement:P345=(tt\d+)/.exec(params.get('srsearch') ?? '');
    const hits = Object.values(wikidataEntities).filter((e) => {
      const imdb = (e.claims as Record<string, Array<{ mainsnak: { datavalue: { value: unknown } } }>> | undefined)?.P345?.[0]?.mainsnak.datavalue.value;
      return match && imdb === match[1];
    });
    return { batchcomplete: '', query: { searchinfo: { totalhits: hits.length }, search: hits.map((e) => ({ ns: 0, title: e.id, pageid: 1, size: 1, wordcount: 1, snippet: '', timestamp: '2024-01-01T00:00:00Z' })) } };
  }
  return { error: { code: 'badvalue', info: `Unrecognized value for parameter "action": ${action}.` } };
}

// --- the server --------------------------------------------------------------------------------

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

const tmdbError = (code: number, message: string) => ({ status_code: code, status_message: message, success: false });

export async function startFilmApiServer(): Promise<FilmApiServer> {
  const sockets = new Set<Socket>();
  const state: FilmApiServer = {
    origin: '',
    tmdbApi: '',
    wikidataApi: '',
    token: testToken,
    mode: 'ok',
    retryAfter: '7',
    requests: [],
    close: async () => {},
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', state.origin);
    state.requests.push({ url: url.pathname + url.search, headers: req.headers });
    if (state.mode === 'hang') return; // never answers: the client's timeout must end it
    if (state.mode === 'malformed') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('<html><body>Gateway says hello</body></html>');
      return;
    }
    if (state.mode === 'server-error') return json(res, 503, tmdbError(9, 'Service offline - This service is temporarily offline, try again later.'));
    if (url.pathname.startsWith('/t/p/')) {
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': String(posterPng.length) });
      res.end(posterPng);
      return;
    }
    if (url.pathname === '/w/api.php') {
      if (state.mode === 'rate-limit') {
        res.writeHead(429, { 'Content-Type': 'text/html', 'Retry-After': state.retryAfter });
        res.end('<html>Too many requests</html>');
        return;
      }
      if (state.mode === 'wikidata-busy') return json(res, 200, { error: { code: 'maxlag', info: 'Waiting for a database server: 6 seconds lagged.' } });
      return json(res, 200, wikidataAnswer(url.searchParams));
    }
    if (!url.pathname.startsWith('/3/')) return json(res, 404, tmdbError(34, 'The resource you requested could not be found.'));
    if (req.headers.authorization !== `Bearer ${state.token}`) {
      return json(res, 401, tmdbError(7, 'Invalid API key: You must be granted a valid key.'));
    }
    if (state.mode === 'rate-limit') {
      return json(res, 429, tmdbError(25, 'Your request count (#) is over the allowed limit of (40).'), { 'Retry-After': state.retryAfter });
    }
    const path = url.pathname.slice('/3'.length);
    if (path === '/configuration') {
      return json(res, 200, {
        change_keys: ['adult', 'title'],
        images: {
          base_url: `${state.origin}/t/p/`,
          secure_base_url: `${state.origin}/t/p/`,
          backdrop_sizes: ['w300', 'w780', 'w1280', 'original'],
          logo_sizes: ['w45', 'w92', 'w154', 'w185', 'w300', 'w500', 'original'],
          poster_sizes: ['w92', 'w154', 'w185', 'w342', 'w500', 'w780', 'original'],
          profile_sizes: ['w45', 'w185', 'h632', 'original'],
          still_sizes: ['w92', 'w185', 'w300', 'original'],
        },
      });
    }
    if (path === '/search/movie') {
      const query = (url.searchParams.get('query') ?? '').toLowerCase();
      const year = url.searchParams.get('year');
      const results = [...movies.values()]
        .filter((m) => String(m.title).toLowerCase().includes(query) || String(m.original_title).toLowerCase().includes(query))
        .filter((m) => !year || String(m.release_date).startsWith(year))
        .map(searchResult);
      return json(res, 200, { page: 1, results, total_pages: 1, total_results: results.length });
    }
    const find = /^\/find\/(tt\d+)$/.exec(path);
    if (find) {
      const movie_results = [...movies.values()].filter((m) => m.imdb_id === find[1]).map(searchResult);
      return json(res, 200, { movie_results, person_results: [], tv_results: [], tv_episode_results: [], tv_season_results: [] });
    }
    const movie = /^\/movie\/(\d+)$/.exec(path);
    if (movie) {
      const found = movies.get(Number(movie[1]));
      if (!found) return json(res, 404, tmdbError(34, 'The resource you requested could not be found.'));
      const append = (url.searchParams.get('append_to_response') ?? '').split(',');
      const body: Record<string, unknown> = { ...found };
      for (const part of ['credits', 'release_dates', 'external_ids']) if (!append.includes(part)) delete body[part];
      return json(res, 200, body);
    }
    return json(res, 404, tmdbError(34, 'The resource you requested could not be found.'));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.origin = `http://127.0.0.1:${port}`;
  state.tmdbApi = `${state.origin}/3`;
  state.wikidataApi = `${state.origin}/w/api.php`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return state;
}
