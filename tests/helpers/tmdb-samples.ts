import type { FilmDetails, FilmFacts } from '../../src/contract/types';

/**
 * Nosferatu (1922) as the TMDb mapping makes it from the stand-in's movie/653 answer
 * (tests/helpers/film-api-server.ts) with the cast cut to three. The mapping test checks it is
 * exactly that; the compare and dialog tests use it as what a lookup found.
 */
export const nosferatuFromTmdb: FilmFacts = {
  title: 'Nosferatu',
  original_title: 'Nosferatu, eine Symphonie des Grauens',
  year: 1922,
  runtime: 95,
  countries: ['DE'],
  languages: ['de'],
  genres: ['Horror', 'Fantasy'],
  directors: ['F. W. Murnau'],
  writers: ['Henrik Galeen', 'Bram Stoker'],
  cinematographers: ['Fritz Arno Wagner', 'Günther Krampf'],
  editors: [],
  composers: ['Hans Erdmann'],
  cast: [
    { name: 'Max Schreck', character: 'Count Orlok' },
    { name: 'Gustav von Wangenheim', character: 'Thomas Hutter' },
    { name: 'Greta Schröder', character: 'Ellen Hutter' },
  ],
  ids: { tmdb: 653, imdb: 'tt0013442', wikidata: 'Q151895', letterboxd: null },
};

/** What film.details answers for TMDb id 653. */
export const nosferatuDetailsFromTmdb: FilmDetails = {
  provider: 'tmdb',
  id: '653',
  url: 'https://www.themoviedb.org/movie/653',
  notes: [],
  film: nosferatuFromTmdb,
};
