import { z } from './zod';
import type { RequestName } from './request-names';
import type {
  AppInfo,
  KeepMineResult,
  LibraryInfo,
  LibraryListing,
  LibrarySearchResult,
  RecoveryEntry,
  ReviewCreated,
  ReviewFile,
  SaveResult,
  SearchSnippet,
  TrashResult,
} from './types';
import type { FilmDetails, FilmSearchResult, LookupSettingsStatus } from './types';
import type { ExportPreview, ExportSaved } from './types';
import { exportTargets } from '../export/targets';
import type { PickedStill, StillImported, StillInfo, StillsListing, StillsSettings, StillTrashed } from './types';
import { stillsArgSchemas } from '../stills/contract-args';
import type { ConnectionCheck, PublishConnection, PublishResult } from './types';
import { connectionArgs, publishRunArgs, saveConnectionArgs } from '../publish/contract-args';
import type { SpellingResult, WritingSettings } from './types';
import { spellingWordsArgs, writingSettingsSchema } from '../lint/settings';

/**
 * The one table of what the renderer may ask its host. Both hosts, the typed client and the
 * preload's allow-list are derived from it. Argument schemas are checked on the host side:
 * the renderer is untrusted input.
 */

interface RequestSpec<A extends z.ZodType, R> {
  args: A;
  /** Never set: carries the result type. */
  readonly result?: R;
}

function request<R>() {
  return <A extends z.ZodType>(args: A): RequestSpec<A, R> => ({ args });
}

/** A path relative to the library root, naming a markdown review inside it. */
export const reviewPath = z
  .string()
  .min(1, 'A review path is required')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'A path cannot contain a NUL character')
  .refine((p) => /\.(md|markdown)$/i.test(p), 'A review is a .md file');

const none = z.object({}).strict();

const stillsArgs = stillsArgSchemas(reviewPath);

const filmProvider = z.enum(['tmdb', 'wikidata'], { error: 'The provider is tmdb or wikidata' });

const exportArgs = z
  .object({
    path: reviewPath,
    target: z.enum(exportTargets, { error: `The target is one of ${exportTargets.join(', ')}` }),
    /** Stills inside the file as data URIs (html and richtext). */
    inline: z.boolean().optional(),
  })
  .strict();

/** Largest clipboard text accepted (rich text with its stills embedded). */
const maxClipboardChars = 64 * 1024 * 1024;

/** Largest review the host accepts in one save (a 400,000-word review is about 3 MB). */
export const maxReviewChars = 32 * 1024 * 1024;

/** Names one journaled text of a review (journal.write and journal.edit). */
const journalToken = z.string().regex(/^[a-z0-9-]{1,64}$/, 'Not a journal token');

