import { describe, expect, test } from 'vitest';
import { applyChanges, editFrontMatter, type FrontMatterEdit } from '../../src/review/front-matter-edit';
import { parseFrontMatter } from '../../src/review/front-matter';
import { nosferatu } from '../../src/node/sample-library/nosferatu';

/** A review with these front-matter lines and a short body. */
const review = (...lines: string[]) => ['---', ...lines, '---', '', 'The body stays.', ''].join('\n');

function edited(source: string, edit: FrontMatterEdit): string {
  const result = editFrontMatter(source, edit);
  if (!result.ok) throw new Error(result.message);
  return applyChanges(source, result.changes);
}

const set = (path: FrontMatterEdit['path'], value: unknown): FrontMatterEdit => ({ kind: 'set', path, value });
const remove = (path: FrontMatterEdit['path']): FrontMatterEdit => ({ kind: 'remove', path });
const insert = (path: FrontMatterEdit['path'], index: number, value: unknown): FrontMatterEdit => ({ kind: 'insert', path, index, value });
const move = (path: FrontMatterEdit['path'], from: number, to: number): FrontMatterEdit => ({ kind: 'move', path, from, to });

describe('editFrontMatter changes only the edited field', () => {
  test.each<[string, string[], FrontMatterEdit, string[]]>([
    ['a plain value, keeping its comment in line', ['rating: 5      # out of 5', 'x: 1'], set(['rating'], 4.5), ['rating: 4.5    # out of 5', 'x: 1']],
    ['a shorter value pads its comment back into line', ['status: published  # workflow'], set(['status'], 'draft'), ['status: draft      # workflow']],
    ['a double-quoted value stays double-quoted', ['title: "Old"'], set(['title'], 'It’s "new"'), ['title: "It’s \\"new\\""']],
    ['a single-quoted value stays single-quoted', ["title: 'Old'"], set(['title'], "Murnau's"), ["title: 'Murnau''s'"]],
    ['a plain value that would read as a number is quoted', ['film:', '  title: Old'], set(['film', 'title'], '1917'), ['film:', '  title: "1917"']],
    ['a plain value that would read as a comment is quoted', ['summary: Old'], set(['summary'], 'Best # ever'), ['summary: "Best # ever"']],
    ['an item of a flow list', ['  directors: [F. W. Murnau, Someone]'].map((l) => l.trim()), set(['directors', 1], 'Henrik Galeen'), ['directors: [F. W. Murnau, Henrik Galeen]']],
    ['a name with a comma in a flow list is quoted', ['genres: [Drama]'], set(['genres', 0], 'Horror, silent'), ['genres: ["Horror, silent"]']],
    ['a field of a record in a block list', ['cast:', '  - {name: Max Schreck, character: Orlok}   # top billing'], set(['cast', 0, 'character'], 'Count Orlok'), ['cast:', '  - {name: Max Schreck, character: Count Orlok}   # top billing']],
    ['a person written as {name, ids} keeps its ids', ['directors: [{name: Murnau, ids: {imdb: "nm0003638"}}]'], set(['directors', 0, 'name'], 'F. W. Murnau'), ['directors: [{name: F. W. Murnau, ids: {imdb: "nm0003638"}}]']],
    ['an empty value gets one', ['film:', '  year:', '  title: X'], set(['film', 'year'], 1922), ['film:', '  year: 1922', '  title: X']],
    ['an empty value before a comment', ['film:', '  year:   # fill in', '  title: X'], set(['film', 'year'], 1922), ['film:', '  year:   1922 # fill in', '  title: X']],
    ['a block literal stays a block literal', ['summary: |', '  One.', '  Two.', 'x: 1'], set(['summary'], 'Three.\nFour.'), ['summary: |-', '  Three.', '  Four.', 'x: 1']],
    ['a block literal given one line', ['summary: |', '  One.', 'x: 1'], set(['summary'], 'Just one.'), ['summary: Just one.', 'x: 1']],
    ['a number replaces a quoted string', ['film:', '  year: "1922"'], set(['film', 'year'], 1922), ['film:', '  year: 1922']],
    ['true and false', ['spoilers: false  # careful'], set(['spoilers'], true), ['spoilers: true   # careful']],
  ])('set: %s', (_name, lines, edit, expected) => {
    expect(edited(review(...lines), edit)).toBe(review(...expected));
  });

  test.each<[string, string[], FrontMatterEdit, string[]]>([
    ['a new review field goes in the schema’s order', ['title: "T"', 'status: draft', 'film: {title: X}'], set(['date'], '2024-10-31'), ['title: "T"', 'date: "2024-10-31"', 'status: draft', 'film: {title: X}']],
    ['a new film field goes after the field before it', ['film:', '  title: X', '  year: 1922   # silent', '  runtime: 94'], set(['film', 'directors'], ['F. W. Murnau']), ['film:', '  title: X', '  year: 1922   # silent', '  directors: [F. W. Murnau]', '  runtime: 94']],
    ['a new first field goes before the others', ['film:', '  year: 1922'], set(['film', 'title'], 'Nosferatu'), ['film:', '  title: "Nosferatu"', '  year: 1922']],
    ['a new id goes into a flow record in order', ['film:', '  ids: {tmdb: 653, letterboxd: nosferatu}'], set(['film', 'ids', 'imdb'], 'tt0013442'), ['film:', '  ids: {tmdb: 653, imdb: "tt0013442", letterboxd: nosferatu}']],
    ['a field the schema does not know goes last', ['ids: {tmdb: 653}', 'x: 1'], set(['ids', 'imdb'], 'tt0013442'), ['ids: {tmdb: 653, imdb: "tt0013442"}', 'x: 1']],
    ['a missing group is created with the field', ['title: "T"'], set(['film', 'ids', 'tmdb'], 653), ['title: "T"', 'film:', '  ids:', '    tmdb: 653']],
    ['an empty group gets block lines', ['film:', 'x: 1'], set(['film', 'year'], 1922), ['film:', '  year: 1922', 'x: 1']],
    ['an empty flow record', ['ids: {}'], set(['ids', 'tmdb'], 653), ['ids: {tmdb: 653}']],
    ['a list of records becomes block lines of flow records', ['film:', '  title: X'], set(['film', 'cast'], [{ name: 'Max Schreck', character: 'Orlok' }]), ['film:', '  title: X', '  cast:', '    - {name: Max Schreck, character: Orlok}']],
    ['the indentation of the file is followed', ['film:', '    title: X'], set(['film', 'cast'], [{ name: 'A' }]), ['film:', '    title: X', '    cast:', '        - {name: A}']],
  ])('add: %s', (_name, lines, edit, expected) => {
    expect(edited(review(...lines), edit)).toBe(review(...expected));
  });

  test.each<[string, string[], FrontMatterEdit, string[]]>([
    ['a field and its comment line stay, the field goes', ['# the headline', 'title: "T"', 'summary: S  # short'], remove(['summary']), ['# the headline', 'title: "T"']],
    ['a block field goes with all its lines', ['film:', '  cast:', '    - {name: A}', '    - {name: B}', '  year: 1922'], remove(['film', 'cast']), ['film:', '  year: 1922']],
    ['a block list item', ['cast:', '  - {name: A}', '  # between', '  - {name: B}'], remove(['cast', 1]), ['cast:', '  - {name: A}', '  # between']],
    ['the last block item leaves an empty list', ['directors:', '  - Murnau', 'x: 1'], remove(['directors', 0]), ['directors: []', 'x: 1']],
    ['a flow item in the middle', ['tags: [a, b, c]'], remove(['tags', 1]), ['tags: [a, c]']],
    ['the last flow item', ['tags: [a, b, c]'], remove(['tags', 2]), ['tags: [a, b]']],
    ['the only flow item', ['tags: [a]'], remove(['tags', 0]), ['tags: []']],
    ['a field of a flow record', ['ids: {tmdb: 653, imdb: "tt0013442"}'], remove(['ids', 'tmdb']), ['ids: {imdb: "tt0013442"}']],
    ['set to undefined removes', ['title: "T"', 'slug: t'], set(['slug'], undefined), ['title: "T"']],
  ])('remove: %s', (_name, lines, edit, expected) => {
    expect(edited(review(...lines), edit)).toBe(review(...expected));
  });

  test.each<[string, string[], FrontMatterEdit, string[]]>([
    ['append to a flow list, in its quoting', ['countries: ["DE"]'], insert(['countries'], 1, 'FR'), ['countries: ["DE", "FR"]']],
    ['insert first in a flow list', ['tags: [b]'], insert(['tags'], 0, 'a'), ['tags: [a, b]']],
    ['into an empty flow list', ['tags: []'], insert(['tags'], 0, 'a'), ['tags: [a]']],
    ['append to a block list', ['cast:', '  - {name: A}   # lead', 'x: 1'], insert(['cast'], 1, { name: 'B', character: 'C' }), ['cast:', '  - {name: A}   # lead', '  - {name: B, character: C}', 'x: 1']],
    ['insert in the middle of a block list', ['cast:', '  - {name: A}', '  - {name: C}'], insert(['cast'], 1, { name: 'B' }), ['cast:', '  - {name: A}', '  - {name: B}', '  - {name: C}']],
    ['records written as block lines get block lines', ['cast:', '  - name: A', '    character: X'], insert(['cast'], 1, { name: 'B', character: 'Y' }), ['cast:', '  - name: A', '    character: X', '  - name: B', '    character: Y']],
    ['a missing list is created', ['film:', '  title: X'], insert(['film', 'genres'], 0, 'Horror'), ['film:', '  title: X', '  genres: [Horror]']],
    ['an empty list field is filled', ['film:', '  genres:', '  title: X'], insert(['film', 'genres'], 0, 'Horror'), ['film:', '  genres: [Horror]', '  title: X']],
  ])('insert: %s', (_name, lines, edit, expected) => {
    expect(edited(review(...lines), edit)).toBe(review(...expected));
  });

  test.each<[string, string[], FrontMatterEdit, string[]]>([
    ['up in a block list, comments staying put', ['cast:', '  - {name: A}  # first', '  # about B', '  - {name: B}'], move(['cast'], 1, 0), ['cast:', '  - {name: B}', '  # about B', '  - {name: A}  # first']],
    ['down in a flow list', ['directors: [A, "B", C]'], move(['directors'], 0, 2), ['directors: ["B", C, A]']],
    ['by one in a flow list', ['directors: [A, B, C]'], move(['directors'], 2, 1), ['directors: [A, C, B]']],
  ])('move: %s', (_name, lines, edit, expected) => {
    expect(edited(review(...lines), edit)).toBe(review(...expected));
  });
});

