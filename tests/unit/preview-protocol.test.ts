import { describe, expect, test, vi } from 'vitest';
import { LONG_REVIEW_BLOCKS, LONG_REVIEW_PAUSE_MS, createPreviewClient, type PreviewUpdate } from '../../renderer/preview/preview-client';
import { LONG_TEXT_CHARS, LONG_TEXT_SETTLE_MS, SETTLE_MS, settleDelay } from '../../renderer/editor/settle-delay';
import {
  BLOCK_FIELDS,
  BlockIds,
  blockKey,
  BlockTable,
  type PreviewHead,
  type PreviewPort,
  type PreviewResponse,
  type PreviewRequest,
  type RenderResponse,
} from '../../renderer/preview/preview-protocol';
import { createPreviewRenderer, servePreview } from '../../renderer/preview/preview-renderer';
import { reviewMeta } from '../../src/review/review-meta';

type Block = { key: string; html: string; lines: readonly [number, number] | null; raw: boolean };
const keyed = (block: Omit<Block, 'key'> & { raw: boolean }): Block => ({ ...block, key: blockKey(block) });
const p = (text: string, line: number): Block =>
  keyed({ html: `<p data-line="${line}" data-line-end="${line + 1}">${text}</p>\n`, lines: [line, line + 1], raw: false });
/** [id, line, lineEnd] per block. */
const rows = (table: ArrayLike<number>) =>
  Array.from({ length: table.length / BLOCK_FIELDS }, (_, i) => Array.from({ length: BLOCK_FIELDS }, (_, f) => table[i * BLOCK_FIELDS + f]!));

describe('BlockIds (the worker side)', () => {
  test('a block keeps its id while its text stays, even when it moves to other lines', () => {
    const ids = new BlockIds();
    const first = ids.assign([p('One', 0), p('Two', 2)]);
    expect(rows(first.table)).toEqual([
      [1, 0, 1],
      [2, 2, 3],
    ]);
    expect(first.added.map(([id]) => id)).toEqual([1, 2]);
    // A line was added at the top: both blocks moved, neither changed.
    const second = ids.assign([p('Zero', 0), p('One', 2), p('Two', 4)]);
    expect(rows(second.table)).toEqual([
      [3, 0, 1],
      [1, 2, 3],
      [2, 4, 5],
    ]);
    expect(second.added).toEqual([[3, p('Zero', 0).html]]);
  });

  test('a changed block gets a new id, sent with its HTML once', () => {
    const ids = new BlockIds();
    ids.assign([p('One', 0)]);
    const typed = ids.assign([p('One!', 0)]);
    expect(typed.added).toEqual([[2, p('One!', 0).html]]);
    expect(ids.assign([p('One!', 0)]).added).toEqual([]);
  });

  test('identical blocks share an id; the page draws each', () => {
    const ids = new BlockIds();
    const { table, added } = ids.assign([p('Same', 0), p('Same', 2)]);
    expect(rows(table).map(([id]) => id)).toEqual([1, 1]);
    expect(added).toHaveLength(1);
  });

  test('a block the last answer did not hold is sent again, under a new id', () => {
    const ids = new BlockIds();
    ids.assign([p('Gone', 0)]);
    ids.assign([p('Other', 0)]);
    expect(ids.assign([p('Gone', 0)]).added).toEqual([[3, p('Gone', 0).html]]);
  });

  test('raw HTML is keyed with the line numbers in it: moved, it is sent again as written', () => {
    const ids = new BlockIds();
    const raw = (line: number): Block => keyed({ html: `<div data-line="${line}" data-line-end="${line + 1}">x</div>\n`, lines: null, raw: true });
    expect(ids.assign([raw(0)]).raw).toEqual([1]);
    expect(ids.assign([raw(1)]).raw).toEqual([2]);
  });
});

