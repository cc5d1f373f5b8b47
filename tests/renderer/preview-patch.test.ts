// @vitest-environment jsdom
import fc from 'fast-check';
import { beforeEach, describe, expect, test } from 'vitest';
import { PreviewPatcher, type BlockSource, type ImageUrl } from '../../renderer/preview/patch';
import { BlockTable } from '../../renderer/preview/preview-protocol';
import { createPreviewRenderer } from '../../renderer/preview/preview-renderer';
import { renderReview } from '../../src/markdown/pipeline';
import { createSanitizer } from '../../src/markdown/sanitize';

const sanitize = createSanitizer(window);
const imageUrl: ImageUrl = (src) => `/stills/${src}`;

/** The worker's renderer and the page's table and patcher, wired as in the app (without the thread). */
function livePreview(container: HTMLElement, epoch = 1) {
  const renderer = createPreviewRenderer();
  const table = new BlockTable(sanitize);
  const patcher = new PreviewPatcher(container);
  let seq = 0;
  return {
    patcher,
    show(text: string, urls: ImageUrl = imageUrl) {
      const rendered = renderer.render({ type: 'render', seq: ++seq, path: 'a/index.md', text });
      table.apply(rendered);
      const source: BlockSource = {
        epoch,
        blocks: rendered.blocks,
        safeHtml: (id) => table.safeHtml(id),
        prepare: (ids, inert) => table.prepare(ids, inert),
      };
      patcher.patch(source, urls);
    },
  };
}

/** What a fresh preview of `text` looks like: the reference every patched preview must equal. */
function fresh(text: string): string {
  const container = document.createElement('article');
  livePreview(container).show(text);
  return container.innerHTML;
}

/** Records every element removed from the preview, as the benchmark's MutationObserver does. */
function removals(container: HTMLElement) {
  const observer = new MutationObserver(() => {});
  observer.observe(container, { childList: true, subtree: true });
  return () => observer.takeRecords().flatMap((r) => [...r.removedNodes]).filter((n): n is Element => n.nodeType === 1);
}

const para = (n: number, extra = '') => `Paragraph ${n} of the review, about the film${extra}.`;
const figure = (n: number) => `![Still ${n}](stills/${n}.jpg "Caption ${n}")`;
const doc = (...blocks: string[]) => `---\ntitle: T\n---\n${blocks.join('\n\n')}\n`;

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('article');
  document.body.replaceChildren(container);
});

