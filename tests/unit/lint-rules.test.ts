import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintReview } from '../../src/lint/lint-review';
import { ruleIds, type LintSettings } from '../../src/lint/settings';
import { battleshipPotemkin } from '../../src/node/sample-library/battleship-potemkin';
import { nosferatu } from '../../src/node/sample-library/nosferatu';
import { stillRules } from '../../src/stills/checks';

const frontMatter = (extra = '') => `---
title: "A test review"
spoilers: true
names: [Greta Schröder, DiCaprio, Khrushchev, Novocherkassk]${extra}
film:
  title: "Dear Comrades!"
  original_title: "Дорогие товарищи!"
  directors: [Andrey Konchalovsky]
  writers: [Elena Kiseleva]
  cast:
    - {name: Yuliya Vysotskaya, character: Lyudmila Syomina}
    - {name: Yuliya Burova, character: Svetka}
    - {name: Aleksandr Antonov, character: Grigory Vakulinchuk}
    - {name: Max Schreck, character: Count Orlok}
    - {name: Beatrice Vitoldi, character: Woman with the baby carriage}
---

`;

const review = (body: string, extra = '') => frontMatter(extra) + body;
const found = (body: string, settings: Partial<LintSettings> = {}, extra = '') =>
  lintReview(review(body, extra), { settings }).map((r) => ({ rule: r.rule, text: r.text, suggestions: r.suggestions }));