describe('BlockTable (the page side)', () => {
  const answer = (ids: number[], added: Array<[number, string]> = []) => ({
    blocks: Int32Array.from(ids.flatMap((id) => [id, -1, -1])),
    added,
    raw: [],
  });

  test('sanitises a block once, when it is first drawn', () => {
    const sanitize = vi.fn((html: string) => html.toUpperCase());
    const table = new BlockTable(sanitize);
    table.apply(answer([1, 2], [
      [1, '<p>a</p>'],
      [2, '<p>b</p>'],
    ]));
    expect(sanitize).not.toHaveBeenCalled();
    expect(table.safeHtml(1)).toBe('<P>A</P>');
    expect(table.safeHtml(1)).toBe('<P>A</P>');
    expect(sanitize).toHaveBeenCalledTimes(1);
  });

  test('keeps the previous answer’s blocks one answer longer, then forgets them', () => {
    const table = new BlockTable((html) => html);
    table.apply(answer([1], [[1, 'one']]));
    table.apply(answer([2], [[2, 'two']]));
    expect(table.safeHtml(1)).toBe('one');
    table.apply(answer([2]));
    expect(() => table.safeHtml(1)).toThrow(/unknown/);
    expect(table.size).toBe(1);
  });
});

describe('the worker renderer', () => {
  const review = (body: string, title = 'Headline') => `---\ntitle: ${title}\n---\n${body}`;

  test('renders the body with file line numbers and reads the front matter', () => {
    const renderer = createPreviewRenderer();
    const rendered = renderer.render({ type: 'render', seq: 1, path: 'a.md', text: review('Hello *there*.\n') });
    expect(rendered.head?.meta.title).toBe('Headline');
    expect(rows(rendered.blocks)).toEqual([[1, 3, 4]]);
    expect(rendered.added).toEqual([[1, '<p data-line="3" data-line-end="4">Hello <em>there</em>.</p>\n']]);
  });

  test('sends the front matter again only when it changed, or the review did', () => {
    const renderer = createPreviewRenderer();
    const render = (path: string, text: string, seq: number) => renderer.render({ type: 'render', seq, path, text });
    expect(render('a.md', review('One'), 1).head).not.toBeNull();
    expect(render('a.md', review('One, two'), 2).head).toBeNull();
    expect(render('a.md', review('One, two', 'Other'), 3).head?.meta.title).toBe('Other');
    expect(render('b.md', review('One, two', 'Other'), 4).head).not.toBeNull();
  });

  test('a front matter that does not parse is reported with its line', () => {
    const rendered = createPreviewRenderer().render({ type: 'render', seq: 1, path: null, text: '---\ntitle: [\n---\nBody' });
    expect(rendered.head?.frontMatter.error?.line).toBeGreaterThan(0);
    expect(rendered.head?.frontMatter.data).toBeNull();
  });
});

/** A port pair over a real MessageChannel, with the worker's side served in this process. */
function servedPort() {
  const channel = new MessageChannel();
  servePreview(channel.port2 as unknown as PreviewPort<PreviewRequest, PreviewResponse>);
  const inner = channel.port1 as unknown as PreviewPort<PreviewResponse, PreviewRequest>;
  const posted: PreviewRequest[] = [];
  const port: PreviewPort<PreviewResponse, PreviewRequest> = {
    postMessage: (message) => (posted.push(message), inner.postMessage(message)),
    set onmessage(listener) {
      inner.onmessage = listener;
    },
    get onmessage() {
      return inner.onmessage;
    },
  };
  return { port, posted, close: () => (channel.port1.close(), channel.port2.close()) };
}

const emptyHead: PreviewHead = { frontMatter: { data: null, error: null }, meta: reviewMeta(null) };

/** A port whose answers the test writes. */
function fakePort() {
  const posted: PreviewRequest[] = [];
  const port: PreviewPort<PreviewResponse, PreviewRequest> = { postMessage: (m) => posted.push(m), onmessage: null };
  const reply = (message: PreviewResponse) => port.onmessage!({ data: message } as MessageEvent<PreviewResponse>);
  return { port, posted, reply };
}

