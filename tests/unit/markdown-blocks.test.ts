import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { leavesOpen, renderBlocks } from '../../src/markdown/blocks';
import { markdown } from '../../src/markdown/markdown';
import { renderReview } from '../../src/markdown/pipeline';
import { parseFrontMatter } from '../../src/review/front-matter';
import { reviewMeta } from '../../src/review/review-meta';
import { createNodeSanitizer } from '../../src/node/sanitizer';
import { fixtureLibrary } from '../helpers/temp';

const sanitize = createNodeSanitizer();
const blocksOf = (body: string) => renderBlocks(body, {});

const review = readFileSync(join(fixtureLibrary, 'dear-comrades-2020', 'index.md'), 'utf8');

// Markdown pieces without raw HTML, strung together by the property tests.
// prettier-ignore
const MARKDOWN_PIECES = [
  'A paragraph of prose.', 'Two\nlines', '## A heading', 'Setext\n===', '> a quote\n> more', '- one\n- two',
  '1. first\n2. second', '- [ ] task', '```js\nlet a = 1;\n```', '    indented code', '***',
  '![A still](stills/a.jpg "The caption")', 'Text with ![inline](b.png) image', '| a | b |\n|---|--:|\n| 1 | 2 |',
  'A note[^1].', '[^1]: The note.', '*em* and **strong** and `code`', 'https://example.org', '[link][ref]',
  '[ref]: https://example.org', '', '\n',
];

describe('renderBlocks', () => {
  test.each([
    ['the fixture review', parseFrontMatter(review).block.body],
    ['footnotes', 'One[^a] and two[^b].\n\n[^a]: A.\n[^b]: B.\n\nAfter.'],
    ['raw HTML that spans blocks', '<details>\n<summary>Spoiler</summary>\n\nIt ends *badly*.\n\n</details>\n\nAfter.'],
    ['an unclosed comment', 'Before.\n\n<!-- a\n\nstill inside\n\nAfter.'],
    ['a table and code', '| a |\n|---|\n| b |\n\n```\ncode\n```\n'],
  ])('joined, the blocks are exactly the whole render: %s', (_name, body) => {
    const env = { lineOffset: 7 };
    expect(renderBlocks(body, env).map((b) => b.html).join('')).toBe(markdown.render(body, { lineOffset: 7 }));
  });

  test('each markdown block carries its own source lines', () => {
    const blocks = renderBlocks('# Title\n\nOne\ntwo\n\n```\ncode\n```\n\n---\n', { lineOffset: 3 });
    expect(blocks.map((b) => [b.lines, b.raw])).toEqual([
      [[3, 4], false],
      [[5, 7], false],
      [[8, 11], false],
      [[12, 13], false],
    ]);
    expect(blocks[2]!.html).toMatch(/^<pre data-line="8" data-line-end="11">/);
  });

  test('raw HTML that leaves an element open takes the blocks up to where it closes', () => {
    const blocks = blocksOf('Before.\n\n<details>\n<summary>Spoiler</summary>\n\nIt ends *badly*.\n\n</details>\n\nAfter.');
    expect(blocks.map((b) => b.raw)).toEqual([false, true, false]);
    expect(blocks[1]!.html).toContain('<details>');
    expect(blocks[1]!.html).toContain('</details>');
    expect(blocks[1]!.lines).toBeNull();
  });

  test('balanced raw HTML stays a block of its own', () => {
    const blocks = blocksOf('<div class="note">A note</div>\n\nA *paragraph* with <kbd>Ctrl</kbd>.\n\nAfter.');
    expect(blocks.map((b) => b.raw)).toEqual([true, true, false]);
  });

  test('the footnotes section is one block, without lines', () => {
    const blocks = blocksOf('One[^a].\n\n[^a]: A.\n\nTwo.');
    expect(blocks).toHaveLength(3);
    expect(blocks[2]).toMatchObject({ lines: null, raw: false });
    expect(blocks[2]!.html).toContain('class="footnotes"');
  });

  test('markdown sanitised block by block is what sanitising the whole gives', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MARKDOWN_PIECES), { maxLength: 12 }), (pieces) => {
        const body = pieces.join('\n\n');
        const byBlock = blocksOf(body).map((b) => sanitize(b.html)).join('');
        expect(byBlock).toBe(sanitize(markdown.render(body, {})));
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  test('the CLI pipeline is the blocks, sanitised and joined', () => {
    expect(review).toContain('{credit: Curzon}');
    const { html } = renderReview(review, { sanitize });
    const { block, data } = parseFrontMatter(review);
    const env = { lineOffset: block.bodyStartLine, stills: reviewMeta(data).stills };
    expect(html).toBe(renderBlocks(block.body, env).map((b) => sanitize(b.html)).join(''));
  });
});

describe('leavesOpen', () => {
  test.each([
    ['<p>closed</p>\n', false],
    ['<details>\n<summary>S</summary>\n', true],
    ['</details>\n', false],
    ['<br><img src="a.jpg"><hr/>', false],
    ['<div title="a > b">x</div>', false],
    ['<div title=\'<span>\'>x</div>', false],
    ['<!-- a comment -->', false],
    ['<!-- never closed', true],
    ['<!---->', false],
    ['<p>a <b>bold</p>', true],
    ['<ul><li>one<li>two</ul>', false],
    ['<script>', true],
  ])('%j → %s', (html, open) => {
    expect(leavesOpen(html)).toBe(open);
  });
});
