import type { FrontMatter } from '../../src/review/front-matter';
import type { ReviewMeta } from '../../src/review/review-meta';
import type { ImageSizes } from '../../src/markdown/render-env';

/**
 * The messages between the preview and its worker (docs/performance.md, "The preview pipeline").
 *
 * A request carries the review's text (or, after the first, just the edit); the answer lists the
 * review's blocks by id and carries HTML only for what the page lacks: each distinct block gets an
 * id, and its HTML crosses over once, the first time its id is sent. Both sides keep the ids of
 * the latest answer, so the worker knows what the page holds without being told (the answers are
 * handled in order, none skipped).
 */

/** Render `text`, the whole review file of `path`. */
export interface RenderRequest {
  type: 'render';
  seq: number;
  path: string | null;
  text: string;
  /** New image sizes for the review (src/stills); absent: the ones sent before still hold. */
  images?: ImageSizes;
}

/**
 * Render the previous request's text with characters [from, to) replaced by `insert`: what a
 * keystroke sends, so a 3 MB draft is not copied to the worker on every one.
 */
export interface EditRequest {
  type: 'edit';
  seq: number;
  path: string | null;
  from: number;
  to: number;
  insert: string;
  images?: ImageSizes;
}

export type PreviewRequest = RenderRequest | EditRequest;

/** The parsed front matter the app needs, without the body the worker already read. */
export interface PreviewHead {
  frontMatter: Pick<FrontMatter, 'data' | 'error'>;
  meta: ReviewMeta;
}

/** Values per block in `RenderResponse.blocks`: id, `data-line`, `data-line-end` (-1: none). */
export const BLOCK_FIELDS = 3;

export interface RenderResponse {
  type: 'rendered';
  seq: number;
  path: string | null;
  /** The front matter, or null when it is the same text as in the previous answer for this path. */
  head: PreviewHead | null;
  /** The review's blocks in order, `BLOCK_FIELDS` numbers each. */
  blocks: Int32Array;
  /** HTML (not yet sanitised) of the ids in `blocks` that the previous answer did not hold. */
  added: Array<[id: number, html: string]>;
  /** The ids in `added` whose HTML is the user's raw HTML: sanitised one by one, never batched. */
  raw: number[];
  /** The body's word count and minutes to read it (src/markdown/words.ts). */
  words: number;
  minutes: number;
}

/** The render threw (a bug): the page keeps what it shows, and the next request starts afresh. */
export interface FailedResponse {
  type: 'failed';
  seq: number;
  message: string;
}

export type PreviewResponse = RenderResponse | FailedResponse;

/** The part of a Worker (or a MessagePort) the two sides use, so tests can use a MessageChannel. */
export interface PreviewPort<In, Out> {
  postMessage(message: Out, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<In>) => void) | null;
}

/**
 * The worker's side of the id bookkeeping. Blocks are keyed by their HTML without their own line
 * numbers (`blockKey`), so a paragraph that only moved (a line was added above it) keeps its id
 * and its DOM element; the page updates its `data-line` attributes instead.
 */
export class BlockIds {
  private current = new Map<string, number>();
  private nextId = 1;

  /** Ids for one render's blocks, and the HTML of ids the page has not seen. */
  assign(blocks: ReadonlyArray<{ key: string; html: string; lines: readonly [number, number] | null; raw: boolean }>): {
    table: Int32Array;
    added: Array<[number, string]>;
    raw: number[];
  } {
    const next = new Map<string, number>();
    const table = new Int32Array(blocks.length * BLOCK_FIELDS);
    const added: Array<[number, string]> = [];
    const raw: number[] = [];
    blocks.forEach((block, i) => {
      const key = block.key;
      let id = next.get(key) ?? this.current.get(key);
      if (id === undefined) {
        id = this.nextId++;
        added.push([id, block.html]);
        if (block.raw) raw.push(id);
      }
      next.set(key, id);
      table[i * BLOCK_FIELDS] = id;
      table[i * BLOCK_FIELDS + 1] = block.lines?.[0] ?? -1;
      table[i * BLOCK_FIELDS + 2] = block.lines?.[1] ?? -1;
    });
    this.current = next;
    return { table, added, raw };
  }

