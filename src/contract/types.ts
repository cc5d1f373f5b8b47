/** The plain-JSON shapes that travel between the renderer and its host. */

import type { ExportResult } from '../export/types';

export type HostKind = 'electron' | 'http';

export interface AppInfo {
  host: HostKind;
  version: string;
  /** The host can show a native folder picker (Electron); the browser host takes a typed path. */
  canChooseFolder: boolean;
  /** Where a trashed review goes on this host. */
  trash?: TrashKind;
  /** The host can show a native file dialog for stills (Electron); the browser uploads instead. */
  canChooseStills?: boolean;
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
  /** The film's title, year and directors' names (DESIGN §4 `film`). */
  film: { title: string | null; year: number | null; directors: string[] };
  /** Out of `ratingScale`; null when unrated. */
  rating: number | null;
  /** `rating_scale` of the review, 5 when not given. */
  ratingScale: number;
  tags: string[];
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

/** How far the search index has got; search covers the reviews indexed so far. */
export interface IndexProgress {
  done: number;
  total: number;
}

/** A passage of a review around a search match; `ranges` are [start, end) of each match in `text`. */
export interface SearchSnippet {
  path: string;
  text: string;
  ranges: Array<[number, number]>;
}

export interface LibrarySearchResult {
  query: string;
  /** Every review matching all words of the query, best first. */
  paths: string[];
  /** Snippets of the first results; `library.snippets` gives more. */
  snippets: SearchSnippet[];
  /** Set while the index is still being built. */
  indexing: IndexProgress | null;
}

/** Where `review.trash` puts a review: the system trash (Electron) or a folder in Intertitle's app data. */
export type TrashKind = 'system' | 'app-folder';

export interface TrashResult {
  /** Where the review went when it is not the system trash (so the critic can find it). */
  trashedTo: string | null;
}

export interface KeepMineResult {
  revision: Revision;
  /** Library path of the copy the disk version was kept as, or null when the file was gone. */
  keptAs: string | null;
}

/** Text from the recovery journal: unsaved when Intertitle stopped, or set aside in a conflict. */
export interface RecoveryEntry {
  id: string;
  path: string;
  text: string;
  bom: boolean;
  /** The revision the text was based on. */
  baseRevision: Revision | null;
  /** ISO time the text was journaled. */
  savedAt: string;
  kind: 'unsaved' | 'set-aside';
  /** The revision on disk now; null when the file is gone. */
  diskRevision: Revision | null;
}

/** A film database Intertitle can look films up in (docs/lookup.md). */
export type FilmProvider = 'tmdb' | 'wikidata';

/** A film found by `film.search`, for the critic to choose from. */
export interface FilmCandidate {
  provider: FilmProvider;
  /** The provider's id: TMDb's number as text, or a Wikidata Q-id. */
  id: string;
  title: string;
  originalTitle: string | null;
  year: number | null;
  directors: string[];
  /** A small poster as a data: URL (the renderer's CSP allows no remote images); null when none. */
  poster: string | null;
  /** Wikidata's one-line description ("1922 film by F. W. Murnau"); null for TMDb. */
  description: string | null;
}

export interface FilmSearchResult {
  provider: FilmProvider;
  candidates: FilmCandidate[];
}

export interface FilmCastMember {
  name: string;
  character?: string;
}

/** A film's facts in the shape of the front matter's `film:` block (DESIGN §4); empty when unknown. */
export interface FilmFacts {
  title: string | null;
  original_title: string | null;
  year: number | null;
  /** Minutes. */
  runtime: number | null;
  /** ISO 3166-1 alpha-2 codes. */
  countries: string[];
  /** ISO 639-1 codes (639-3 where a language has no 639-1 code). */
  languages: string[];
  genres: string[];
  directors: string[];
  writers: string[];
  cinematographers: string[];
  editors: string[];
  composers: string[];
  /** In billing order. */
  cast: FilmCastMember[];
  ids: { tmdb: number | null; imdb: string | null; wikidata: string | null; letterboxd: string | null };
}

export interface FilmDetails {
  provider: FilmProvider;
  id: string;
  film: FilmFacts;
  /** The film's page on the provider's site, for the critic to check. */
  url: string;
  /** What the mapping had to leave out, as sentences. */
  notes: string[];
}

export interface LookupSettingsStatus {
  tmdb: {
    configured: boolean;
    /** Where the token comes from: the OS keychain, INTERTITLE_TMDB_TOKEN, or this run only. */
    source: 'keychain' | 'environment' | 'session' | null;
    /** A token the critic types is kept across restarts (Electron's safeStorage). */
    persistent: boolean;
  };
}

export type { ExportTarget } from '../export/targets';

/** An export made but not written (`export.run`): its files' text and the stills it would copy. */
export interface ExportPreview extends ExportResult {
  /** The review it was made from. */
  reviewPath: string;
}

/** What `export.save` wrote, by absolute path, and what the critic should know about it. */
export interface ExportSaved {
  outDir: string;
  written: string[];
  warnings: string[];
}

export type { PickedStill, StillImported, StillInfo, StillsListing, StillsSettings, StillTrashed } from '../stills/types';

export type { ConnectionCheck, PublishConnection, PublishProgressEvent, PublishResult, PublishTarget, PublishedRecord } from '../publish/contract-types';

export type { WritingSettings } from '../lint/settings';

/** What `spelling.addWords` did: how many words the host's spellchecker took (0 in the browser host). */
export interface SpellingResult {
  added: number;
}