describe('writing checks: true positives', () => {
  it.each([
    ['a character one sound and one letter off', 'Zetka runs to the square.', 'Zetka', ['Svetka']],
    ['a surname missing a letter', 'Yuliya Vysotskya is superb.', 'Vysotskya', ['Vysotskaya']],
    ['two letters swapped', 'Svekta runs to the square.', 'Svekta', ['Svetka']],
    ['diacritics dropped', 'Greta Schroder plays Ellen.', 'Schroder', ['Schröder']],
    ['diacritics written out', 'Greta Schroeder plays Ellen.', 'Schroeder', ['Schröder']],
    ['y for i', 'Yulia Burova has few scenes.', 'Yulia', ['Yuliya']],
    ['-ski for -sky', 'Konchalovski waits.', 'Konchalovski', ['Konchalovsky']],
    ['-skiy for -sky', 'Konchalovskiy waits.', 'Konchalovskiy', ['Konchalovsky']],
    ['x for ks', 'Alexandr Antonov plays him.', 'Alexandr', ['Aleksandr']],
    ['a possessive keeps its ending', 'It is Konchalovski’s best film.', 'Konchalovski', ['Konchalovsky']],
    ['a doubled letter', 'Count Orllok rises.', 'Orllok', ['Orlok']],
    ['ck for k', 'Count Orlock rises.', 'Orlock', ['Orlok']],
    ['a name from the names list', 'Khrushchov speaks on the radio.', 'Khrushchov', ['Khrushchev']],
    ['in a caption', '![A square](stills/a.jpg "Svetka in the Novocherkask square")', 'Novocherkask', ['Novocherkassk']],
    ['in a heading', '## Vakulinchukh is dead', 'Vakulinchukh', ['Vakulinchuk']],
    ['in a link’s text', 'See [Kiselova’s notes](https://example.org).', 'Kiselova', ['Kiseleva']],
    ['in emphasis', 'She is *Svetla*, not Svetka.', 'Svetla', ['Svetka']],
  ])('name near-miss: %s', (_case, body, text, suggestions) => {
    expect(found(body)).toEqual([{ rule: 'name-near-miss', text, suggestions }]);
  });

  it('name near-miss: a name split in two', () => {
    expect(found('Di Caprio is not in this film.')).toEqual([{ rule: 'name-near-miss', text: 'Di Caprio', suggestions: ['DiCaprio'] }]);
  });

  it('inconsistent spellings of a name the metadata does not know: the commoner one is suggested', () => {
    const body = 'Dostoevsky looms. Later Dostoyevsky looms again, and Dostoevsky once more.';
    expect(found(body)).toEqual([{ rule: 'name-inconsistent', text: 'Dostoyevsky', suggestions: ['Dostoevsky'] }]);
    expect(found('Tarkovsky and then Tarkovski.')).toEqual([{ rule: 'name-inconsistent', text: 'Tarkovski', suggestions: ['Tarkovsky'] }]);
    expect(found('Solzhenitsyn, then Solzhenitzyn.')).toEqual([{ rule: 'name-inconsistent', text: 'Solzhenitzyn', suggestions: ['Solzhenitsyn'] }]);
  });

  it.each([
    ['plain', 'I saw Dear Comrades! twice.', 'Dear Comrades!', ['*Dear Comrades!*']],
    ['in quotes', 'I saw “Dear Comrades!” twice.', '“Dear Comrades!”', ['*Dear Comrades!*']],
    ['the original title', 'Its Russian title is Дорогие товарищи! and means the same.', 'Дорогие товарищи!', ['*Дорогие товарищи!*']],
    ['bold only: flagged, no safe fix', 'I saw **Dear Comrades!** twice.', 'Dear Comrades!', ['*Dear Comrades!*']],
  ])('title style (italics): %s', (_case, body, text, suggestions) => {
    expect(found(body)).toEqual([{ rule: 'title-style', text, suggestions }]);
  });

  it('title style (quotes): italics and plain titles get quotes', () => {
    expect(found('I saw *Dear Comrades!* twice.', { titleStyle: 'quotes' })).toEqual([
      { rule: 'title-style', text: '*Dear Comrades!*', suggestions: ['“Dear Comrades!”'] },
    ]);
    expect(found('I saw Dear Comrades! twice.', { titleStyle: 'quotes' })).toEqual([
      { rule: 'title-style', text: 'Dear Comrades!', suggestions: ['“Dear Comrades!”'] },
    ]);
    expect(found('I saw “Dear Comrades!” twice.', { titleStyle: 'quotes' })).toEqual([]);
  });

  it.each([
    ['the the', 'It is the the best.', 'the the', ['the']],
    ['at a sentence start', 'The the film is long.', 'The the', ['The']],
    ['across a line break', 'It is the\nthe best.', 'the\nthe', ['the']],
    ['in a caption', '![A square](stills/a.jpg "A a square at dawn")', 'A a', ['A']],
  ])('repeated word: %s', (_case, body, text, suggestions) => {
    expect(found(body)).toEqual([{ rule: 'repeated-word', text, suggestions }]);
  });

  it('long sentences, at the configured limit', () => {
    const sentence = 'One two three four five six seven eight nine ten eleven twelve thirteen.';
    expect(found(`${sentence} Short one.`, { maxSentenceWords: 12 })).toEqual([{ rule: 'long-sentence', text: sentence, suggestions: [] }]);
    expect(found(`${sentence} Short one.`, { maxSentenceWords: 13 })).toEqual([]);
    // Initials and abbreviations do not end a sentence.
    expect(found('F. W. Murnau and Mr. Schreck made one two three four five six.', { maxSentenceWords: 10 })).toHaveLength(1);
  });

  it('stills without alt text or caption (the Stills panel’s checks, run here)', () => {
    expect(found('![](stills/a.jpg "The square at dawn")').map((f) => f.rule)).toEqual([stillRules.altMissing]);
    expect(found('![The square at dawn, empty](stills/a.jpg)').map((f) => f.rule)).toEqual([stillRules.captionMissing]);
    expect(found('![](stills/a.jpg)').map((f) => [f.rule, f.text])).toEqual([
      [stillRules.altMissing, '![](stills/a.jpg)'],
      [stillRules.captionMissing, '![](stills/a.jpg)'],
    ]);
  });

  it('spoilers marked in a review that says spoilers: false: the fix sets it true', () => {
    const text = review('The end: ||Svetka lives||.').replace('spoilers: true', 'spoilers: false');
    const results = lintReview(text);
    expect(results.map((r) => ({ rule: r.rule, text: r.text, suggestions: r.suggestions, line: r.line }))).toEqual([
      { rule: 'spoiler-flag', text: 'false', suggestions: ['true'], line: 3 },
    ]);
    expect(lintReview(text.replace('||Svetka lives||', 'Svetka lives'))).toEqual([]);
  });

  it('turned-off checks report nothing', () => {
    expect(found('Zetka saw the the square.', { disabledRules: ['name-near-miss', 'repeated-word'] })).toEqual([]);
    expect(found('I saw Dear Comrades! twice.', { titleStyle: 'off' })).toEqual([]);
  });
});