  /** Forget everything, as after a failed render (the page starts afresh too). */
  reset(): void {
    this.current = new Map();
  }
}

/**
 * A block's identity. Its own line attributes are cut out: markdown-it writes them first on the
 * block's first tag, and escapes quotes in text, so the first match is always them. Raw HTML keeps
 * them (the user may have written such attributes), and is prefixed so the two never collide.
 */
export function blockKey(block: { html: string; lines: readonly [number, number] | null; raw: boolean }): string {
  if (block.raw || !block.lines) return `r${block.html}`;
  return `b${block.html.replace(` data-line="${block.lines[0]}" data-line-end="${block.lines[1]}"`, '')}`;
}

/**
 * The page's side: the HTML of every id the worker may refer to, sanitised lazily and once.
 * Ids of the previous answer are kept one answer longer, so a snapshot the page has not drawn yet
 * still resolves when the next answer has arrived.
 */
export class BlockTable {
  private html = new Map<number, string>();
  private safe = new Map<number, string>();
  private raw = new Set<number>();
  private previous = new Set<number>();

  constructor(private readonly sanitize: (html: string) => string) {}

  /** Takes in one answer; call for every answer, in order. */
  apply(response: Pick<RenderResponse, 'blocks' | 'added' | 'raw'>): void {
    for (const [id, html] of response.added) this.html.set(id, html);
    for (const id of response.raw) this.raw.add(id);
    const present = new Set<number>();
    for (let i = 0; i < response.blocks.length; i += BLOCK_FIELDS) present.add(response.blocks[i]!);
    for (const id of this.html.keys()) {
      if (!present.has(id) && !this.previous.has(id)) {
        this.html.delete(id);
        this.safe.delete(id);
        this.raw.delete(id);
      }
    }
    this.previous = present;
  }

  /** The sanitised HTML of a block. */
  safeHtml(id: number): string {
    let safe = this.safe.get(id);
    if (safe === undefined) {
      safe = this.sanitize(this.source(id));
      this.safe.set(id, safe);
    }
    return safe;
  }

  /**
   * Sanitises many blocks ahead of `safeHtml` (opening a review): DOMPurify's cost is largely per
   * call, so markdown blocks go through it together, each in a marked wrapper, and are cut apart
   * after. Their HTML is markdown-it's, well formed, so no block can reach out of its wrapper;
   * raw HTML could, and is done alone. If the output is not the wrappers it should be, each block
   * is done alone after all.
   */
  prepare(ids: Iterable<number>, document: Document): void {
    let batch: number[] = [];
    let size = 0;
    const seen = new Set<number>();
    const flush = () => {
      if (batch.length > 1) this.sanitizeTogether(batch, document);
      batch = [];
      size = 0;
    };
    for (const id of ids) {
      if (this.safe.has(id) || this.raw.has(id) || seen.has(id)) continue;
      seen.add(id);
      batch.push(id);
      size += this.source(id).length;
      if (size > BATCH_CHARS) flush();
    }
    flush();
  }

  private sanitizeTogether(ids: number[], document: Document): void {
    const marker = (i: number) => `intertitle-block-${i}`;
    const joined = ids.map((id, i) => `<div id="${marker(i)}">${this.source(id)}</div>`).join('');
    const holder = document.createElement('div');
    holder.innerHTML = this.sanitize(joined);
    const wrappers = holder.children;
    if (wrappers.length !== ids.length) return;
    for (let i = 0; i < ids.length; i++) if (wrappers[i]!.id !== marker(i)) return;
    ids.forEach((id, i) => this.safe.set(id, wrappers[i]!.innerHTML));
  }

  private source(id: number): string {
    const html = this.html.get(id);
    if (html === undefined) throw new Error(`preview block ${id} is unknown`);
    return html;
  }

  get size(): number {
    return this.html.size;
  }
}

/** About 64 KB of HTML per DOMPurify call when opening a review. */
const BATCH_CHARS = 64 * 1024;
