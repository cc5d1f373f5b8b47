import type { ReviewMeta } from '../review/review-meta';

/**
 * What one render hands the markdown-it rules, through markdown-it's `env` (plugins add to it).
 * A type alias, not an interface, so it fits markdown-it's index-signature `Env`.
 */
export type RenderEnv = {
  /** Lines before the body (the front matter), so `data-line` numbers are lines of the whole file. */
  lineOffset?: number;
  /** Per-still facts from the front matter; figures take their credit from here. */
  stills?: ReviewMeta['stills'];
};