export const requests = {
  'app.info': request<AppInfo>()(none),
  'library.open': request<LibraryInfo>()(
    z.object({ path: z.string().trim().min(1, 'Type the path of a folder').max(4096) }).strict(),
  ),
  /** Shows the host's folder picker; null when the critic cancels. */
  'library.choose': request<LibraryInfo | null>()(none),
  'library.list': request<LibraryListing>()(none),
  'review.create': request<ReviewCreated>()(
    z
      .object({
        filmTitle: z.string().trim().min(1, 'The film needs a title').max(300),
        year: z.number().int('The year must be a whole number').min(1870).max(2100),
      })
      .strict(),
  ),
  'review.read': request<ReviewFile>()(z.object({ path: reviewPath }).strict()),
  'review.save': request<SaveResult>()(
    z
      .object({
        path: reviewPath,
        text: z.string().max(maxReviewChars, 'The review is too large to save'),
        bom: z.boolean(),
        /** The revision the buffer was loaded from; null for a file the buffer created. */
        baseRevision: z.string().max(200).nullable(),
      })
      .strict(),
  ),
  /** Full-text search of the open library (see docs/library.md). */
  'library.search': request<LibrarySearchResult>()(z.object({ query: z.string().max(500) }).strict()),
  /** Snippets for more results of a search, as the critic scrolls to them. */
  'library.snippets': request<SearchSnippet[]>()(
    z.object({ query: z.string().max(500), paths: z.array(reviewPath).max(200) }).strict(),
  ),
  /** Renames a review's bundle folder (or a loose file) to a portable slug of `name`. */
  'review.rename': request<ReviewCreated>()(
    z.object({ path: reviewPath, name: z.string().trim().min(1, 'Type a new name').max(120) }).strict(),
  ),
  /** Copies a review (its whole bundle, stills included) beside it. */
  'review.duplicate': request<ReviewCreated>()(z.object({ path: reviewPath }).strict()),
  /** Moves a review (its whole bundle) to the trash; see AppInfo.trash for where. */
  'review.trash': request<TrashResult>()(z.object({ path: reviewPath }).strict()),
  /**
   * Saves over a file another program changed, after keeping the disk version beside it as
   * `<name>.conflict-<date>.md`; a conflict again when the disk changed since `theirsRevision`.
   */
  'review.keepMine': request<KeepMineResult>()(
    z
      .object({
        path: reviewPath,
        text: z.string().max(maxReviewChars, 'The review is too large to save'),
        bom: z.boolean(),
        theirsRevision: z.string().max(200).nullable(),
      })
      .strict(),
  ),
  /** Keeps unsaved text in the recovery journal (user data), so a crash loses nothing. */
  'journal.write': request<null>()(
    z
      .object({
        path: reviewPath,
        text: z.string().max(maxReviewChars, 'The review is too large to keep'),
        bom: z.boolean(),
        baseRevision: z.string().max(200).nullable(),
        /** Kept until the critic discards it (a version set aside in a conflict), not replaced by later edits. */
        setAside: z.boolean().optional(),
        /** Names this text, so that `journal.edit` can send only what changes next. */
        token: journalToken.optional(),
      })
      .strict(),
  ),
  /**
   * Journals unsaved text as one edit of the text last journaled for `path` under the token
   * `base` (characters [from, to) become `insert`), so a long draft does not cross whole every
   * second; the host still writes the whole entry. `conflict` when the host does not hold that
   * text (it restarted, or another window journaled since): send the whole text instead.
   */
  'journal.edit': request<null>()(
    z
      .object({
        path: reviewPath,
        base: journalToken,
        token: journalToken,
        from: z.number().int().min(0),
        to: z.number().int().min(0),
        insert: z.string().max(maxReviewChars, 'The review is too large to keep'),
        bom: z.boolean(),
        baseRevision: z.string().max(200).nullable(),
      })
      .strict()
      .refine((edit) => edit.from <= edit.to, 'An edit ends after it starts'),
  ),
  /** The text of `path` was saved: its unsaved-text entry is no longer needed. */
  'journal.clear': request<null>()(z.object({ path: reviewPath }).strict()),
  /** Text the journal holds that differs from the disk, to offer back. */
  'journal.list': request<RecoveryEntry[]>()(none),
  'journal.discard': request<null>()(z.object({ id: z.string().regex(/^[a-z0-9-]{1,80}$/, 'Not a journal entry id') }).strict()),
  /** Films matching a title (or an IMDb id such as tt0013442) in TMDb or Wikidata (docs/lookup.md). */
  'film.search': request<FilmSearchResult>()(
    z
      .object({
        title: z.string().trim().min(1, 'Type the title of the film to look up').max(300),
        year: z.number().int('The year must be a whole number').min(1870).max(2100).optional(),
        provider: filmProvider,
      })
      .strict(),
  ),
  /** One film's facts, mapped to the front matter's `film:` block. */
  'film.details': request<FilmDetails>()(
    z
      .object({
        provider: filmProvider,
        id: z.string().regex(/^(\d{1,10}|Q\d{1,12})$/, 'A film id is a TMDb number or a Wikidata Q-id'),
        /** How many of the cast to keep, in billing order (15 when not given). */
        castLimit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
  ),
  /** Keeps the TMDb read access token in the host's secret store; null or "" removes it. */
  'settings.tmdbToken.set': request<LookupSettingsStatus>()(
    z.object({ token: z.string().max(4096, 'That is too long to be a TMDb token').nullable() }).strict(),
  ),
  /** Whether lookups are set up (never the token itself). */
  'settings.status': request<LookupSettingsStatus>()(none),
  /** Exports a review as saved on disk, writing nothing: the files' text and the stills it would copy. */
  'export.run': request<ExportPreview>()(exportArgs),
  /** Writes an export into a folder (typed, or chosen in the host's picker when absent); null when cancelled. */
  'export.save': request<ExportSaved | null>()(
    exportArgs.extend({ outDir: z.string().trim().min(1, 'Type the path of a folder').max(4096).refine((p) => !p.includes('\0'), 'A path cannot contain a NUL character').optional() }),
  ),
  /** Puts HTML and plain text on the system clipboard; `unsupported` where the host has none (the browser). */
  'clipboard.write': request<null>()(z.object({ html: z.string().max(maxClipboardChars).optional(), text: z.string().max(maxClipboardChars) }).strict()),
  /** A review's stills: its `stills/` folder and the images its text refers to, with sizes (docs/stills.md). */
  'stills.list': request<StillsListing>()(stillsArgs.list),
  /** Copies a picture (its bytes, or a file chosen with `stills.choose`) into the review's `stills/` folder. */
  'stills.import': request<StillImported>()(stillsArgs.import),
  /** The host's file dialog for pictures (Electron); null when cancelled, `unsupported` in the browser. */
  'stills.choose': request<PickedStill[] | null>()(none),
  /** Moves a still and its web derivative to the trash. */
  'stills.trash': request<StillTrashed>()(stillsArgs.still),
  /** Makes the web-size derivative of a still that has none. */
  'stills.derive': request<StillInfo>()(stillsArgs.still),
  /** Changes the library's settings for stills (web size, default credit). */
  'stills.settings.set': request<StillsSettings>()(stillsArgs.settings),
  /** The sites the critic publishes to (docs/publishing.md); never their passwords or keys. */
  'publish.connections': request<PublishConnection[]>()(none),
  /** Adds or changes a site; the secret goes to the host's keychain (absent: the stored one is kept). */
  'publish.connection.save': request<PublishConnection>()(saveConnectionArgs),
  'publish.connection.remove': request<null>()(connectionArgs),
  /** Checks that the site answers and takes the credentials, changing nothing there. */
  'publish.connection.test': request<ConnectionCheck>()(connectionArgs),
  /** Publishes the review as saved on disk; progress arrives as `publish.progress` events. */
  'publish.run': request<PublishResult>()(publishRunArgs(reviewPath)),
  /** The open library's writing-check settings and default target length (docs/writing-aids.md). */
  'writing.settings.get': request<WritingSettings>()(none),
  'writing.settings.set': request<WritingSettings>()(z.object({ settings: writingSettingsSchema }).strict()),
  /** Adds the film's names to the host's spellchecker as known words (Electron); the browser host adds none. */
  'spelling.addWords': request<SpellingResult>()(spellingWordsArgs),
  /** The renderer has saved everything and the window may close (Electron's quit flow). */
  'app.readyToClose': request<null>()(none),
} as const satisfies Record<RequestName, RequestSpec<z.ZodType, unknown>>;

export { isRequestName, requestNames, type RequestName } from './request-names';
export type ArgsOf<N extends RequestName> = z.input<(typeof requests)[N]['args']>;
export type ParsedArgsOf<N extends RequestName> = z.output<(typeof requests)[N]['args']>;
export type ResultOf<N extends RequestName> = Exclude<(typeof requests)[N]['result'], undefined>;
