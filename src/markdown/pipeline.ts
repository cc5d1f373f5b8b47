import { parseFrontMatter, type FrontMatter } from '../review/front-matter';
import { reviewMeta, type ReviewMeta } from '../review/review-meta';
import { renderBlocks } from './blocks';
import type { RenderEnv } from './render-env';
import type { Sanitize } from './sanitize';

export type { Sanitize } from './sanitize';

export interface RenderedReview {
  /** The body as sanitised HTML; top-level blocks carry `data-line` / `data-line-end`. */
  html: string;
  frontMatter: FrontMatter;
  meta: ReviewMeta;
}

/** The one pipeline: the preview, the CLI `render` command and (later) every exporter read this. */
export function renderReview(source: string, options: { sanitize: Sanitize }): RenderedReview {
  const frontMatter = parseFrontMatter(source);
  const meta = reviewMeta(frontMatter.data);
  const env: RenderEnv = { lineOffset: frontMatter.block.bodyStartLine, stills: meta.stills };
  // Block by block, as the preview sanitises them (renderer/preview/), so the two never differ.
  const html = renderBlocks(frontMatter.block.body, env)
    .map((block) => options.sanitize(block.html))
    .join('');
  return { html, frontMatter, meta };
}
