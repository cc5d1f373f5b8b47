import { z } from './zod';
import type { RequestName } from './request-names';
import type {
  AppInfo,
  LibraryInfo,
  LibraryListing,
  ReviewCreated,
  ReviewFile,
  SaveResult,
} from './types';

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

/** Largest review the host accepts in one save (a 400,000-word review is about 3 MB). */
export const maxReviewChars = 32 * 1024 * 1024;

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
  /** The renderer has saved everything and the window may close (Electron's quit flow). */
  'app.readyToClose': request<null>()(none),
} as const satisfies Record<RequestName, RequestSpec<z.ZodType, unknown>>;

export { isRequestName, requestNames, type RequestName } from './request-names';
export type ArgsOf<N extends RequestName> = z.input<(typeof requests)[N]['args']>;
export type ParsedArgsOf<N extends RequestName> = z.output<(typeof requests)[N]['args']>;
export type ResultOf<N extends RequestName> = Exclude<(typeof requests)[N]['result'], undefined>;
