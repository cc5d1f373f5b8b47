import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { renderBody, type BodyRender } from '../../renderer/preview/incremental';
import { commonPrefix, commonSuffix, textEdit } from '../../renderer/preview/text-diff';
import { countWords } from '../../src/markdown/words';

const env = { lineOffset: 4, stills: { 'stills/a.jpg': { credit: 'Studio' } } };

/** What the page ends up showing of a rendering: identity, lines and kind of every block. */
const shown = (render: BodyRender) => render.blocks.map((b) => ({ key: b.key, lines: b.lines, span: b.span, raw: b.raw }));

// prettier-ignore
const PIECES = [
  'A paragraph of prose about the film.', 'Second line\nof a paragraph', '## A heading', 'Setext', '===', '---',
  '> A quote', '- one\n- two', '- item', '  indented continuation', '1. first', '```', '```js\nlet a;\n```', '    code',
  '![A still](stills/a.jpg "Caption")', '| a | b |', '|---|---|', '| 1 | 2 |', 'Text with <kbd>raw</kbd> HTML',
  '<details>', '</details>', '<!-- note', '-->', '***', 'https://example.org', '*em*', '', '',
];
const REFERENCE_PIECES = ['[ref]: https://example.org', 'See [ref].', 'A note[^1].', '[^1]: The note.'];

const documents = (pieces: string[]) =>
  fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 24 }).map((blocks) => blocks.join('\n\n') + '\n');

/** An edit at a position given as a fraction of the text, so it applies to any text. */
const edits = fc.array(
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.nat({ max: 12 }),
    insert: fc.constantFrom('x', ' ', '\n', '\n\n', '#', '- ', '> ', '`', '```', '|', '<div>', '=', 'word', '', ...PIECES.map((p) => `\n\n${p}\n\n`)),
  }),
  { minLength: 1, maxLength: 8 },
);

function applyEdit(text: string, edit: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(edit.at * text.length);
  return text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
}

describe('renderBody', () => {
  test('re-reading only the edited region gives exactly the whole render, whatever the edits', () => {
    fc.assert(
      fc.property(documents(PIECES), edits, (start, list) => {
        let text = start;
        let render = renderBody(null, text, env);
        for (const edit of list) {
          text = applyEdit(text, edit);
          render = renderBody(render, text, env);
          const whole = renderBody(null, text, env);
          expect(shown(render)).toEqual(shown(whole));
          expect(render.words).toBe(countWords(text));
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  test('typing in a paragraph of a long body re-reads only that part', () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} about the light and the frame.`);
    const text = paragraphs.join('\n\n') + '\n';
    const first = renderBody(null, text, env);
    const at = text.indexOf('Paragraph 100') + 'Paragraph 100'.length;
    const typed = renderBody(first, `${text.slice(0, at)} typed${text.slice(at)}`, env);
    // Untouched blocks are the very same objects: nothing was re-rendered for them.
    expect(typed.blocks[10]).toBe(first.blocks[10]);
    expect(typed.blocks[190]).toBe(first.blocks[190]);
    expect(typed.blocks[100]!.html).toContain('Paragraph 100 typed');
    expect(typed.words).toBe(first.words + 1);

    const enter = renderBody(typed, `${text.slice(0, at)}\n\nNew${text.slice(at)}`, env);
    expect(enter.blocks).toHaveLength(201);
    expect(enter.blocks[150]!.lines).toEqual([first.blocks[149]!.lines![0] + 2, first.blocks[149]!.lines![1] + 2]);
    expect(enter.blocks[150]!.key).toBe(first.blocks[149]!.key);
  });

  test('reference links and footnotes make every render whole, and stay correct', () => {
    fc.assert(
      fc.property(documents([...PIECES, ...REFERENCE_PIECES]), edits, (start, list) => {
        let text = start;
        let render = renderBody(null, text, env);
        for (const edit of list) {
          text = applyEdit(text, edit);
          render = renderBody(render, text, env);
          expect(shown(render)).toEqual(shown(renderBody(null, text, env)));
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  test('new credits for the stills re-render the figures', () => {
    const text = '![A still](stills/a.jpg "Caption")\n';
    const first = renderBody(null, text, env);
    const next = renderBody(first, text, { ...env, stills: { 'stills/a.jpg': { credit: 'Other' } } });
    expect(next.blocks[0]!.html).toContain('Other');
  });
});

describe('common prefix and suffix', () => {
  test('textEdit turns one text into the other with one replacement', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const { from, to, insert } = textEdit(before, after);
        expect(before.slice(0, from) + insert + before.slice(to)).toBe(after);
      }),
    );
    expect(textEdit('the film', 'the long film')).toEqual({ from: 4, to: 4, insert: 'long ' });
  });

  test.each([
    ['', '', 0, 0],
    ['abc', 'abc', 3, 0],
    ['abcdef', 'abXdef', 2, 3],
    ['a'.repeat(10_000) + 'b', 'a'.repeat(10_000) + 'c', 10_000, 0],
    ['x' + 'a'.repeat(5000), 'y' + 'a'.repeat(5000), 0, 5000],
  ])('%#', (a, b, prefix, suffix) => {
    const p = commonPrefix(a, b);
    expect(p).toBe(prefix);
    expect(commonSuffix(a, b, Math.min(a.length, b.length) - p)).toBe(suffix);
  });
});