describe('keyed preview patching', () => {
  test('typing in a paragraph changes that paragraph in place and nothing else', () => {
    const preview = livePreview(container);
    preview.show(doc(para(1), figure(1), para(2), figure(2), para(3)));
    const before = [...container.children];
    const images = [...container.querySelectorAll('img')];
    const removed = removals(container);

    preview.show(doc(para(1), figure(1), para(2, ' and its light'), figure(2), para(3)));

    expect([...container.children]).toEqual(before);
    before.forEach((element, i) => expect(container.children[i]).toBe(element));
    expect([...container.querySelectorAll('img')]).toEqual(images);
    images.forEach((img, i) => expect(container.querySelectorAll('img')[i]).toBe(img));
    expect(container.children[2]!.textContent).toBe(para(2, ' and its light'));
    expect(removed()).toEqual([]);
    expect(container.innerHTML).toBe(fresh(doc(para(1), figure(1), para(2, ' and its light'), figure(2), para(3))));
  });

  test('a new line above moves the blocks below without re-creating them', () => {
    const preview = livePreview(container);
    preview.show(doc(para(1), figure(1), para(2)));
    const [, still, second] = [...container.children];
    preview.show(doc(`${para(1)}\nA second line.`, figure(1), para(2)));
    expect(container.children[1]).toBe(still);
    expect(container.children[2]).toBe(second);
    expect(still!.getAttribute('data-line')).toBe('6');
    expect(second!.getAttribute('data-line')).toBe('8');
    expect(container.innerHTML).toBe(fresh(doc(`${para(1)}\nA second line.`, figure(1), para(2))));
  });

  test('blocks inserted, deleted and swapped keep the elements of the blocks that stayed', () => {
    const preview = livePreview(container);
    preview.show(doc(para(1), para(2), para(3), figure(1)));
    const [one, two, three, still] = [...container.children];
    const removed = removals(container);

    preview.show(doc(para(3), para(1), para(9), figure(1)));

    expect(container.children[0]).toBe(three);
    expect(container.children[1]).toBe(one);
    // Paragraph 2 was replaced by paragraph 9 where it stood: its element is reused for it.
    expect(container.children[2]).toBe(two);
    expect(two!.textContent).toBe(para(9));
    expect(container.children[3]).toBe(still);
    expect(container.innerHTML).toBe(fresh(doc(para(3), para(1), para(9), figure(1))));
    expect(removed().filter((el) => el.querySelector('img') || el.tagName === 'IMG')).toEqual([]);

    preview.show(doc(para(3), figure(1)));
    expect([...container.children]).toEqual([three, still]);
    expect(one!.isConnected).toBe(false);
    expect(container.innerHTML).toBe(fresh(doc(para(3), figure(1))));

    preview.show(doc(para(0), para(3), para(4), figure(1), para(5)));
    expect(container.children[1]).toBe(three);
    expect(container.children[3]).toBe(still);
    expect(container.innerHTML).toBe(fresh(doc(para(0), para(3), para(4), figure(1), para(5))));
  });

  test('a paragraph that becomes a heading is replaced; two equal paragraphs are two elements', () => {
    const preview = livePreview(container);
    preview.show(doc(para(1), 'Act two', para(1)));
    preview.show(doc(para(1), '## Act two', para(1)));
    expect([...container.children].map((el) => el.tagName)).toEqual(['P', 'H2', 'P']);
    expect(container.children[0]).not.toBe(container.children[2]);
    expect(container.innerHTML).toBe(fresh(doc(para(1), '## Act two', para(1))));
  });

  test('an image in the paragraph being typed in is kept', () => {
    const preview = livePreview(container);
    preview.show(doc('A frame ![x](stills/x.jpg) in the text'));
    const img = container.querySelector('img');
    preview.show(doc('A frame ![x](stills/x.jpg) in the text, typed'));
    expect(container.querySelector('img')).toBe(img);
    expect(img!.getAttribute('src')).toBe('/stills/stills/x.jpg');
  });

  test('another review (a new image mapping) or a new worker re-creates every block', () => {
    const preview = livePreview(container);
    preview.show(doc(para(1), figure(1)));
    const first = container.children[0];
    preview.show(doc(para(1), figure(1)), (src) => `/other/${src}`);
    expect(container.children[0]).not.toBe(first);
    expect(container.querySelector('img')!.getAttribute('src')).toBe('/other/stills/1.jpg');

    const restarted = livePreview(container, 2);
    const kept = container.children[0];
    restarted.show(doc(para(1), figure(1)));
    expect(container.children[0]).not.toBe(kept);
    expect(container.children).toHaveLength(2);
  });

  test('remote images are not loaded, and say so', () => {
    const libraryOnly: ImageUrl = (src) => (/^[a-z]+:/i.test(src) ? null : `/stills/${src}`);
    livePreview(container).show(doc('![x](https://example.org/x.jpg)'), libraryOnly);
    const img = container.querySelector('img')!;
    expect(img.hasAttribute('src')).toBe(false);
    expect(img.dataset.src).toBe('https://example.org/x.jpg');
    expect(img.title).toBe('Not loaded: https://example.org/x.jpg');
  });

  test('blocks sanitised together when a review opens are what each gives alone', () => {
    const calls: string[] = [];
    const counting = (html: string) => (calls.push(html), sanitize(html));
    const table = new BlockTable(counting);
    const rendered = createPreviewRenderer().render({
      type: 'render',
      seq: 1,
      path: null,
      text: doc(para(1), figure(1), '## Act two', '<div onclick="x">raw</div>', '- a\n- b', 'Note[^1].', '[^1]: A note.'),
    });
    table.apply(rendered);
    const ids = rendered.added.map(([id]) => id);
    table.prepare(ids, document.implementation.createHTMLDocument(''));
    expect(calls).toHaveLength(1); // the raw block waits for its own call
    for (const [id, html] of rendered.added) expect(table.safeHtml(id)).toBe(sanitize(html));
    expect(calls).toHaveLength(2);
    expect(table.safeHtml(rendered.raw[0]!)).toBe('<div>raw</div>\n');
  });

  test('when the sanitiser’s output is not the wrappers it should be, each block is sanitised alone', () => {
    const unwrapping = (html: string) => sanitize(html).replace(/<div id="intertitle-block-\d+">/g, '<div>');
    const table = new BlockTable(unwrapping);
    const rendered = createPreviewRenderer().render({ type: 'render', seq: 1, path: null, text: doc(para(1), para(2)) });
    table.apply(rendered);
    table.prepare(rendered.added.map(([id]) => id), document.implementation.createHTMLDocument(''));
    for (const [id, html] of rendered.added) expect(table.safeHtml(id)).toBe(sanitize(html));
  });

  test('the patched preview is the CLI’s HTML, whatever the edits', () => {
    // prettier-ignore
    const pieces = [
      para(1), para(2), figure(1), figure(2), '## A heading', '> A quote', '- one\n- two', '```\ncode\n```', '***',
      'Note[^1].', '[^1]: The note.', '<details>\n<summary>Spoiler</summary>', '</details>', '<div>raw</div>',
      'A <b>bold start', '| a |\n|---|\n| b |', 'Text ![i](stills/i.jpg) inline',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((blocks) => doc(...blocks));
    const normalise = (html: string) => {
      const holder = document.createElement('div');
      holder.innerHTML = html;
      for (const img of holder.querySelectorAll('img')) {
        img.removeAttribute('data-src');
        if (img.hasAttribute('src')) img.setAttribute('src', img.getAttribute('src')!.replace('/stills/', ''));
      }
      return holder.innerHTML;
    };
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (versions) => {
        const element = document.createElement('article');
        const preview = livePreview(element);
        for (const version of versions) preview.show(version);
        const last = versions.at(-1)!;
        expect(element.innerHTML).toBe(fresh(last));
        expect(normalise(element.innerHTML)).toBe(normalise(renderReview(last, { sanitize }).html));
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});
