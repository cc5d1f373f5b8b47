import { parseFrontMatter, type FrontMatter } from '../review/front-matter';
import { reviewMeta, type ReviewMeta } from '../review/review-meta';
import { markdown } from './markdown';
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
  const html = options.sanitize(markdown.render(frontMatter.block.body, env));
  return { html, frontMatter, meta };
}
