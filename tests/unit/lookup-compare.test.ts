import { describe, expect, it } from 'vitest';
import type { FilmFacts } from '../../src/contract/types';
import { applyLookup } from '../../src/metadata/apply';
import { compareFilm, defaultSelection, lookupEdits, type LookupFieldKey } from '../../src/metadata/compare';
import { isLocked, lockedPaths } from '../../src/metadata/locks';
import { applyChanges } from '../../src/review/front-matter-edit';
import { parseFrontMatter } from '../../src/review/front-matter';
import { checkReview } from '../../src/review/review-check';
import { filmSchema } from '../../src/review/schema';
import { nosferatu } from '../../src/node/sample-library/nosferatu';
import { nosferatuFromTmdb } from '../helpers/tmdb-samples';

// A lookup that lists the critic's cinematographers the other way round, and two of the cast.
const found: FilmFacts = {
  ...nosferatuFromTmdb,
  cinematographers: ['Günther Krampf', 'Fritz Arno Wagner'],
  cast: nosferatuFromTmdb.cast.slice(0, 2),
};

const review = (...lines: string[]) => ['---', ...lines, '---', '', 'Body.', ''].join('\n');
const statusOf = (rows: ReturnType<typeof compareFilm>) => Object.fromEntries(rows.map((r) => [r.key, r.locked ? `${r.status} (locked)` : r.status]));

describe('comparing a lookup with the front matter', () => {
  it('marks each field new, changed, same or missing, against the sample review', () => {
    const rows = compareFilm(parseFrontMatter(nosferatu.markdown).data, found);
    expect(statusOf(rows)).toEqual({
      title: 'same',
      original_title: 'changed',
      year: 'same',
      runtime: 'changed',
      directors: 'same',
      writers: 'changed',
      cinematographers: 'same', // the same people in another order: the critic's order stays
      editors: 'missing',
      composers: 'new',
      cast: 'changed',
      countries: 'same',
      languages: 'same',
      genres: 'new',
      'ids.tmdb': 'same',
      'ids.imdb': 'same',
      'ids.wikidata': 'new',
      'ids.letterboxd': 'missing',
    });
    expect([...defaultSelection(rows)].sort()).toEqual(['cast', 'composers', 'genres', 'ids.wikidata', 'original_title', 'runtime', 'writers']);
  });

  it.each<[string, string[], Partial<Record<LookupFieldKey, string>>]>([
    ['a review with no film block has everything new', ['title: "T"'], { title: 'new', cast: 'new', 'ids.tmdb': 'new' }],
    ['a scalar where the film block belongs reads as empty', ['film: ~'], { title: 'new' }],
    ['a year written as text is the same year', ['film: {year: "1922"}'], { year: 'same' }],
    ['a director written as {name, ids} is the same person', ['film: {directors: [{name: F. W. Murnau, ids: {imdb: "nm0003638"}}]}'], { directors: 'same' }],
    ['the cast in another order has changed (billing matters)', ['film:', '  cast: [{name: Gustav von Wangenheim, character: Thomas Hutter}, {name: Max Schreck, character: Count Orlok}]'], { cast: 'changed' }],
  ])('%s', (_name, lines, expected) => {
    const rows = compareFilm(parseFrontMatter(review(...lines)).data, found);
    expect(statusOf(rows)).toMatchObject(expected);
  });

  it('locked fields are flagged, never ticked and never edited', () => {
    const data = parseFrontMatter(review('locked: [film.cast, film.ids, film.runtime]', 'film: {title: X, runtime: 94}')).data;
    const rows = compareFilm(data, found);
    expect(statusOf(rows)).toMatchObject({ cast: 'new (locked)', runtime: 'changed (locked)', 'ids.tmdb': 'new (locked)', title: 'changed' });
    const ticked = defaultSelection(rows);
    expect(ticked.has('cast') || ticked.has('runtime') || ticked.has('ids.tmdb')).toBe(false);
    // Even a caller that ticks them gets no edit for them.
    const edits = lookupEdits(rows, new Set(rows.map((r) => r.key)));
    expect(edits.map((e) => e.path.join('.'))).not.toContain('film.cast');
    expect(edits.map((e) => e.path.join('.'))).not.toContain('film.runtime');
  });

  it.each<[unknown, string[]]>([
    [['film.cast', ' film . runtime '], ['film.cast', 'film.runtime']],
    ['film.cast', ['film.cast']],
    [[1, null, 'film'], ['film']],
    [{ film: true }, []],
  ])('locked: %j reads as %j', (value, expected) => {
    expect(lockedPaths({ locked: value })).toEqual(expected);
  });

  it('a locked path covers what is below it, and only that', () => {
    expect(isLocked(['film.ids'], ['film', 'ids', 'tmdb'])).toBe(true);
    expect(isLocked(['film'], ['film', 'cast'])).toBe(true);
    expect(isLocked(['film.cast'], ['film', 'castle'])).toBe(false);
  });

  it('keeps a person’s ids and a cast member’s extra fields when writing the lookup’s list', () => {
    const data = parseFrontMatter(
      review('film:', '  directors: [{name: F. W. Murnau, ids: {imdb: "nm0003638"}}, Someone Else]', '  cast:', '    - {name: Max Schreck, character: Orlok, order: 4, ids: {tmdb: 4}}'),
    ).data;
    const rows = compareFilm(data, found);
    expect(rows.find((r) => r.key === 'directors')!.value).toEqual([{ name: 'F. W. Murnau', ids: { imdb: 'nm0003638' } }]);
    expect(rows.find((r) => r.key === 'cast')!.value).toEqual([
      { name: 'Max Schreck', character: 'Count Orlok', order: 0, ids: { tmdb: 4 } },
      { name: 'Gustav von Wangenheim', character: 'Thomas Hutter' },
    ]);
  });
});