describe('editFrontMatter keeps everything else', () => {
  test('CRLF files get CRLF lines', () => {
    const source = review('title: "T"', 'film:', '  title: X').replaceAll('\n', '\r\n');
    const out = edited(source, set(['film', 'cast'], [{ name: 'A' }]));
    expect(out).toBe(review('title: "T"', 'film:', '  title: X', '  cast:', '    - {name: A}').replaceAll('\n', '\r\n'));
  });

  test('a BOM and the body are untouched', () => {
    const source = `\uFEFF${review('title: "T"')}`;
    expect(edited(source, set(['title'], 'U'))).toBe(`\uFEFF${review('title: "U"')}`);
  });

  test('an edit to the sample review changes one line of it', () => {
    const out = edited(nosferatu.markdown, set(['film', 'directors', 0], 'Friedrich Wilhelm Murnau'));
    const before = nosferatu.markdown.split('\n');
    const after = out.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [[line, after[i]]]));
    expect(changed).toEqual([['  directors: [F. W. Murnau]', '  directors: [Friedrich Wilhelm Murnau]']]);
  });

  test.each<[string, FrontMatterEdit]>([
    ['the same value', set(['film', 'year'], 1922)],
    ['the same string written differently', set(['film', 'title'], 'Nosferatu')],
    ['removing what is not there', remove(['film', 'budget'])],
    ['moving an item onto itself', move(['film', 'cast'], 2, 2)],
  ])('a no-op edit (%s) changes nothing', (_name, edit) => {
    expect(editFrontMatter(nosferatu.markdown, edit)).toEqual({ ok: true, changes: [] });
  });
});

