import type { StillScene } from './film-still';

/** A still of a sample review: its file under `stills/` and the scene drawn for it. */
export interface SampleStill {
  /** `NN-slug.jpg`, exactly as the markdown and the `stills:` map name it (after `stills/`). */
  file: string;
  scene: () => StillScene;
}

/** One review of the sample library: its page-bundle folder, its markdown and its stills. */
export interface SampleReview {
  /** `<slug>-<year>`, as the library names review folders. */
  folder: string;
  /** The whole `index.md`: front matter and body, LF line endings, trailing newline. */
  markdown: string;
  stills: readonly SampleStill[];
}

/** Joins lines into file text: LF endings and a trailing newline, whatever the source checkout uses. */
export function lines(...text: string[]): string {
  return text.join('\n') + '\n';
}

/** Every still in the sample library is ours: generated, never a frame of the film. */
export const generatedCredit = 'Illustration generated for the Intertitle sample library';
