/** The plain-JSON shapes that travel between the renderer and its host. */

export type HostKind = 'electron' | 'http';

export interface AppInfo {
  host: HostKind;
  version: string;
  /** The host can show a native folder picker (Electron); the browser host takes a typed path. */
  canChooseFolder: boolean;
  /** The library open at start, or null when none could be opened. */
  library: LibraryInfo | null;
}

export interface LibraryInfo {
  /** Absolute path of the library folder, as the host sees it. */
  root: string;
  name: string;
  /** True for the sample library Intertitle made on first run. */
  sample: boolean;
}

export type ReviewStatus = 'draft' | 'ready' | 'published';

export interface ReviewSummary {
  /** Path of the review file relative to the library root, with `/` separators. */
  path: string;
  /** The review's headline (front matter `title`), or a fallback from the file name. */
  title: string;
  status: ReviewStatus | null;
  date: string | null;
  film: { title: string | null; year: number | null };
  /** Set when the file could not be read as a review (bad front matter, not UTF-8). */
  problem?: string;
}

export interface LibraryListing {
  library: LibraryInfo;
  reviews: ReviewSummary[];
}

/** Identifies the bytes a buffer was loaded from; a save based on another revision is a conflict. */
export type Revision = string;

export interface ReviewFile {
  path: string;
  /** The file's text without its byte order mark. */
  text: string;
  /** The file started with a UTF-8 byte order mark; saves keep it. */
  bom: boolean;
  revision: Revision;
  /** Set when the file must not be rewritten (e.g. not valid UTF-8); says why. */
  readOnly: string | null;
}

export interface SaveResult {
  revision: Revision;
}

export interface ReviewCreated {
  path: string;
}
