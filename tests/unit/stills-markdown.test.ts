import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderReview } from '../../src/markdown/pipeline';
import { createNodeSanitizer } from '../../src/node/sanitizer';
import { applyChanges } from '../../src/review/front-matter-edit';
import { parseFrontMatter } from '../../src/review/front-matter';
import { creditEdit, creditOf, fillCredit } from '../../src/stills/credits';
import { altEdit, captionEdit, creditTextEdit, insertStill, removeStill } from '../../src/stills/edits';
import { findFigures, imageReferences } from '../../src/stills/figure-source';

const review = (body: string, front = 'title: "A"\n') => `---\n${front}---\n\n${body}`;
const same = (src: string) => (s: string) => s === src;

function apply(text: string, result: ReturnType<typeof altEdit>): string {
  if (!result.ok) throw new Error(result.message);
  return applyChanges(text, result.changes);
}

describe('finding figures in the text', () => {
  it('reads each figure’s path, alt text, caption and place, as the preview sees them', () => {
    const text = review('Intro.\n\n![Workers \\[on strike\\]](stills/01-march.jpg "The *march*")\n\nText ![inline](stills/x.jpg) here.\n\n> ![In a quote](<stills/a b.jpg>)\n');
    const figures = findFigures(text);
    expect(figures.map(({ src, alt, caption, line, column }) => ({ src, alt, caption, line, column }))).toEqual([
      { src: 'stills/01-march.jpg', alt: 'Workers [on strike]', caption: 'The *march*', line: 7, column: 1 },
      { src: 'stills/a b.jpg', alt: 'In a quote', caption: '', line: 11, column: 3 },
    ]);
    expect(text.slice(figures[0]!.from, figures[0]!.to)).toBe('![Workers \\[on strike\\]](stills/01-march.jpg "The *march*")');
    expect(imageReferences(text)).toEqual(['stills/01-march.jpg', 'stills/x.jpg', 'stills/a b.jpg']);
  });

  it('leaves out remote images and linked images (which are not figures)', () => {
    const text = review('![r](https://example.org/a.jpg)\n\n[![l](stills/l.jpg)](https://example.org)\n');
    expect(findFigures(text).map((f) => f.src)).toEqual(['https://example.org/a.jpg']);
    expect(imageReferences(text)).toEqual(['stills/l.jpg']);
  });
});

describe('editing a figure from the panel', () => {
  it.each([
    ['sets alt text', '![](stills/a.jpg)', (t: string) => altEdit(t, same('stills/a.jpg'), 'A crowd'), '![A crowd](stills/a.jpg)'],
    ['escapes brackets in alt text', '![x](stills/a.jpg)', (t: string) => altEdit(t, same('stills/a.jpg'), 'Lenin [a portrait]'), '![Lenin \\[a portrait\\]](stills/a.jpg)'],
    ['adds a caption', '![x](stills/a.jpg)', (t: string) => captionEdit(t, same('stills/a.jpg'), 'The march'), '![x](stills/a.jpg "The march")'],
    ['changes a caption, keeping the rest', '![x](stills/a.jpg  "Old")', (t: string) => captionEdit(t, same('stills/a.jpg'), 'New'), '![x](stills/a.jpg  "New")'],
    ['removes a caption', '![x](stills/a.jpg "Old")', (t: string) => captionEdit(t, same('stills/a.jpg'), ''), '![x](stills/a.jpg)'],
    ['replaces a single-quoted title', "![x](stills/a.jpg 'Old')", (t: string) => captionEdit(t, same('stills/a.jpg'), 'She said "no"'), '![x](stills/a.jpg "She said \\"no\\"")'],
    ['writes a caption on one line', '![x](stills/a.jpg)', (t: string) => captionEdit(t, same('stills/a.jpg'), 'one\ntwo'), '![x](stills/a.jpg "one two")'],
  ])('%s', (_, figure, edit, expected) => {
    const text = review(`Before.\n\n${figure}\n\nAfter.\n`);
    expect(apply(text, edit(text))).toBe(review(`Before.\n\n${expected}\n\nAfter.\n`));
  });

  // Characters markdown gives meaning to, so the property meets them often.
  const markdownish = fc.constantFrom(...'ab \\[]()<>"\'`*_!&#;:\n\té'.split(''), 'x');

  it('reads back exactly what was typed, whatever it is', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: markdownish }), fc.string({ maxLength: 40, unit: markdownish }), (alt, caption) => {
        const text = review('![old](stills/a.jpg "old")\n\nNext paragraph.\n');
        const withAlt = apply(text, altEdit(text, same('stills/a.jpg'), alt));
        const both = apply(withAlt, captionEdit(withAlt, same('stills/a.jpg'), caption));
        const [figure, ...others] = findFigures(both);
        const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
        expect(others).toEqual([]);
        expect(figure?.src).toBe('stills/a.jpg');
        expect(figure?.alt).toBe(oneLine(alt));
        expect(figure?.caption).toBe(oneLine(caption));
        expect(both.endsWith('\n\nNext paragraph.\n')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a reference image’s caption is in its definition: the panel says so', () => {
    const text = review('![alt][shot]\n\n[shot]: stills/a.jpg "Caption"\n');
    const result = captionEdit(text, same('stills/a.jpg'), 'New');
    expect(result.ok).toBe(false);
    expect(apply(text, altEdit(text, same('stills/a.jpg'), 'New alt'))).toContain('![New alt][shot]');
  });
});

