import { describe, expect, test } from 'vitest';
import { countWords, readingMinutes } from '../../src/markdown/words';

describe('countWords', () => {
  test.each([
    ['nothing', '', 0],
    ['plain prose', 'This stunningly good film is icy.', 6],
    ['markdown syntax is not words', '# Act *two*\n\n> **Bold** and ~~struck~~\n\n- one\n- [ ] two\n', 7],
    ['hyphens and apostrophes join', "A well-made film; Konchalovsky's best, don’t miss it", 8],
    ['numbers with points and colons', 'Rated 4.5, in 1.37:1, 121 minutes', 6],
    ['a link counts its text, not its URL', 'See [the trailer](https://example.org/a-very-long-url "Trailer") now', 4],
    ['a bare URL is not words', 'More at https://example.org/reviews/dear-comrades and <https://x.org>', 3],
    ['an inline image counts nothing', 'Before ![Workers march with a portrait](stills/01.jpg) after', 2],
    ['a figure counts its caption, not its alt or path', '![Workers march](stills/01-a.jpg "The workers march")', 3],
    ['HTML tags are not words', '<p class="lede">Two <em>words</em></p>\n\nand <span title="x y z">three</span>', 4],
    ['a code fence counts its code, not its info string', '```javascript title="long info"\nlet answer\n```', 2],
    ['footnote markers are not words', 'A claim.[^note]\n\n[^note]: The source.', 4],
    ['Cyrillic', 'Дорогие товарищи! — фильм Кончаловского', 4],
    ['Greek and accents', 'Καλή ταινία, très émouvant', 4],
    ['Chinese: one word a character', '好电影', 3],
    ['Japanese mixed with Latin', '東京物語 by Ozu', 6],
    ['a table', '| Film | Year |\n|---|---|\n| Nosferatu | 1922 |', 4],
  ])('%s', (_name, body, words) => {
    expect(countWords(body)).toBe(words);
  });
});

describe('readingMinutes', () => {
  test.each([
    [0, undefined, 0],
    [1, undefined, 1],
    [238, undefined, 1],
    [239, undefined, 2],
    [1000, undefined, 5],
    [1000, 200, 5],
    [1001, 200, 6],
  ])('%i words at %s wpm read in %i min', (words, wpm, minutes) => {
    expect(readingMinutes(words, wpm)).toBe(minutes);
  });
});
