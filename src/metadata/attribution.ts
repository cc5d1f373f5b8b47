/*
 * TMDb's attribution rules (../shared/research/film-metadata.md §1.3): this exact notice, shown
 * in an About or credits place, the service called "TMDB" or "The Movie Database", and a link to
 * themoviedb.org. Wikidata is CC0 and needs no credit; Intertitle gives one as a courtesy.
 */
export const tmdbNotice = 'This product uses the TMDB API but is not endorsed or certified by TMDB.';
export const tmdbHome = 'https://www.themoviedb.org';
export const tmdbTokenPage = 'https://www.themoviedb.org/settings/api';
export const wikidataCredit = 'Film facts from Wikidata are available under CC0.';
export const wikidataHome = 'https://www.wikidata.org';