describe('credits in the front matter', () => {
  it('sets, changes and removes a credit under the path the markdown writes, touching nothing else', () => {
    const text = review('![x](stills/a.jpg)\n', 'title: "A"   # headline\nfilm:\n  title: "F"\n');
    const set = apply(text, creditTextEdit(text, 'stills/a.jpg', 'Curzon'));
    expect(set).toBe(review('![x](stills/a.jpg)\n', 'title: "A"   # headline\nfilm:\n  title: "F"\nstills:\n  stills/a.jpg:\n    credit: Curzon\n'));
    expect(creditOf(parseFrontMatter(set).data, 'stills/a.jpg')).toBe('Curzon');
    const changed = apply(set, creditTextEdit(set, 'stills/a.jpg', 'Courtesy of Curzon: UK'));
    expect(creditOf(parseFrontMatter(changed).data, 'stills/a.jpg')).toBe('Courtesy of Curzon: UK');
    const removed = apply(changed, creditTextEdit(changed, 'stills/a.jpg', ''));
    expect(parseFrontMatter(removed).data?.['stills']).toEqual({});
    expect(removed.startsWith('---\ntitle: "A"   # headline\nfilm:\n  title: "F"\n')).toBe(true);
  });

  it('removing a credit keeps the still’s other facts', () => {
    const data = { stills: { 'stills/a.jpg': { credit: 'C', timecode: '01:02:03' } } };
    expect(creditEdit(data, 'stills/a.jpg', ' ')).toEqual({ kind: 'remove', path: ['stills', 'stills/a.jpg', 'credit'] });
    expect(creditEdit({ stills: { 'stills/a.jpg': { credit: 'C' } } }, 'stills/a.jpg', '')).toEqual({ kind: 'remove', path: ['stills', 'stills/a.jpg'] });
  });

  it.each([
    ['Courtesy of {distributor}', { film: { distributors: [{ name: 'Curzon', country: 'GB' }] } }, 'Courtesy of Curzon'],
    ['Courtesy of {distributor}', { film: { distributors: ['Neon'] } }, 'Courtesy of Neon'],
    ['© {distributor}, {year}', { film: { distributors: ['Neon'], year: 2020 } }, '© Neon, 2020'],
    ['Courtesy of {distributor}', { film: { title: 'X' } }, null],
    ['Press kit', null, 'Press kit'],
    ['  ', { film: {} }, null],
    ['{unknown} stays', null, '{unknown} stays'],
  ])('default credit %j with %j is %j', (template, data, expected) => {
    expect(fillCredit(template, data as Record<string, unknown> | null)).toBe(expected);
  });
});

