import { describe, expect, test } from 'vitest';
import { parseFrontMatter } from '../../src/review/front-matter';
import { checkReview, fieldLabel, fieldOrder } from '../../src/review/review-check';
import { personName } from '../../src/review/schema';
import { nosferatu } from '../../src/node/sample-library/nosferatu';
import { battleshipPotemkin } from '../../src/node/sample-library/battleship-potemkin';

const errors = (data: Record<string, unknown>) =>
  checkReview(data)
    .issues.filter((issue) => issue.severity === 'error')
    .map((issue) => issue.message);
const warnings = (data: Record<string, unknown>) =>
  checkReview(data)
    .issues.filter((issue) => issue.severity === 'warning')
    .map((issue) => issue.message);

describe('the review schema', () => {
  test.each([
    ['the sample review of Nosferatu', nosferatu.markdown],
    ['the sample review of Battleship Potemkin', battleshipPotemkin.markdown],
    [
      'the review format of DESIGN §4',
      [
        '---',
        'title: "The party line, in black and white"',
        'date: 2023-07-10',
        'status: draft',
        'rating: 4.5',
        'tags: [Soviet history, Venice 2020]',
        'summary: "Konchalovsky films the Novocherkassk massacre with icy precision."',
        'spoilers: false',
        'film:',
        '  title: "Dear Comrades!"',
        '  original_title: "Дорогие товарищи!"',
        '  year: 2020',
        '  directors: [Andrey Konchalovsky]',
        '  writers: [Andrey Konchalovsky, {name: Elena Kiseleva, role: screenplay, ids: {imdb: nm1234567}}]',
        '  cast:',
        '    - {name: Yuliya Vysotskaya, character: Lyudmila Syomina}',
        '    - {name: Yuliya Burova, character: Svetka}',
        '  runtime: 121',
        '  countries: ["RU"]',
        '  languages: ["ru"]',
        '  aspect_ratio: "1.37:1"',
        '  color: black-and-white',
        '  distributors: [{name: Curzon, country: "GB"}]',
        '  watch: [Curzon Home Cinema, {name: MUBI, url: "https://mubi.com"}]',
        '  ids: {tmdb: 587609, imdb: "tt10796286", wikidata: null, letterboxd: dear-comrades}',
        'stills:',
        '  stills/01-workers-march.jpg: {credit: Curzon}',
        'published:',
        '  wordpress: {site: "https://example.org", id: 1234, url: "https://example.org/p/1", at: "2023-07-11T09:00:00Z"}',
        '---',
        '',
      ].join('\n'),
    ],
    ['empty fields (`key:` with nothing)', '---\ntitle:\nfilm:\n  year:\n  cast:\n---\n'],
  ])('accepts %s with no errors or warnings', (_name, source) => {
    const { data, error } = parseFrontMatter(source);
    expect(error).toBeNull();
    expect(checkReview(data!).issues).toEqual([]);
    expect(checkReview(data!).review).not.toBeNull();
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['a year in quotes', { film: { year: '1922' } }, 'Film › Year must be a whole number such as 2020'],
    ['a fractional year', { film: { year: 1922.5 } }, 'Film › Year must be a whole number such as 2020'],
    ['a year before the cinema', { film: { year: 1066 } }, 'Film › Year must be a year from 1870 on'],
    ['an unquoted numeric headline', { title: 1917 }, 'Review › Headline must be text: write it in quotes, such as "1917"'],
    ['a film title that is a list', { film: { title: ['Nosferatu'] } }, 'Film › Title must be text'],
    ['an unknown status', { status: 'finished' }, 'Review › Status must be draft, ready or published'],
    ['a rating above the scale', { rating: 6 }, 'Review › Rating must be from 0 to 5, the rating scale'],
    ['a rating above a scale of 10', { rating: 11, rating_scale: 10 }, 'Review › Rating must be from 0 to 10, the rating scale'],
    ['a rating between half stars', { rating: 3.3 }, 'Review › Rating must be in half steps, such as 3.5'],
    ['a rating in words', { rating: 'four' }, 'Review › Rating must be a number of stars such as 3.5'],
    ['a rating scale of 0', { rating_scale: 0 }, 'Review › Rating scale must be a whole number from 1 to 100'],
    ['a date that does not exist', { date: '2024-02-30' }, 'Review › Date must be a date such as 2024-10-31'],
    ['a date in another order', { date: '31/10/2024' }, 'Review › Date must be a date such as 2024-10-31'],
    ['spoilers as a word', { spoilers: 'yes' }, 'Review › Spoilers must be true or false'],
    ['tags as one string', { tags: 'horror' }, 'Review › Tags must be a list, such as [silent film, horror]'],
    ['a numeric tag', { tags: ['horror', 1922] }, 'Review › Tags #2 must be text: write it in quotes, such as "1922"'],
    ['a slug with spaces', { slug: 'Nosferatu 1922' }, 'Review › Slug must be lowercase words joined by hyphens, such as nosferatu-1922'],
    ['a target of no words', { target_words: 0 }, 'Review › Target length must be a whole number of words, such as 1200'],
    ['directors as one string', { film: { directors: 'F. W. Murnau' } }, 'Film › Directors must be a list, such as [Agnès Varda]'],
    ['a director that is a number', { film: { directors: [12] } }, 'Film › Directors #1 must be a name, or a name with ids such as {name: Agnès Varda}'],
    ['a person record without a name', { film: { writers: [{ role: 'story' }] } }, 'Film › Writers #1 › Name must be a name'],
    ['a person id of the wrong kind', { film: { composers: [{ name: 'Hans Erdmann', ids: { imdb: 'tt0013442' } }] } }, 'Film › Composers #1 › IDs › IMDb must be an IMDb name id such as "nm0003638"'],
    ['a cast member without a name', { film: { cast: [{ character: 'Knock' }] } }, 'Film › Cast #1 › Name must be the actor’s name'],
    ['a numeric character', { film: { cast: [{ name: 'A', character: 7 }] } }, 'Film › Cast #1 › Character must be the character’s name: write it in quotes, such as "7"'],
    ['runtime in hours', { film: { runtime: '1h34' } }, 'Film › Runtime must be a whole number of minutes, such as 94'],
    ['a lowercase country code', { film: { countries: ['de'] } }, 'Film › Countries #1 must be a two-letter country code in quotes, such as "DE"'],
    ['a language name', { film: { languages: ['German'] } }, 'Film › Languages #1 must be a language code such as "de" or "pt-BR"'],
    ['an aspect ratio in words', { film: { aspect_ratio: 'wide' } }, 'Film › Aspect ratio must be a ratio in quotes, such as "1.85:1"'],
    ['a colour that is not one of three', { film: { color: 'tinted' } }, 'Film › Colour must be color, black-and-white or mixed'],
    ['a distributor without a name', { film: { distributors: [{ country: 'GB' }] } }, 'Film › Distributors #1 › Name must be a name'],
    ['an IMDb id without tt', { film: { ids: { imdb: '0013442' } } }, 'Film › IDs › IMDb must be an IMDb title id such as "tt0013442"'],
    ['a TMDb id in quotes', { film: { ids: { tmdb: '653' } } }, 'Film › IDs › TMDb must be a TMDb film number such as 653'],
    ['a Wikidata id without Q', { film: { ids: { wikidata: '151895' } } }, 'Film › IDs › Wikidata must be a Wikidata id such as "Q151895"'],
    ['a Letterboxd URL instead of a slug', { film: { ids: { letterboxd: 'https://letterboxd.com/film/x/' } } }, 'Film › IDs › Letterboxd must be a Letterboxd film slug such as nosferatu'],
    ['a still credit that is a number', { stills: { 'stills/01.jpg': { credit: 3 } } }, 'Stills › stills/01.jpg › Credit must be text: write it in quotes, such as "3"'],
    ['film as a string', { film: 'Nosferatu' }, 'Film must be a group of fields such as title: and year:, each on its own line below it'],
    ['a cast member as a name only', { film: { cast: ['Max Schreck'] } }, 'Film › Cast #1 must be an actor and a character, such as {name: Max Schreck, character: Count Orlok}'],
  ])('%s: “%s”', (_name, data, message) => {
    expect(errors(data)).toContain(message);
  });

  test('every error names its field by path', () => {
    const { issues } = checkReview({ film: { year: 'x', cast: [{ name: 'A', character: 1 }] } });
    expect(issues.map((issue) => issue.path)).toEqual([
      ['film', 'year'],
      ['film', 'cast', 0, 'character'],
    ]);
  });

  test('unknown keys are warnings, kept in the data, at any depth', () => {
    const data = {
      draft: true,
      film: { budget: 1000, constructor: 'x', cast: [{ name: 'A', billing: 1 }], ids: { mubi: 12 } },
      stills: { 'a.jpg': { alt: 'x' } },
    };
    expect(errors(data)).toEqual([]);
    expect(warnings(data)).toEqual([
      'Review › draft is not a field Intertitle knows; it is kept as written.',
      'Film › budget is not a field Intertitle knows; it is kept as written.',
      'Film › constructor is not a field Intertitle knows; it is kept as written.',
      'Film › Cast #1 › billing is not a field Intertitle knows; it is kept as written.',
      'Film › IDs › mubi is not a field Intertitle knows; it is kept as written.',
      'Stills › a.jpg › alt is not a field Intertitle knows; it is kept as written.',
    ]);
    const { review } = checkReview(data);
    expect(review?.film).toMatchObject({ budget: 1000, ids: { mubi: 12 } });
  });
});