const answer = (seq: number, id: number, head: PreviewHead | null = null): RenderResponse => ({
  type: 'rendered',
  seq,
  path: 'a.md',
  head,
  blocks: Int32Array.of(id, 0, 1),
  added: [[id, `<p>${id}</p>`]],
  raw: [],
  words: id,
  minutes: 1,
});

describe('the preview client', () => {
  test('draws each settled text with its word count; after the first, only the edit crosses', async () => {
    const { port, posted, close } = servedPort();
    const updates: PreviewUpdate[] = [];
    const words: number[] = [];
    const client = createPreviewClient(port, (html) => html, emptyHead, {
      rendered: (u) => updates.push(u),
      words: (n) => words.push(n),
      failed: (m) => expect.fail(m),
    });
    client.settle('a.md', '# Title\n\nThree more words.');
    await vi.waitFor(() => expect(words).toEqual([4]));
    const store = updates[0]!.blocks;
    expect(store.path).toBe('a.md');
    const html = () => rows(store.current().blocks).map(([id]) => store.current().safeHtml(id!));
    expect(html()).toEqual(['<h1 data-line="0" data-line-end="1">Title</h1>\n', '<p data-line="2" data-line-end="3">Three more words.</p>\n']);

    const redrawn = vi.fn();
    store.subscribe(redrawn);
    client.settle('a.md', '# Title\n\nThree more words, and two.');
    await vi.waitFor(() => expect(words).toEqual([4, 6]));
    expect(posted[1]).toEqual({ type: 'edit', seq: 2, path: 'a.md', from: 25, to: 25, insert: ', and two' });
    expect(redrawn).toHaveBeenCalledTimes(1);
    expect(html()[1]).toBe('<p data-line="2" data-line-end="3">Three more words, and two.</p>\n');
    // Same review, same front matter: the app was not told (it need not re-render).
    expect(updates).toHaveLength(1);

    client.settle('b.md', 'Other review.');
    await vi.waitFor(() => expect(updates).toHaveLength(2));
    expect(posted[2]).toMatchObject({ type: 'render', path: 'b.md', text: 'Other review.' });
    expect(updates[1]!.blocks).not.toBe(store);
    client.dispose();
    close();
  });

  test('while a render is in flight only the newest text waits, and a superseded answer is not drawn', () => {
    const { port, posted, reply } = fakePort();
    const drawn: PreviewUpdate[] = [];
    const client = createPreviewClient(port, (html) => html, emptyHead, { rendered: (u) => drawn.push(u), words: () => {}, failed: () => {} });
    client.settle('a.md', 'a');
    client.settle('a.md', 'ab');
    client.settle('a.md', 'abc');
    expect(posted).toEqual([{ type: 'render', seq: 1, path: 'a.md', text: 'a' }]);
    reply(answer(1, 1, emptyHead)); // 'abc' waits, so this answer is already out of date
    expect(drawn).toEqual([]);
    expect(posted[1]).toEqual({ type: 'edit', seq: 2, path: 'a.md', from: 1, to: 1, insert: 'bc' });
    reply(answer(2, 2));
    expect(drawn).toHaveLength(1);
    expect(drawn[0]!.blocks.current().blocks[0]).toBe(2);
  });

  test('tells the app about front matter changes only; keeps the object while it is unchanged', () => {
    const { port, reply } = fakePort();
    const heads: PreviewHead[] = [];
    const client = createPreviewClient(port, (html) => html, emptyHead, { rendered: (u) => heads.push(u.head), words: () => {}, failed: () => {} });
    const head = (title: string): PreviewHead => ({ frontMatter: { data: { title }, error: null }, meta: reviewMeta({ title }) });
    const first = head('T');
    for (const [seq, h] of [
      [1, first],
      [2, null],
      [3, head('U')],
    ] as const) {
      client.settle('a.md', `text ${seq}`);
      reply(answer(seq, seq, h));
    }
    expect(heads.map((h) => h.meta.title)).toEqual(['T', 'U']);
    expect(heads[0]).toBe(first);
  });

  test('a very long review waits for a pause in typing before its preview is redrawn', () => {
    vi.useFakeTimers();
    try {
      const { port, posted, reply } = fakePort();
      const client = createPreviewClient(port, (html) => html, emptyHead, { rendered: () => {}, words: () => {}, failed: () => {} });
      const ids = Array.from({ length: LONG_REVIEW_BLOCKS }, (_, i) => [i + 1, i, i + 1]).flat();
      client.settle('a.md', 'long');
      reply({ ...answer(1, 1, emptyHead), blocks: Int32Array.from(ids) });
      client.settle('a.md', 'long x');
      vi.advanceTimersByTime(LONG_REVIEW_PAUSE_MS - 100);
      client.settle('a.md', 'long xy');
      vi.advanceTimersByTime(LONG_REVIEW_PAUSE_MS - 100);
      expect(posted).toHaveLength(1);
      vi.advanceTimersByTime(100);
      expect(posted).toHaveLength(2);
      expect(posted[1]).toMatchObject({ type: 'edit', insert: ' xy' });
      // Another review is drawn at once.
      client.settle('b.md', 'short');
      reply(answer(2, 2));
      expect(posted[2]).toMatchObject({ type: 'render', path: 'b.md' });
    } finally {
      vi.useRealTimers();
    }
  });

  test('a text long enough to have waited in the editor already is drawn without a second wait', () => {
    vi.useFakeTimers();
    try {
      const { port, posted, reply } = fakePort();
      const client = createPreviewClient(port, (html) => html, emptyHead, { rendered: () => {}, words: () => {}, failed: () => {} });
      const ids = Array.from({ length: LONG_REVIEW_BLOCKS }, (_, i) => [i + 1, i, i + 1]).flat();
      const long = 'x'.repeat(LONG_TEXT_CHARS);
      client.settle('a.md', long);
      reply({ ...answer(1, 1, emptyHead), blocks: Int32Array.from(ids) });
      client.settle('a.md', `${long}y`);
      expect(posted).toHaveLength(2);
      expect(posted[1]).toMatchObject({ type: 'edit', insert: 'y' });
      expect(settleDelay(long.length)).toBe(LONG_TEXT_SETTLE_MS);
      expect(settleDelay(long.length - 1)).toBe(SETTLE_MS);
    } finally {
      vi.useRealTimers();
    }
  });

  test('after a failed render the whole text is sent again', () => {
    const { port, posted, reply } = fakePort();
    const failures: string[] = [];
    const client = createPreviewClient(port, (html) => html, emptyHead, { rendered: () => {}, words: () => {}, failed: (m) => failures.push(m) });
    client.settle('a.md', 'one');
    reply(answer(1, 1, emptyHead));
    client.settle('a.md', 'one two');
    reply({ type: 'failed', seq: 2, message: 'boom' });
    client.settle('a.md', 'one two three');
    expect(failures).toEqual(['boom']);
    expect(posted.map((r) => r.type)).toEqual(['render', 'edit', 'render']);
  });
});

describe('the worker with edits', () => {
  test('applies each edit to the text it has, and refuses an edit without one', async () => {
    const { port, close } = servedPort();
    const answers: PreviewResponse[] = [];
    port.onmessage = ({ data }) => answers.push(data);
    port.postMessage({ type: 'edit', seq: 1, path: null, from: 0, to: 0, insert: 'x' });
    port.postMessage({ type: 'render', seq: 2, path: null, text: 'Hello.' });
    port.postMessage({ type: 'edit', seq: 3, path: null, from: 5, to: 6, insert: ', you.' });
    await vi.waitFor(() => expect(answers).toHaveLength(3));
    expect(answers[0]).toMatchObject({ type: 'failed', message: expect.stringMatching(/before any text/) });
    const last = answers[2] as RenderResponse;
    expect(last.added.map(([, html]) => html)).toEqual(['<p data-line="0" data-line-end="1">Hello, you.</p>\n']);
    close();
  });
});