describe('writing checks: what they must not flag', () => {
  it.each([
    ['names written right, with possessives and plurals', 'Svetka’s father waits. The Vysotskaya close-ups. Two Svetkas. Greta Schröder’s Ellen.'],
    ['a phrase that is not the title', 'Dear comrades, she says. Dear Comrades, he says.'],
    ['ordinary words beside names', 'Knock, knock. Hunter, butter, gutter and hotter things. Sweet tea. Count the votes; the Count waits.'],
    ['ordinary words in a character’s description', 'A woman with a baby carriage. Women with carriages. Babies.'],
    ['a word also written in lower case in the review', 'Svelte is the word. She is svelte.'],
    ['code, addresses and raw HTML', 'Type `Zetka` here, see https://example.org/Zetka and [a link](https://example.org/Zetka) or <span title="Zetka">it</span>.'],
    ['the title in italics, in a longer italic title, in alt text', '*Dear Comrades!* again. *The making of Dear Comrades!* too.\n\n![Dear Comrades! poster](stills/a.jpg "The poster of *Dear Comrades!*")'],
    ['intended doubles and names that double', 'He had had enough. I knew that that was it. Duran Duran sang. Bye bye.'],
    ['a name and its adjective', 'Konchalovsky’s most Konchalovskian scene. Eisenstein and the Eisensteinian cut.'],
    ['short words and initials', 'F. W. Murnau and Max. Al and Val. Dr. Mabuse.'],
    ['different people with close names', 'Marion and Marian. Hansen and Jansen. Anderson and Andersen.'],
    ['other scripts', 'Людмила и Светка. Дорогие товарищи, сказала она.'],
    ['sentence-start capitals', 'Zero hour. Setback after setback. Sweat and sweet. Hotter days.'],
  ])('%s', (_case, body) => {
    expect(found(body)).toEqual([]);
  });

  it('an ordinary word with an English ending, where English capitalises it, is not a slip of a name', () => {
    const cast = `---\nfilm:\n  cast:\n    - {name: Charlotte Rampling, character: Madeleine}\n---\n\n`;
    const results = (body: string) => lintReview(cast + body).map((r) => [r.text, r.suggestions]);
    expect(results('Rambling is what the film avoids.\n\n## The Rambling Years')).toEqual([]);
    // Mid-sentence the same word is a slip, and a variant of the name is one anywhere.
    expect(results('Then Rambling plays her. Rämpling arrives.')).toEqual([
      ['Rambling', ['Rampling']],
      ['Rämpling', ['Rampling']],
    ]);
  });

  it('a one-word title that is an ordinary word is only checked mid-sentence', () => {
    const heat = `---\nfilm:\n  title: "Heat"\n---\n\n`;
    const results = (body: string) => lintReview(heat + body).map((r) => r.text);
    expect(results('Heat rises off the road. The heat of the chase.\n\n## Heat and light')).toEqual([]);
    expect(results('I saw Heat again.')).toEqual(['Heat']);
    // A possessive keeps its ending outside the italics.
    expect(lintReview(`${heat}Mann’s Heat’s ending.`).map((r) => [r.text, r.suggestions])).toEqual([['Heat', ['*Heat*']]]);
  });
});

describe('writing checks: the false-positive corpus', () => {
  const dir = join(__dirname, '..', 'fixtures', 'lint', 'clean');
  const corpus: Array<[string, string]> = [
    ...readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .map((name): [string, string] => [name, readFileSync(join(dir, name), 'utf8')]),
    ['sample: Nosferatu', nosferatu.markdown],
    ['sample: Battleship Potemkin', battleshipPotemkin.markdown],
  ];

  it('holds several reviews', () => expect(corpus.length).toBeGreaterThanOrEqual(5));

  it.each(corpus)('reports nothing on %s', (_name, text) => {
    expect(lintReview(text)).toEqual([]);
  });
});

describe('lintReview', () => {
  it('gives positions in the text as given, CRLF line breaks included, and each result’s text is that slice', () => {
    const lf = review('Para one.\n\nZetka and the the end.\n');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = lintReview(lf);
    const b = lintReview(crlf);
    expect(b.map((r) => [r.rule, r.line, r.column, r.text])).toEqual(a.map((r) => [r.rule, r.line, r.column, r.text]));
    for (const r of b) {
      expect(crlf.slice(r.from, r.to)).toBe(r.text);
      expect(crlf.split('\r\n')[r.line - 1]!.slice(r.column - 1)).toMatch(new RegExp(`^${r.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
  });

  it('reads a review without front matter, and one whose front matter does not parse', () => {
    expect(lintReview('It is the the end.').map((r) => r.rule)).toEqual(['repeated-word']);
    expect(lintReview('---\ntitle: [unclosed\n---\n\nIt is the the end.').map((r) => r.rule)).toEqual(['repeated-word']);
  });

  it('knows the stills checks by the ids they report', () => {
    for (const id of Object.values(stillRules)) expect(ruleIds).toContain(id);
  });
});
