import { parseFrontMatter, type FrontMatter } from '../review/front-matter';
import { reviewMeta, type ReviewMeta } from '../review/review-meta';
import { renderBlocks } from './blocks';
import type { ImageSizes, RenderEnv } from './render-env';
import type { Sanitize } from './sanitize';

export type { Sanitize } from './sanitize';

export interface RenderedReview {
  /** The body as sanitised HTML; top-level blocks carry `data-line` / `data-line-end`. */
  html: string;
  frontMatter: FrontMatter;
  meta: ReviewMeta;
}

/**
 * The one pipeline: the preview, the CLI `render` command and (later) every exporter read this.
 * `images` gives figures their sizes and marks missing files (the host or CLI reads them from disk).
 */
export function renderReview(source: string, options: { sanitize: Sanitize; images?: ImageSizes }): RenderedReview {
  const frontMatter = parseFrontMatter(source);
  const meta = reviewMeta(frontMatter.data);
  const env: RenderEnv = { lineOffset: frontMatter.block.bodyStartLine, stills: meta.stills, images: options.images ?? {} };
  // Block by block, as the preview sanitises them (renderer/preview/), so the two never differ.
  const html = renderBlocks(frontMatter.block.body, env)
    .map((block) => options.sanitize(block.html))
    .join('');
  return { html, frontMatter, meta };
}
