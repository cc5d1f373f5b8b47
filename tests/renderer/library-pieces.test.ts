import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { ReviewSummary } from '../../src/contract';
import { sideBySide } from '../../renderer/conflict/line-diff';
import { minimalReplace } from '../../renderer/document/minimal-replace';
import { facetsOf, noFilter, ratingLabel, visibleReviews } from '../../renderer/library/library-query';

function review(path: string, over: Partial<ReviewSummary> & { directors?: string[]; year?: number | null } = {}): ReviewSummary {
  const { directors = [], year = null, ...rest } = over;
  return { path, title: path, status: null, date: null, film: { title: path, year, directors }, rating: null, ratingScale: 5, tags: [], ...rest };
}

const reviews = [
  review('stalker.md', { title: 'Zone', date: '2021-01-01', status: 'published', rating: 9, ratingScale: 10, year: 1979, directors: ['Andrei Tarkovsky'], tags: ['slow cinema'] }),
  review('mirror.md', { title: 'Memory', date: '2023-05-01', status: 'draft', rating: 4, year: 1975, directors: ['Andrei Tarkovsky'] }),
  review('vampyr.md', { title: 'Fog', date: null, status: 'ready', rating: null, year: 1932, directors: ['Carl Theodor Dreyer'], tags: ['horror'] }),
  review('untitled.md', { title: 'Another', date: '2022-01-01' }),
];
const paths = (list: ReviewSummary[]) => list.map((r) => r.path);

describe('library list: filter and sort', () => {
  it.each([
    ['date', ['mirror.md', 'untitled.md', 'stalker.md', 'vampyr.md']],
    ['title', ['untitled.md', 'vampyr.md', 'mirror.md', 'stalker.md']],
    ['year', ['vampyr.md', 'mirror.md', 'stalker.md', 'untitled.md']],
    ['rating', ['stalker.md', 'mirror.md', 'untitled.md', 'vampyr.md']],
    ['status', ['mirror.md', 'vampyr.md', 'stalker.md', 'untitled.md']],
  ] as const)('sorts by %s', (sort, expected) => {
    expect(paths(visibleReviews(reviews, noFilter, sort, null))).toEqual(expected);
  });

  it.each([
    [{ director: 'Andrei Tarkovsky' }, ['mirror.md', 'stalker.md']],
    [{ year: 1932 }, ['vampyr.md']],
    [{ status: 'none' as const }, ['untitled.md']],
    [{ tag: 'horror' }, ['vampyr.md']],
    // 9/10 is 4.5 out of five.
    [{ minRating: 4.5 }, ['stalker.md']],
    [{ minRating: 4, director: 'Andrei Tarkovsky' }, ['mirror.md', 'stalker.md']],
  ])('filters by %j', (filter, expected) => {
    expect(paths(visibleReviews(reviews, { ...noFilter, ...filter }, 'date', null))).toEqual(expected);
  });

  it('keeps the search’s ranking for “best match”, and applies filters to it', () => {
    const ranked = ['vampyr.md', 'stalker.md', 'gone.md', 'mirror.md'];
    expect(paths(visibleReviews(reviews, noFilter, 'relevance', ranked))).toEqual(['vampyr.md', 'stalker.md', 'mirror.md']);
    expect(paths(visibleReviews(reviews, { ...noFilter, director: 'Andrei Tarkovsky' }, 'relevance', ranked))).toEqual(['stalker.md', 'mirror.md']);
    expect(paths(visibleReviews(reviews, noFilter, 'title', ranked))).toEqual(['vampyr.md', 'mirror.md', 'stalker.md']);
  });

  it('offers facets with counts, most used first', () => {
    const facets = facetsOf(reviews);
    expect(facets.directors).toEqual([{ value: 'Andrei Tarkovsky', count: 2 }, { value: 'Carl Theodor Dreyer', count: 1 }]);
    expect(facets.years.map((y) => y.value)).toEqual([1979, 1975, 1932]);
    expect(facets.statuses.map((s) => s.value)).toEqual(['draft', 'ready', 'published', 'none']);
  });

  it.each([
    [{ rating: 4.5, ratingScale: 5 }, '4.5'],
    [{ rating: 9, ratingScale: 10 }, '9/10'],
    [{ rating: null, ratingScale: 5 }, null],
  ])('labels the rating %j as %j', (over, label) => {
    expect(ratingLabel(review('x.md', over))).toBe(label);
  });
});

describe('reload from disk', () => {
  it.each([
    ['one two three|', 'one 2 three', 'one 2 three|'],
    ['one |two three', 'zero one two three', 'zero one |two three'],
    ['one tw|o three', 'one two three four', 'one tw|o three four'],
    ['a\nb\nc|\nd', 'a\nB\nc\nd', 'a\nB\nc|\nd'],
  ])('replaces only what differs, so the cursor stays put: %j → %j', (before, disk, after) => {
    const state = EditorState.create({ doc: before.replace('|', ''), selection: { anchor: before.indexOf('|') } });
    const next = state.update(minimalReplace(state.doc.toString(), disk)).state;
    expect(next.doc.toString()).toBe(disk);
    const cursor = next.selection.main.head;
    expect(`${disk.slice(0, cursor)}|${disk.slice(cursor)}`).toBe(after);
  });
});

describe('side-by-side comparison', () => {
  const rows = (left: string, right: string) => sideBySide(left, right).map((r) => [r.left, r.right, r.changed]);

  it.each([
    ['same', 'a\nb', 'a\nb', [['a', 'a', false], ['b', 'b', false]]],
    ['a changed line', 'a\nb\nc', 'a\nB\nc', [['a', 'a', false], ['b', 'B', true], ['c', 'c', false]]],
    ['a line added on the right', 'a\nc', 'a\nb\nc', [['a', 'a', false], [null, 'b', true], ['c', 'c', false]]],
    ['a line removed on the right', 'a\nb\nc', 'a\nc', [['a', 'a', false], ['b', null, true], ['c', 'c', false]]],
    ['CRLF against LF', 'a\r\nb', 'a\nb', [['a', 'a', false], ['b', 'b', false]]],
  ] as const)('%s', (_name, left, right, expected) => {
    expect(rows(left, right)).toEqual(expected);
  });

  it('aligns unchanged lines between edits far apart', () => {
    const left = Array.from({ length: 50 }, (_, i) => `line ${i}`);
    const right = [...left];
    right[3] = 'changed 3';
    right.splice(40, 0, 'inserted');
    const result = sideBySide(left.join('\n'), right.join('\n'));
    expect(result.filter((r) => r.changed).map((r) => [r.left, r.right])).toEqual([
      ['line 3', 'changed 3'],
      [null, 'inserted'],
    ]);
  });
});
