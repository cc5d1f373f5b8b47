import { describe, expect, test } from 'vitest';
import { parseFrontMatter } from '../../src/review/front-matter';
import { reviewMeta, type ReviewMeta } from '../../src/review/review-meta';

const empty: ReviewMeta = { title: null, status: null, date: null, film: { title: null, year: null }, stills: {} };

describe('reviewMeta', () => {
  test('reads the review format of DESIGN §4', () => {
    const { data } = parseFrontMatter(
      [
        '---',
        'title: "The party line, in black and white"',
        'date: 2023-07-10',
        'status: draft',
        'film:',
        '  title: "Dear Comrades!"',
        '  year: 2020',
        'stills:',
        '  stills/01-workers-march.jpg: {credit: Curzon}',
        '  stills/02.jpg: {source: press kit}',
        '---',
        '',
      ].join('\n'),
    );
    expect(reviewMeta(data)).toEqual({
      title: 'The party line, in black and white',
      status: 'draft',
      date: '2023-07-10',
      film: { title: 'Dear Comrades!', year: 2020 },
      stills: { 'stills/01-workers-march.jpg': { credit: 'Curzon' }, 'stills/02.jpg': {} },
    });
  });

  test.each<[string, Record<string, unknown> | null, Partial<ReviewMeta>]>([
    ['no front matter', null, {}],
    ['an empty one', {}, {}],
    ['a title that is a list', { title: ['a'] }, {}],
    ['a numeric title (an unquoted `title: 1917`)', { film: { title: 1917 } }, { film: { title: '1917', year: null } }],
    ['an unknown status', { status: 'finished' }, {}],
    ['each known status', { status: 'published' }, { status: 'published' }],
    ['a date that is not a string', { date: 20230710 }, {}],
    ['a film that is a string', { film: 'Dear Comrades!' }, {}],
    ['a film that is a list', { film: ['Dear Comrades!'] }, {}],
    ['a year written as a string', { film: { year: ' 1922 ' } }, { film: { title: null, year: 1922 } }],
    ['a year that is not a year', { film: { year: '1922a' } }, {}],
    ['a fractional year', { film: { year: 1922.5 } }, {}],
    ['a negative year', { film: { year: -5 } }, {}],
    ['stills that are a list', { stills: ['a.jpg'] }, {}],
    ['a still that is a string', { stills: { 'a.jpg': 'Curzon' } }, {}],
    ['a credit that is not a string', { stills: { 'a.jpg': { credit: true } } }, { stills: { 'a.jpg': {} } }],
    ['a blank credit', { stills: { 'a.jpg': { credit: '  ' } } }, { stills: { 'a.jpg': {} } }],
  ])('tolerates %s', (_name, data, expected) => {
    expect(reviewMeta(data)).toEqual({ ...empty, ...expected });
  });
});
