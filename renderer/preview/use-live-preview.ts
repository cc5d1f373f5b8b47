import { useCallback, useEffect, useRef, useState } from 'react';
import type { Sanitize } from '../../src/markdown/pipeline';
import type { ImageSizes } from '../../src/markdown/render-env';
import { reviewMeta } from '../../src/review/review-meta';
import { notify, reportError } from '../ui/notices';
import { createPreviewClient, noBlocks, type PreviewBlocks, type PreviewClient, type PreviewUpdate } from './preview-client';
import type { PreviewHead, PreviewPort, PreviewRequest, PreviewResponse } from './preview-protocol';

/**
 * What the app shows of the settled text: the front matter's facts, and the preview's blocks as a
 * live store (a new object only for another review), so typing does not re-render the app.
 */
export interface RenderedPreview extends PreviewHead {
  path: string | null;
  blocks: PreviewBlocks;
}

const emptyHead: PreviewHead = { frontMatter: { data: null, error: null }, meta: reviewMeta(null) };
const empty: RenderedPreview = { ...emptyHead, path: null, blocks: noBlocks };

type Port = PreviewPort<PreviewResponse, PreviewRequest> & { terminate(): void };

/**
 * The editor's settled text run through the one markdown pipeline, in a Web Worker, with the
 * body's word count. The editor calls `onTextSettled` ~30 ms after typing pauses (the debounce);
 * the worker re-reads the blocks around the edit and sends back only those the page lacks; the
 * preview pane patches them in (patch.ts). Results arrive asynchronously, with the path of the
 * review they came from (docs/performance.md).
 */
export function useLivePreview(sanitize: Sanitize) {
  const [rendered, setRendered] = useState<RenderedPreview>(empty);
  const [count, setCount] = useState({ words: 0, minutes: 0 });
  const client = useRef<PreviewClient | null>(null);

  const connect = useCallback(
    (port: Port): PreviewClient =>
      createPreviewClient(port, sanitize, emptyHead, {
        rendered: (update: PreviewUpdate) => setRendered({ ...update.head, path: update.path, blocks: update.blocks }),
        words: (words, minutes) => setCount((c) => (c.words === words && c.minutes === minutes ? c : { words, minutes })),
        // A bug in the pipeline: the preview keeps what it shows and the next keystroke retries.
        failed: (message) => reportError(new Error(message), 'rendering the preview'),
      }),
    [sanitize],
  );

  const start = useCallback((): PreviewClient => {
    const worker = new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module', name: 'preview' });
    const started = connect(worker);
    // The worker could not load, or died (out of memory). The preview keeps what it shows; the
    // next keystroke starts a new worker.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      started.dispose();
      if (client.current === started) client.current = null;
      notify(`The preview stopped updating (${event.message || 'its worker failed'}). Your text is safe; type to retry.`, 'error');
    });
    return started;
  }, [connect]);

  useEffect(
    () => () => {
      client.current?.dispose();
      client.current = null;
    },
    [start],
  );

  // Created on the first call: the editor reports its first text before this hook's effects run.
  const onTextSettled = useCallback(
    (path: string | null, text: string) => {
      client.current ??= start();
      client.current.settle(path, text);
    },
    [start],
  );

  /** Image sizes from the host (src/stills) for the review at `path`. */
  const setImages = useCallback(
    (path: string, sizes: ImageSizes) => {
      client.current ??= start();
      client.current.images(path, sizes);
    },
    [start],
  );

  return { rendered, words: count.words, minutes: count.minutes, onTextSettled, setImages };
}
