import { parse } from '@wordpress/block-serialization-default-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportReview } from '../../src/export/export-review';
import { runExport } from '../../src/node/export-runner';
import { createNodeSanitizer } from '../../src/node/sanitizer';
import { exportFixture, reviewPath, type ExportFixture } from '../helpers/export-fixture';

type ParsedBlock = ReturnType<typeof parse>[number];

/** WordPress's own parser over our markup: every chunk must be a named block (whitespace aside). */
function blocksOf(markup: string): ParsedBlock[] {
  const blocks = parse(markup);
  const freeform = blocks.filter((block) => block.blockName === null && (block.innerHTML ?? '').trim() !== '');
  expect(freeform, 'content outside any block (a "Classic" chunk in the editor)').toEqual([]);
  return blocks.filter((block) => block.blockName !== null);
}

function exportText(source: string): string {
  return exportReview('wordpress-blocks', { source, reviewPath: 'r/index.md', sanitize: createNodeSanitizer(), now: new Date() }).files[0]!.content;
}

let fixture: ExportFixture;
beforeAll(async () => {
  fixture = await exportFixture();
});
afterAll(() => fixture.cleanup());

describe('wordpress-blocks, read by WordPress’s block parser', () => {
  it('turns the every-construct review into named core blocks, in order', async () => {
    const result = await runExport({ target: 'wordpress-blocks', root: fixture.root, reviewPath });
    const blocks = blocksOf(result.files[0]!.content);
    expect(blocks.map((b) => b.blockName)).toEqual([
      'core/paragraph',
      'core/image',
      'core/heading',
      'core/paragraph',
      'core/list',
      'core/list',
      'core/list',
      'core/quote',
      'core/heading',
      'core/table',
      'core/image',
      'core/image',
      'core/code',
      'core/separator',
      'core/paragraph',
      'core/html',
      // The hostile paragraphs, made harmless; the script, iframe and svg blocks leave nothing.
      'core/paragraph',
      'core/paragraph',
      'core/paragraph',
      'core/paragraph',
      'core/paragraph',
      'core/separator',
      'core/list',
    ]);
    expect(blocks.every((b) => b.innerBlocks.length === 0)).toBe(true);
  });

  it('gives each image block its caption and credit in a wp-element-caption', async () => {
    const result = await runExport({ target: 'wordpress-blocks', root: fixture.root, reviewPath });
    const images = blocksOf(result.files[0]!.content).filter((b) => b.blockName === 'core/image');
    expect(images.map((b) => /<figcaption class="wp-element-caption">(.*?)<\/figcaption>/.exec(b.innerHTML)?.[1] ?? null)).toEqual([
      'The Moon takes the rocket in the eye, <em>in colour</em> — Star Film',
      'Night over the platform — Lobster Films',
      null,
    ]);
    for (const image of images) {
      expect(image.attrs).toEqual({});
      expect(image.innerHTML.trim()).toMatch(/^<figure class="wp-block-image"><img src="[^"]+" alt="[^"]+"\/>/);
    }
  });

  it.each([
    ['heading levels', '# One\n\n## Two\n\n#### Four\n', [{ level: 1 }, {}, { level: 4 }]],
    ['list kinds', '- a\n- b\n\n1. one\n\nThen:\n\n7. seven\n8. eight\n', [{}, { ordered: true }, {}, { ordered: true, start: 7 }]],
  ])('carries %s in the block attributes', (_what, source, attrs) => {
    expect(blocksOf(exportText(source)).map((b) => b.attrs)).toEqual(attrs);
  });

  it.each([
    ['a block comment in the text', 'Before <!-- wp:html --><script>alert(1)</script><!-- /wp:html --> after.\n'],
    ['a block comment as a raw HTML block', '<!-- wp:paragraph -->\n<p onclick="x()">forged</p>\n<!-- /wp:paragraph -->\n'],
    ['a comment closer in text and code', 'An arrow --> and a `<!-- wp:x -->` in code.\n\n```\n<!-- wp:image {"id":1} -->\n```\n'],
    ['attributes that try to end the comment', '# Title -->\n\n1. a --> b\n'],
  ])('cannot be tricked into another block by %s', (_what, source) => {
    const markup = exportText(source);
    const blocks = blocksOf(markup);
    expect(blocks.every((b) => ['core/paragraph', 'core/html', 'core/code', 'core/heading', 'core/list'].includes(b.blockName!))).toBe(true);
    expect(markup).not.toMatch(/<script|onclick/);
    expect(blocks.map((b) => b.blockName)).not.toContain('core/image');
  });

  it('escapes block attributes as WordPress’s serialiser does', async () => {
    const { wpBlock } = await import('../../src/export/wordpress-blocks');
    const markup = wpBlock('paragraph', { className: 'a--b <c> & "d"' }, '<p>x</p>');
    expect(markup).toBe('<!-- wp:paragraph {"className":"a\\u002d\\u002db \\u003cc\\u003e \\u0026 \\u0022d\\u0022"} -->\n<p>x</p>\n<!-- /wp:paragraph -->');
    expect(blocksOf(markup)[0]!.attrs).toEqual({ className: 'a--b <c> & "d"' });
  });
});