describe('field names in words', () => {
  test.each<[Array<string | number>, string]>([
    [['title'], 'Review › Headline'],
    [['film', 'title'], 'Film › Title'],
    [['film', 'cast', 2, 'character'], 'Film › Cast #3 › Character'],
    [['film', 'directors', 0], 'Film › Directors #1'],
    [['stills', 'stills/title.jpg', 'credit'], 'Stills › stills/title.jpg › Credit'],
    [['published', 'ghost', 'url'], 'Published › ghost › Link'],
    [['film', 'toString'], 'Film › toString'],
    [[], 'The front matter'],
  ])('%j → %s', (path, label) => {
    expect(fieldLabel(path)).toBe(label);
  });
});

describe('fieldOrder', () => {
  test.each<[Array<string | number>, string[] | null]>([
    [['film', 'ids'], ['tmdb', 'imdb', 'wikidata', 'letterboxd']],
    [['film', 'cast', 3], ['name', 'character', 'order', 'ids']],
    [['film', 'directors', 0], ['name', 'original_name', 'role', 'ids']],
    [['stills', 'stills/01.jpg'], ['credit', 'source', 'timecode']],
    [['film', 'title'], null],
    [['film', 'constructor'], null],
  ])('%j', (path, order) => {
    expect(fieldOrder(path)).toEqual(order);
  });

  test('the review and the film list their fields in the order of DESIGN §4', () => {
    expect(fieldOrder([])?.slice(0, 7)).toEqual(['title', 'date', 'status', 'rating', 'rating_scale', 'tags', 'summary']);
    expect(fieldOrder(['film'])?.slice(0, 4)).toEqual(['title', 'original_title', 'year', 'directors']);
  });
});

test.each([
  ['Agnès Varda', 'Agnès Varda'],
  [{ name: 'Agnès Varda', ids: { imdb: 'nm0889513' } }, 'Agnès Varda'],
  [{ ids: {} }, null],
  [1917, '1917'],
  [null, null],
])('personName(%j) is %j', (person, name) => {
  expect(personName(person)).toBe(name);
});
