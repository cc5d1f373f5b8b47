import { describe, expect, it } from 'vitest';
import { retryAfterSeconds } from '../../src/metadata/http';
import { foldTitle, yearOf } from '../../src/metadata/json';
import { imdbIdIn, rankCandidates } from '../../src/metadata/provider';
import { castOf, countriesOf, crewNames, languagesOf, mapTmdbMovie, mapTmdbSearchResult } from '../../src/metadata/tmdb-map';
import { durationMinutes, earliestYear } from '../../src/metadata/wikidata-claims';
import { genreName } from '../../src/metadata/wikidata';

const crew = (job: string, name: string) => ({ id: 1, name, job, department: 'x', credit_id: 'c' });

describe('TMDb mapping', () => {
  it.each<[string, unknown[], Parameters<typeof crewNames>[1], string[]]>([
    ['directors by job', [crew('Director', 'A'), crew('Producer', 'B')], 'directors', ['A']],
    ['writers from every writing job, each once', [crew('Screenplay', 'A'), crew('Novel', 'B'), crew('Writer', 'A'), crew('Storyboard', 'C')], 'writers', ['A', 'B']],
    ['cinematographers', [crew('Director of Photography', 'A'), crew('Camera Operator', 'B')], 'cinematographers', ['A']],
    ['editors', [crew('Editor', 'A'), crew('Assistant Editor', 'B')], 'editors', ['A']],
    ['composers, older entries saying Music', [crew('Original Music Composer', 'A'), crew('Music', 'B'), crew('Music Supervisor', 'C')], 'composers', ['A', 'B']],
    ['nameless and wrong-shaped entries are skipped', [crew('Director', ''), null, 'x', { job: 'Director' }], 'directors', []],
  ])('crew: %s', (_name, list, role, expected) => {
    expect(crewNames(list, role)).toEqual(expected);
  });

  it.each<[string, unknown[], number, unknown[]]>([
    ['billing order comes from `order`, not the list', [{ name: 'B', character: 'b', order: 1 }, { name: 'A', character: 'a', order: 0 }], 15, [{ name: 'A', character: 'a' }, { name: 'B', character: 'b' }]],
    ['an empty character is left out', [{ name: 'A', character: '', order: 0 }], 15, [{ name: 'A' }]],
    ['several roles stay as TMDb writes them', [{ name: 'A', character: 'Hutter / Narrator (voice)', order: 0 }], 15, [{ name: 'A', character: 'Hutter / Narrator (voice)' }]],
    ['the limit keeps the top of the bill', [0, 1, 2, 3].map((i) => ({ name: `P${i}`, order: i })), 2, [{ name: 'P0' }, { name: 'P1' }]],
    ['members without order go last, in list order', [{ name: 'X' }, { name: 'A', order: 0 }, { name: 'Y' }], 15, [{ name: 'A' }, { name: 'X' }, { name: 'Y' }]],
  ])('cast: %s', (_name, cast, limit, expected) => {
    expect(castOf(cast, limit)).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['production countries', { production_countries: [{ iso_3166_1: 'RU' }, { iso_3166_1: 'NO' }] }, ['RU', 'NO']],
    ['origin countries when no production country is listed', { production_countries: [], origin_country: ['FR'] }, ['FR']],
    ['codes that are not ISO alpha-2 are dropped', { production_countries: [{ iso_3166_1: 'xx' }, { iso_3166_1: 'DEU' }] }, []],
  ])('countries: %s', (_name, movie, expected) => {
    expect(countriesOf(movie)).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['original first, then spoken, each once', { original_language: 'ru', spoken_languages: [{ iso_639_1: 'en' }, { iso_639_1: 'ru' }] }, ['ru', 'en']],
    ['“xx” (No Language) is not a language', { original_language: 'xx', spoken_languages: [{ iso_639_1: 'xx' }] }, []],
  ])('languages: %s', (_name, movie, expected) => {
    expect(languagesOf(movie)).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>, Partial<ReturnType<typeof mapTmdbMovie>>]>([
    ['an empty release date has no year', { release_date: '' }, { year: null }],
    ['a runtime of 0 is unknown', { runtime: 0 }, { runtime: null }],
    ['ids fall back to the top-level imdb_id, and bad ones are dropped', { id: 12, imdb_id: 'tt0000012', external_ids: { imdb_id: null, wikidata_id: 'not-a-q' } }, { ids: { tmdb: 12, imdb: 'tt0000012', wikidata: null, letterboxd: null } }],
    ['a wrong-shaped answer maps to an empty block, not an exception', { genres: 'Drama', credits: [], production_countries: {} }, { genres: [], cast: [], directors: [], countries: [] }],
  ])('movie: %s', (_name, movie, expected) => {
    expect(mapTmdbMovie(movie, 15)).toMatchObject(expected);
  });

  it('a search result needs an id and a title; a null poster has no URL', () => {
    expect(mapTmdbSearchResult({ title: 'X' }, (p) => p)).toBeNull();
    expect(mapTmdbSearchResult({ id: 1, title: 'X', original_title: 'X', poster_path: null, release_date: '' }, (p) => p)).toEqual({
      provider: 'tmdb',
      id: '1',
      title: 'X',
      originalTitle: null,
      year: null,
      directors: [],
      posterUrl: null,
      description: null,
    });
  });
});

const time = (t: string, precision = 11) => ({ mainsnak: { snaktype: 'value', datavalue: { value: { time: t, precision } } }, rank: 'normal' });
const quantity = (amount: string, unit: string) => ({ mainsnak: { snaktype: 'value', datavalue: { value: { amount, unit: `http://www.wikidata.org/entity/${unit}` } } }, rank: 'normal' });

describe('Wikidata mapping', () => {
  it.each<[string, unknown[], number | null]>([
    ['the earliest of several release dates', [time('+2021-01-29T00:00:00Z'), time('+2020-09-07T00:00:00Z')], 2020],
    ['a date known to the year only', [time('+1925-00-00T00:00:00Z', 9)], 1925],
    ['a date known to the decade only is no year', [time('+1920-00-00T00:00:00Z', 8)], null],
    ['no dates', [], null],
  ])('year: %s', (_name, claims, expected) => {
    expect(earliestYear({ claims: { P577: claims } }, 'P577')).toBe(expected);
  });

  it.each<[string, unknown[], number | null]>([
    ['minutes', [quantity('+121', 'Q7727')], 121],
    ['hours', [quantity('+1.5', 'Q25235')], 90],
    ['seconds', [quantity('+5640', 'Q11574')], 94],
    ['an unknown unit is skipped', [quantity('+3', 'Q1'), quantity('+95', 'Q7727')], 95],
  ])('runtime: %s', (_name, claims, expected) => {
    expect(durationMinutes({ claims: { P2047: claims } })).toBe(expected);
  });

  it('a preferred statement wins, a deprecated one never counts', () => {
    const claims = [
      { ...quantity('+80', 'Q7727'), rank: 'deprecated' },
      quantity('+90', 'Q7727'),
      { ...quantity('+94', 'Q7727'), rank: 'preferred' },
    ];
    expect(durationMinutes({ claims: { P2047: claims } })).toBe(94);
  });

  it.each([
    ['horror film', 'Horror'],
    ['drama film', 'Drama'],
    ['German Expressionism', 'German Expressionism'],
    ['film', 'Film'],
  ])('genre %s → %s', (label, expected) => {
    expect(genreName(label)).toBe(expected);
  });
});

describe('lookup helpers', () => {
  it.each<[string | null, number | null]>([
    ['7', 7],
    ['0', 0],
    [null, null],
    ['soon', null],
    ['Wed, 21 Oct 2015 07:28:30 GMT', 30],
    ['Wed, 21 Oct 2015 07:27:00 GMT', 0],
  ])('Retry-After %s is %s seconds', (header, expected) => {
    expect(retryAfterSeconds(header, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(expected);
  });

  it.each([
    ['tt0013442', 'tt0013442'],
    [' TT10796286 ', 'tt10796286'],
    ['Nosferatu', null],
    ['tt12', null],
  ])('IMDb id in %j: %s', (query, expected) => {
    expect(imdbIdIn(query)).toBe(expected);
  });

  it('folds accents, case and punctuation for ranking', () => {
    expect(foldTitle('Dear Comrades!')).toBe(foldTitle('dear  comrades'));
    expect(foldTitle('Amélie')).toBe('amelie');
    expect(yearOf('1922-02-16')).toBe(1922);
  });

  it('ranks an exact title first, then the nearest year, then the provider’s order', () => {
    const c = (title: string, year: number | null) => ({ title, originalTitle: null, year });
    const ranked = rankCandidates([c('Nosferatu the Vampyre', 1979), c('Nosferatu', 2024), c('Nosferatu', 1922), c('Nosferatu', null)], { title: 'nosferatu', year: 1922 });
    expect(ranked.map((x) => `${x.title} ${x.year}`)).toEqual(['Nosferatu 1922', 'Nosferatu 2024', 'Nosferatu null', 'Nosferatu the Vampyre 1979']);
  });
});
