import type { Sanitize } from '../markdown/sanitize';
import type { ExportTarget } from './targets';

/** What the host knows about one still a review refers to, keyed by its library path. */
export interface StillFacts {
  /** The file exists and can be copied. */
  exists: boolean;
  /** A web-size derivative beside it (`01-a.web.jpg`); exports copy it instead of the original. */
  derivative?: string;
  /** Pixel size of the file that will be exported (Ghost and the web page use it). */
  width?: number;
  height?: number;
  /** The exported file as a `data:` URI, for `--inline`. */
  dataUri?: string;
}

/** Everything an exporter reads. Exporters are pure: the host gathers the facts beforehand. */
export interface ExportInput {
  /** The review file's text (without a byte order mark). */
  source: string;
  /**
   * The review's path relative to the root its stills are resolved in (the library, or the
   * review's own folder for the CLI), with `/` separators: `nosferatu-1922/index.md`.
   */
  reviewPath: string;
  sanitize: Sanitize;
  /** Today, for targets that need a date when the review has none (Jekyll's file name). */
  now: Date;
  stills?: Readonly<Record<string, StillFacts>>;
  /** Embed stills as `data:` URIs instead of copying them (html and richtext). */
  inline?: boolean;
}

/** A text file the export writes, relative to the chosen folder. */
export interface ExportFile {
  path: string;
  content: string;
}

/** A still to copy: `from` a library path (already swapped for its web derivative) `to` an output path. */
export interface ExportAsset {
  from: string;
  to: string;
  /** How the exported text refers to it (relative to the main file). */
  href: string;
}

export interface ExportResult {
  target: ExportTarget;
  slug: string;
  /** The file the critic looks at first (a page, a post); one of `files`. */
  main: string;
  files: ExportFile[];
  assets: ExportAsset[];
  /** Things the critic should know: a still that is missing, raw HTML that was cleaned. */
  warnings: string[];
  /** For richtext: the two clipboard flavours. */
  clipboard?: { html: string; text: string };
}

export type Exporter = (input: ExportInput) => ExportResult;

/**
 * The first line of the front matter of every markdown file an export writes (Hugo, Jekyll). A
 * markdown file without it is never replaced by an export: it may be a review.
 */
export const exportMarker = '# Exported by Intertitle';
