import { describe, expect, it } from 'vitest';
import { SearchIndex, type IndexedFields } from '../../src/library/search-index';
import { searchFields } from '../../src/library/search-fields';
import { bodySnippet, foldTerm, makeSnippet, parseQuery, plainText } from '../../src/library/search-text';

function fields(partial: Partial<IndexedFields>): IndexedFields {
  return { headline: '', film: '', tags: '', summary: '', body: '', ...partial };
}

function library(): SearchIndex {
  const index = new SearchIndex();
  index.add('dear-comrades/index.md', fields({
    headline: 'The party line, in black and white',
    film: 'Dear Comrades! Andrey Konchalovsky Yuliya Vysotskaya Lyudmila',
    tags: 'Soviet history',
    body: 'Konchalovsky films the Novocherkassk massacre with icy precision. The camera never flinches.',
  }));
  index.add('nosferatu/index.md', fields({
    headline: 'A shadow on the stairs',
    film: 'Nosferatu F. W. Murnau Max Schreck',
    body: 'Murnau’s shadows climb the stairs. The camera waits; the vampire comes.',
  }));
  index.add('amelie.md', fields({ headline: 'Le fabuleux destin', film: 'Amélie Jean-Pierre Jeunet', body: 'Paris in saturated colour.' }));
  return index;
}

describe('search text', () => {
  it.each([
    ['Amélie', 'amelie'],
    ['ÉCRAN', 'ecran'],
    ['Murnau’s', 'murnaus'],
    ["don't", 'dont'],
    ['Дорогие', 'дорогие'],
  ])('folds %s to %s', (word, folded) => {
    expect(foldTerm(word)).toBe(folded);
  });

  it.each([
    ['black and white', [{ term: 'black', prefix: false }, { term: 'white', prefix: true }]],
    ['noir ', [{ term: 'noir', prefix: false }]],
    ['the', [{ term: 'the', prefix: true }]],
    ['the third man ', [{ term: 'third', prefix: false }, { term: 'man', prefix: false }]],
    ['Noir noir', [{ term: 'noir', prefix: true }]],
  ])('reads the query %j as %j', (query, terms) => {
    expect(parseQuery(query)).toEqual(terms);
  });

  it('reduces markdown to what a reader sees', () => {
    expect(plainText('## A *bold* [link](https://x.example/y) and ![alt text](stills/a.jpg "caption") <b>tag</b>')).toBe(
      'A bold link and alt text caption tag',
    );
  });

  it('cuts a snippet around the first match and marks every match in it', () => {
    const text = `${'Words before. '.repeat(20)}The camera waits while the vampire climbs; the camera never moves. ${'After. '.repeat(30)}`;
    const snippet = makeSnippet(text, (t) => t === 'camera')!;
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.ranges).toHaveLength(2);
    for (const [start, end] of snippet.ranges) expect(snippet.text.slice(start, end)).toBe('camera');
    expect(makeSnippet(text, (t) => t === 'absent')).toBeNull();
  });

  it('finds a snippet deep in a long body, as plain text, not in a link target', () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `Paragraph ${i} with [a link](https://example.org/camera) and words.`);
    paragraphs[45] = 'Here the **camera** finally moves.';
    const snippet = bodySnippet(paragraphs.join('\n\n'), (t) => t === 'camera')!;
    expect(snippet.text).toContain('Here the camera finally moves.');
    expect(snippet.ranges.map(([a, b]) => snippet.text.slice(a, b))).toEqual(['camera']);
  });

  it('takes headline, film facts (not ids), tags and summary from the front matter, body as plain text', () => {
    const source = '---\ntitle: Zone\ntags: [slow cinema]\nsummary: Three men walk.\nfilm:\n  title: Stalker\n  directors: [{name: Andrei Tarkovsky}]\n  ids: {imdb: tt0079944}\n---\nThe *Zone* [waits](https://example.org).\n';
    expect(searchFields(source)).toEqual({
      headline: 'Zone',
      film: 'Stalker Andrei Tarkovsky',
      tags: 'slow cinema',
      summary: 'Three men walk.',
      body: 'The Zone waits.',
    });
  });
});

describe('SearchIndex', () => {
  it.each([
    ['konchalovsky', ['dear-comrades/index.md']],
    ['camera', ['dear-comrades/index.md', 'nosferatu/index.md']],
    ['camera vampire', ['nosferatu/index.md']],
    ['amelie', ['amelie.md']],
    ['Amélie', ['amelie.md']],
    ['novocherk', ['dear-comrades/index.md']],
    ['konchalovksy', ['dear-comrades/index.md']],
    ['soviet history', ['dear-comrades/index.md']],
    ['camera colour', []],
    ['', []],
  ])('finds %j in %j', (query, paths) => {
    expect([...library().search(query).paths].sort()).toEqual([...paths].sort());
  });

  it('ranks a word in the headline or film above the same word in a body', () => {
    const index = new SearchIndex();
    index.add('body.md', fields({ body: 'A long take of a shadow. '.repeat(3) }));
    index.add('headline.md', fields({ headline: 'Shadow play', body: 'Something else entirely, at some length.' }));
    expect(index.search('shadow').paths).toEqual(['headline.md', 'body.md']);
  });

  it('re-indexes a changed review and forgets a removed one', () => {
    const index = library();
    index.add('nosferatu/index.md', fields({ headline: 'Count Orlok', body: 'No camera here.' }));
    expect(index.search('vampire').paths).toEqual([]);
    expect(index.search('orlok').paths).toEqual(['nosferatu/index.md']);
    index.remove('nosferatu/index.md');
    expect(index.search('orlok').paths).toEqual([]);
    expect(index.size).toBe(2);
    index.add('new.md', fields({ body: 'Orlok returns' }));
    expect(index.search('orlok').paths).toEqual(['new.md']);
  });

  it('follows a rename without re-reading', () => {
    const index = library();
    index.rename('amelie.md', 'films/amelie.md');
    expect(index.search('jeunet').paths).toEqual(['films/amelie.md']);
  });

  it('tells which vocabulary words a query matched, for the snippets', () => {
    expect(library().search('novocherk').matchedTerms).toEqual(['novocherkassk']);
    expect(library().matchingWords('konchalovksy')).toEqual(['konchalovsky']);
  });
});
