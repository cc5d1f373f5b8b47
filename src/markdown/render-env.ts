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
  /**
   * Sizes of the review's images by the path as written (src/stills), supplied by the host: a
   * figure gets `width`/`height` so the preview does not jump as it loads; null marks a file that
   * is missing, shown as a placeholder. Images not in the map render without either.
   */
  images?: ImageSizes;
};

/** Image sizes by the path as written; null: the file is missing. */
export type ImageSizes = Record<string, { width: number; height: number } | null>;
