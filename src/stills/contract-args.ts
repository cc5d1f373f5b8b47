import { z } from '../contract/zod';
import { maxStillUploadBytes } from './types';

/** Longest base64 text of a still sent in a request. */
const maxBase64Chars = Math.ceil(maxStillUploadBytes / 3) * 4;

/**
 * The argument schemas of the `stills.*` requests (src/contract/requests.ts). Built from the
 * table's own review-path schema, which is passed in rather than imported to keep the two
 * modules free of an import cycle.
 */
export function stillsArgSchemas(reviewPath: z.ZodType<string>) {
  /** An image path as a review writes it (`stills/01-a.jpg`); the host confines it to the library. */
  const src = z
    .string()
    .trim()
    .min(1, 'Name the still')
    .max(4096)
    .refine((p) => !p.includes('\0'), 'A path cannot contain a NUL character');
  return {
    list: z
      .object({
        path: reviewPath,
        /** Images the review's text refers to, as written. */
        refs: z.array(z.string().max(4096)).max(1000, 'A review can refer to at most 1,000 images'),
      })
      .strict(),
    import: z
      .object({
        path: reviewPath,
        /** The picture's file name, for messages and the new name's slug. */
        name: z.string().trim().min(1, 'The picture needs a file name').max(255),
        /** The picture's bytes, base64. */
        data: z
          .string()
          .min(1, 'The picture is empty (0 bytes): there is nothing to add.')
          .max(maxBase64Chars, `The picture is larger than ${maxStillUploadBytes / (1024 * 1024)} MB; save a smaller copy and add that.`)
          .optional(),
        /** A file chosen in the host's dialog (`stills.choose`). */
        picked: z.string().regex(/^[a-z0-9]{8,40}$/, 'Not a chosen file').optional(),
        /** The caption the still will have, which names the file. */
        caption: z.string().max(2000).optional(),
      })
      .strict()
      .refine((args) => (args.data === undefined) !== (args.picked === undefined), "Send either the picture's bytes or a chosen file"),
    still: z.object({ path: reviewPath, src }).strict(),
    settings: z
      .object({
        webSize: z
          .number()
          .int('The web size is a whole number of pixels')
          .min(480, 'The web size is at least 480 pixels')
          .max(8000, 'The web size is at most 8,000 pixels')
          .optional(),
        defaultCredit: z.string().max(300, 'The default credit is at most 300 characters').optional(),
      })
      .strict(),
  };
}