describe('applying a lookup', () => {
  it('writes the ticked fields with minimal changes, keeping comments, and the result validates', () => {
    const source = nosferatu.markdown;
    const rows = compareFilm(parseFrontMatter(source).data, found);
    const result = applyLookup(source, lookupEdits(rows, defaultSelection(rows)));
    if (!result.ok) throw new Error(result.message);
    expect(result.steps.length).toBe(7);
    let text = source;
    for (const step of result.steps) text = applyChanges(text, step);
    expect(text).toBe(result.text);
    const after = parseFrontMatter(text).data!;
    expect(after.film).toMatchObject({
      runtime: 95,
      composers: ['Hans Erdmann'],
      genres: ['Horror', 'Fantasy'],
      writers: ['Henrik Galeen', 'Bram Stoker'],
      ids: { tmdb: 653, imdb: 'tt0013442', letterboxd: 'nosferatu', wikidata: 'Q151895' },
    });
    // Comments on untouched and on edited lines stay; the body is untouched.
    expect(text).toContain("  languages: [\"de\"]                             # silent, German intertitles");
    expect(text).toMatch(/ {2}runtime: 95 +# minutes; prints run 63 to 94/);
    expect(text.slice(text.indexOf('\n---\n'))).toBe(source.slice(source.indexOf('\n---\n')));
    expect(checkReview(after).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('touches nothing when a field is locked, even if asked', () => {
    const source = review('locked: [film.runtime]', 'film:', '  runtime: 94   # restored print');
    const result = applyLookup(source, [{ label: 'Runtime', path: ['film', 'runtime'], value: 95 }]);
    expect(result).toEqual({ ok: false, message: 'Runtime is locked in this review, so the lookup leaves it alone.' });
  });

  it('creates the film block in a review that has none', () => {
    const source = review('title: "My headline"');
    const rows = compareFilm(parseFrontMatter(source).data, found);
    const result = applyLookup(source, lookupEdits(rows, defaultSelection(rows)));
    if (!result.ok) throw new Error(result.message);
    const data = parseFrontMatter(result.text).data!;
    expect(data.title).toBe('My headline');
    expect(data.film).toMatchObject({ title: 'Nosferatu', year: 1922, cast: found.cast, countries: ['DE'] });
    expect(result.text).toContain('countries: ["DE"]');
  });

  it('the looked-up block is valid for the review schema', () => {
    const rows = compareFilm({}, found);
    const film: Record<string, unknown> = {};
    for (const row of rows.filter((r) => r.status === 'new')) {
      const [, key, sub] = row.path;
      if (sub) film[key!] = { ...(film[key!] as object), [sub]: row.value };
      else film[key!] = row.value;
    }
    expect(filmSchema.safeParse(film).success).toBe(true);
  });
});