describe('a file without front matter', () => {
  test('gets a front matter block holding the field', () => {
    expect(edited('# Notes\n', set(['film', 'title'], 'Vampyr'))).toBe('---\nfilm:\n  title: "Vampyr"\n---\n\n# Notes\n');
  });

  test('keeps its BOM first and its line breaks', () => {
    expect(edited('\uFEFFNotes\r\n', set(['status'], 'draft'))).toBe('\uFEFF---\r\nstatus: draft\r\n---\r\n\r\nNotes\r\n');
  });

  test('an empty front matter gets its first field', () => {
    expect(edited('---\n---\nBody\n', set(['title'], 'T'))).toBe('---\ntitle: "T"\n---\nBody\n');
  });
});

describe('editFrontMatter refuses rather than guess', () => {
  test.each<[string, string, FrontMatterEdit, RegExp]>([
    ['front matter that does not parse', review('title: [unclosed'), set(['title'], 'x'), /does not parse \(line 2\)/],
    ['a ---js block', '---js\nmodule.exports = {}\n---\n', set(['title'], 'x'), /“---js” block/],
    ['a list index past the end', review('tags: [a]'), insert(['tags'], 5, 'b'), /no such place/],
    ['a move outside the list', review('tags: [a]'), move(['tags'], 0, 3), /no such item/],
    ['a field shared through an alias', review('a: &x {name: A}', 'b: *x'), set(['a', 'name'], 'B'), /could not make this change/],
  ])('%s', (_name, source, edit, message) => {
    const result = editFrontMatter(source, edit);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  test('a refused edit leaves the data as it was', () => {
    const source = review('a: &x {name: A}', 'b: *x');
    expect(editFrontMatter(source, set(['a', 'name'], 'B')).ok).toBe(false);
    expect(parseFrontMatter(source).data).toEqual({ a: { name: 'A' }, b: { name: 'A' } });
  });
});
