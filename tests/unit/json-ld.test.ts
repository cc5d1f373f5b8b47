import { describe, expect, test } from 'vitest';
import { parseFrontMatter } from '../../src/review/front-matter';
import { jsonLdScriptText, reviewJsonLd } from '../../src/review/json-ld';
import { nosferatu } from '../../src/node/sample-library/nosferatu';

describe('reviewJsonLd', () => {
  test('the sample review of Nosferatu as schema.org Review of a Movie', () => {
    const { data } = parseFrontMatter(nosferatu.markdown);
    const jsonld = reviewJsonLd(data, { author: { name: 'Jane Q. Critic', url: 'https://example.org/about' }, url: 'https://example.org/nosferatu' });
    expect(jsonld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Review',
      name: 'The shadow goes up the stairs first',
      headline: 'The shadow goes up the stairs first',
      description: "A century on, Murnau's unlicensed Dracula is still the purest nightmare the cinema has made.",
      datePublished: '2024-10-31',
      keywords: ['silent film', 'German Expressionism', 'horror', 'public domain'],
      url: 'https://example.org/nosferatu',
      author: { '@type': 'Person', name: 'Jane Q. Critic', url: 'https://example.org/about' },
      reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 0 },
      itemReviewed: {
        '@type': 'Movie',
        name: 'Nosferatu',
        alternateName: 'Nosferatu – Eine Symphonie des Grauens',
        datePublished: '1922',
        duration: 'PT94M',
        countryOfOrigin: { '@type': 'Country', name: 'DE' },
        inLanguage: 'de',
        director: { '@type': 'Person', name: 'F. W. Murnau' },
        author: { '@type': 'Person', name: 'Henrik Galeen' },
        actor: expect.arrayContaining([
          { '@type': 'PerformanceRole', actor: { '@type': 'Person', name: 'Max Schreck' }, characterName: 'Count Orlok' },
          { '@type': 'PerformanceRole', actor: { '@type': 'Person', name: 'Greta Schröder' }, characterName: 'Ellen Hutter' },
        ]),
        sameAs: [
          'https://www.imdb.com/title/tt0013442/',
          'https://www.themoviedb.org/movie/653',
          'https://letterboxd.com/film/nosferatu/',
        ],
      },
    });
    expect((jsonld['itemReviewed'] as { actor: unknown[] }).actor).toHaveLength(6);
  });

  test('several directors are a list; people with ids link to them; an actor without a character is a Person', () => {
    const jsonld = reviewJsonLd({
      film: {
        title: 'Dear Comrades!',
        directors: [{ name: 'Andrei Konchalovsky', ids: { imdb: 'nm0465518', tmdb: 70, wikidata: 'Q55212' } }, 'Someone Else'],
        composers: ['Eduard Artemyev'],
        producers: [{ name: 'Alisher Usmanov' }],
        genres: ['Drama', 'History'],
        cast: [{ name: 'Yuliya Vysotskaya' }, { name: 'Yuliya Burova', character: 'Svetka' }],
        ids: { tmdb: 587609, imdb: 'tt10796286', wikidata: 'Q96370717', letterboxd: 'dear-comrades' },
      },
    });
    expect(jsonld['itemReviewed']).toEqual({
      '@type': 'Movie',
      name: 'Dear Comrades!',
      genre: ['Drama', 'History'],
      director: [
        {
          '@type': 'Person',
          name: 'Andrei Konchalovsky',
          sameAs: ['https://www.imdb.com/name/nm0465518/', 'https://www.themoviedb.org/person/70', 'https://www.wikidata.org/wiki/Q55212'],
        },
        { '@type': 'Person', name: 'Someone Else' },
      ],
      musicBy: { '@type': 'Person', name: 'Eduard Artemyev' },
      producer: { '@type': 'Person', name: 'Alisher Usmanov' },
      actor: [
        { '@type': 'Person', name: 'Yuliya Vysotskaya' },
        { '@type': 'PerformanceRole', actor: { '@type': 'Person', name: 'Yuliya Burova' }, characterName: 'Svetka' },
      ],
      sameAs: [
        'https://www.imdb.com/title/tt10796286/',
        'https://www.themoviedb.org/movie/587609',
        'https://www.wikidata.org/wiki/Q96370717',
        'https://letterboxd.com/film/dear-comrades/',
      ],
    });
  });

  test.each<[string, Record<string, unknown>, unknown]>([
    ['a rating on a scale of 10', { rating: 7.5, rating_scale: 10 }, { '@type': 'Rating', ratingValue: 7.5, bestRating: 10, worstRating: 0 }],
    ['no rating', {}, undefined],
    ['a rating above its scale', { rating: 6 }, undefined],
    ['a rating in words', { rating: 'four' }, undefined],
  ])('reviewRating: %s', (_name, data, rating) => {
    expect(reviewJsonLd(data)['reviewRating']).toEqual(rating);
  });

  test('wrong types and hostile ids are left out, never turned into links', () => {
    const jsonld = reviewJsonLd({
      title: ['not', 'text'],
      date: 'yesterday',
      film: {
        title: 'X',
        year: '1922',
        runtime: -3,
        ids: { imdb: 'tt1/../../evil', tmdb: '653', letterboxd: 'javascript:alert(1)', wikidata: 'Q1"><script>' },
        cast: ['not a record', { character: 'no name' }],
        directors: [12, { ids: {} }],
      },
    });
    expect(jsonld).toEqual({ '@context': 'https://schema.org', '@type': 'Review', itemReviewed: { '@type': 'Movie', name: 'X' } });
  });

  test('no front matter still gives a valid Review', () => {
    expect(reviewJsonLd(null)).toEqual({ '@context': 'https://schema.org', '@type': 'Review', itemReviewed: { '@type': 'Movie' } });
  });
});

describe('jsonLdScriptText', () => {
  test('cannot close its script element, and reads back as the same data', () => {
    const value = reviewJsonLd({ title: 'Fade out </script><script>alert(1)</script> & in' });
    const text = jsonLdScriptText(value);
    expect(text).not.toMatch(/<|>|&/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