describe('adding and removing stills in the text', () => {
  it.each([
    ['on a blank line', 'One.\n\n|\n\nTwo.\n', 'One.\n\n![](stills/b.jpg)\n\nTwo.\n'],
    ['in the middle of a paragraph: after its line', 'One |more.\nTwo.\n', 'One more.\n\n![](stills/b.jpg)\n\nTwo.\n'],
    ['at the start of a line: before it', 'One.\n\n|Two.\n', 'One.\n\n![](stills/b.jpg)\n\nTwo.\n'],
    ['at the end of the text', 'One.|', 'One.\n\n![](stills/b.jpg)\n'],
  ])('a new figure is its own paragraph: %s', (_, body, expected) => {
    const text = review(body.replace('|', ''));
    const cursor = review(body).indexOf('|');
    const { changes } = insertStill(text, cursor, { src: 'stills/b.jpg' });
    expect(applyChanges(text, changes)).toBe(review(expected));
  });

  it('a cursor in the front matter adds the figure at the end, with its credit, in one set of changes', () => {
    const text = review('Body.\n', 'title: "A"\nfilm:\n  distributors: [Curzon]\n');
    const { changes } = insertStill(text, 5, { src: 'stills/01 a.jpg', credit: 'Courtesy of Curzon' });
    const after = applyChanges(text, changes);
    expect(after.endsWith('Body.\n\n![](<stills/01 a.jpg>)\n')).toBe(true);
    expect(creditOf(parseFrontMatter(after).data, 'stills/01 a.jpg')).toBe('Courtesy of Curzon');
    expect(findFigures(after)[0]?.src).toBe('stills/01 a.jpg');
  });

  it('removing a still takes out every figure of it and its credit', () => {
    const text = review('One.\n\n![a](stills/a.jpg "A")\n\nTwo.\n\n![again](./stills/a.jpg)\n\n![b](stills/b.jpg)\n', 'stills:\n  stills/a.jpg: {credit: X}\n');
    const sameA = (src: string) => src.replace(/^\.\//, '') === 'stills/a.jpg';
    const after = applyChanges(text, removeStill(text, sameA, ['stills/a.jpg']));
    expect(after).toBe(review('One.\n\nTwo.\n\n![b](stills/b.jpg)\n', 'stills: {}\n'));
  });
});

describe('the pipeline with image sizes', () => {
  const sanitize = createNodeSanitizer();
  const text = review('![A](stills/a.jpg "Cap")\n\n![B](stills/b.jpg)\n\n![C](stills/c%20d.jpg)\n', 'stills:\n  stills/a.jpg: {credit: Curzon}\n');

  it('gives figures width and height, and a missing file a placeholder, lazily loaded', () => {
    const { html } = renderReview(text, { sanitize, images: { 'stills/a.jpg': { width: 2000, height: 1333 }, 'stills/b.jpg': null, 'stills/c d.jpg': { width: 10, height: 20 } } });
    expect(html).toContain('<img src="stills/a.jpg" alt="A" width="2000" height="1333" loading="lazy" decoding="async">');
    expect(html).toContain('<figcaption><span class="caption">Cap</span><span class="credit">Curzon</span></figcaption>');
    expect(html).toMatch(/<figure class="still-missing"[^>]*><img src="stills\/b.jpg" alt="B" loading="lazy" decoding="async"><span class="still-placeholder">Missing still: stills\/b.jpg<\/span><\/figure>/);
    expect(html).toContain('width="10" height="20"');
  });

  it('without sizes, figures render as before', () => {
    const { html } = renderReview(text, { sanitize });
    expect(html).not.toContain('width=');
    expect(html).not.toContain('still-missing');
  });
});
