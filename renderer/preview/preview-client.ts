import type { BlockSource } from './patch';
import { BLOCK_FIELDS, BlockTable, type PreviewHead, type PreviewPort, type PreviewRequest, type PreviewResponse } from './preview-protocol';
import { textEdit } from './text-diff';
import { LONG_TEXT_CHARS } from '../editor/settle-delay';
import type { ImageSizes } from '../../src/markdown/render-env';

const noImages: ImageSizes = {};

/**
 * The preview's blocks for one review, kept current as the critic types. The pane draws from it
 * and subscribes to it, so a keystroke patches the preview without re-rendering the app; a new
 * review (or a new worker) comes as a new PreviewBlocks.
 */
export interface PreviewBlocks {
  /** Block ids are one worker's: a new worker starts a new epoch. */
  readonly epoch: number;
  /** The review the text came from: its images resolve against its folder. */
  readonly path: string | null;
  /** The latest rendering. */
  current(): BlockSource;
  /** Called after each new rendering; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

class BlockStore implements PreviewBlocks {
  private listeners = new Set<() => void>();

  constructor(
    readonly epoch: number,
    readonly path: string | null,
    private source: BlockSource,
  ) {}

  current(): BlockSource {
    return this.source;
  }

  set(source: BlockSource): void {
    this.source = source;
    for (const listener of [...this.listeners]) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** An empty preview (before the first rendering). */
export const noBlocks: PreviewBlocks = new BlockStore(0, null, { epoch: 0, blocks: new Int32Array(0), safeHtml: () => '' });

export interface PreviewUpdate {
  path: string | null;
  /** The same object as in the previous update while the front matter has not changed. */
  head: PreviewHead;
  blocks: PreviewBlocks;
}

export interface PreviewClientEvents {
  /** Another review, or its front matter changed. (New blocks of the same review go to its store.) */
  rendered(update: PreviewUpdate): void;
  /** The body's word count, with each drawn rendering. */
  words(words: number, minutes: number): void;
  /** A bug in the pipeline: the preview keeps what it shows. */
  failed(message: string): void;
}

export interface PreviewClient {
  /** The editor's text settled: render it (now, or after the request in flight). */
  settle(path: string | null, text: string): void;
  /** The host's image sizes for a review (src/stills): figures get width and height, missing files a placeholder. */
  images(path: string, sizes: ImageSizes): void;
  dispose(): void;
}

let epochs = 0;

/**
 * A review this long (about 50,000 words) waits for a real pause in typing before its preview
 * is patched: laying out a preview of thousands of blocks costs the browser more per keystroke
 * than the edit itself, and the critic is looking at the editor while typing anyway.
 */
export const LONG_REVIEW_BLOCKS = 2000;
export const LONG_REVIEW_PAUSE_MS = 400;

/**
 * The page's side of the preview worker. At most one request is in flight; text that settles
 * meanwhile waits, and only the newest waits, so a slow render never queues up work behind the
 * critic's typing. An answer that a newer request already supersedes updates the block table but
 * is not drawn. After the first text of a review, only the edited span crosses to the worker.
 */
export function createPreviewClient(
  port: PreviewPort<PreviewResponse, PreviewRequest> & { terminate?(): void },
  sanitize: (html: string) => string,
  head: PreviewHead,
  events: PreviewClientEvents,
): PreviewClient {
  const epoch = ++epochs;
  const table = new BlockTable(sanitize);
  const safeHtml = (id: number) => table.safeHtml(id);
  const prepare = (ids: number[], inert: Document) => table.prepare(ids, inert);
  let store: BlockStore | null = null;
  let seq = 0;
  let busy = false;
  let waiting: { path: string | null; text: string } | null = null;
  let sent: { path: string | null; text: string } | null = null;
  let disposed = false;
  let blockCount = 0;
  let pause: ReturnType<typeof setTimeout> | null = null;
  // Image sizes belong to one review; the worker holds the last ones sent.
  let imagesFor: { path: string; sizes: ImageSizes; json: string } | null = null;
  let imagesSent: ImageSizes = noImages;

  const send = (path: string | null, text: string) => {
    busy = true;
    const want = imagesFor && imagesFor.path === path ? imagesFor.sizes : noImages;
    const images = want === imagesSent ? {} : { images: want };
    imagesSent = want;
    if (sent && sent.path === path) port.postMessage({ type: 'edit', seq: ++seq, path, ...textEdit(sent.text, text), ...images });
    else port.postMessage({ type: 'render', seq: ++seq, path, text, ...images });
    sent = { path, text };
  };

  port.onmessage = ({ data }) => {
    if (disposed) return;
    if (data.type === 'rendered') {
      table.apply(data);
      blockCount = data.blocks.length / BLOCK_FIELDS;
      const headChanged = data.head !== null;
      if (data.head) head = data.head;
      if (!waiting) {
        const source: BlockSource = { epoch, blocks: data.blocks, safeHtml, prepare };
        if (store && store.path === data.path) {
          store.set(source);
          if (headChanged) events.rendered({ path: data.path, head, blocks: store });
        } else {
          store = new BlockStore(epoch, data.path, source);
          events.rendered({ path: data.path, head, blocks: store });
        }
        events.words(data.words, data.minutes);
      }
    } else {
      // The worker dropped its state: the next request sends the whole text again, and every
      // block under a new id (the table forgets the old ones as answers come).
      sent = null;
      imagesSent = noImages;
      events.failed(data.message);
    }
    busy = false;
    if (waiting && !disposed) {
      const { path, text } = waiting;
      waiting = null;
      send(path, text);
    }
  };

  const request = (path: string | null, text: string) => {
    if (busy) waiting = { path, text };
    else send(path, text);
  };

  return {
    settle(path, text) {
      if (disposed) return;
      if (pause) clearTimeout(pause);
      pause = null;
      // A text that long has waited for the pause in the editor already (settle-delay.ts).
      if (blockCount < LONG_REVIEW_BLOCKS || text.length >= LONG_TEXT_CHARS || sent?.path !== path) request(path, text);
      else pause = setTimeout(() => ((pause = null), request(path, text)), LONG_REVIEW_PAUSE_MS);
    },
    images(path, sizes) {
      const json = JSON.stringify(sizes);
      if (disposed || (imagesFor?.path === path && imagesFor.json === json)) return;
      imagesFor = { path, sizes, json };
      // Render the review's latest text again with them.
      const latest = waiting ?? sent;
      if (latest && latest.path === path) request(latest.path, latest.text);
    },
    dispose() {
      disposed = true;
      if (pause) clearTimeout(pause);
      port.onmessage = null;
      port.terminate?.();
    },
  };
}
