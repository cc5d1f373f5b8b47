import { readingMinutes } from '../../src/markdown/words';
import { parseFrontMatter, splitFrontMatter } from '../../src/review/front-matter';
import { reviewMeta } from '../../src/review/review-meta';
import type { ImageSizes } from '../../src/markdown/render-env';
import { renderBody, type BodyRender } from './incremental';
import {
  BlockIds,
  type PreviewHead,
  type PreviewPort,
  type PreviewRequest,
  type PreviewResponse,
  type RenderRequest,
  type RenderResponse,
} from './preview-protocol';

/**
 * What the preview worker does with each request: the one markdown pipeline (src/markdown), minus
 * the sanitiser, which needs a DOM and runs on the page, per block. The YAML is parsed again only
 * when it changed, and the body is re-read only around the edit (incremental.ts).
 */
export function createPreviewRenderer() {
  const ids = new BlockIds();
  let last: { path: string | null; yaml: string | null; head: PreviewHead; body: BodyRender } | null = null;
  let images: ImageSizes = {};

  return {
    render(request: RenderRequest): RenderResponse {
      if (request.images) images = request.images;
      const block = splitFrontMatter(request.text);
      const samePath = last !== null && last.path === request.path;
      const sameYaml = samePath && last!.yaml === block.yaml;
      let head: PreviewHead;
      if (sameYaml) head = last!.head;
      else {
        const { data, error } = parseFrontMatter(request.text);
        head = { frontMatter: { data, error }, meta: reviewMeta(data) };
      }
      const env = { lineOffset: block.bodyStartLine, stills: head.meta.stills, images };
      const body = renderBody(samePath ? last!.body : null, block.body, env);
      last = { path: request.path, yaml: block.yaml, head, body };
      const { table, added, raw } = ids.assign(body.blocks);
      return {
        type: 'rendered',
        seq: request.seq,
        path: request.path,
        head: sameYaml ? null : head,
        blocks: table,
        added,
        raw,
        words: body.words,
        minutes: readingMinutes(body.words),
      };
    },
    /** After a failure the page drops its table; so do we. */
    reset(): void {
      ids.reset();
      last = null;
      images = {};
    },
  };
}

/** Serves render requests on a port: the worker's whole job, also runnable on a MessageChannel. */
export function servePreview(port: PreviewPort<PreviewRequest, PreviewResponse>): void {
  const renderer = createPreviewRenderer();
  let text: string | null = null;
  port.onmessage = ({ data: request }) => {
    try {
      if (request.type === 'edit') {
        if (text === null) throw new Error('an edit arrived before any text');
        text = text.slice(0, request.from) + request.insert + text.slice(request.to);
      } else {
        text = request.text;
      }
      const rendered = renderer.render({ type: 'render', seq: request.seq, path: request.path, text, images: request.images });
      port.postMessage(rendered, [rendered.blocks.buffer]);
    } catch (error) {
      renderer.reset();
      text = null;
      port.postMessage({ type: 'failed', seq: request.seq, message: error instanceof Error ? error.message : String(error) });
    }
  };
}
