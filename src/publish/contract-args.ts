import { z } from '../contract/zod';
import { publishTargets } from './types';

// The argument schemas of the publish requests (src/contract/requests.ts), kept here so the
// shared table needs a line per request.

const target = z.enum(publishTargets, { error: 'The platform is wordpress or ghost' });

/** `<target>:<site>`, as `publish.connections` lists it. */
export const connectionIdArg = z
  .string()
  .min(1, 'Choose a site to publish to')
  .max(2100)
  .regex(/^(wordpress|ghost):https?:\/\/\S+$/, 'Not a connection; choose a site from Connections');

export const saveConnectionArgs = z
  .object({
    target,
    site: z.string().trim().min(1, 'Type the address of the site').max(2000, 'That address is too long'),
    user: z.string().trim().max(200, 'That user name is too long').optional(),
    /** The application password or Admin API key; absent keeps the stored one. */
    secret: z.string().max(1000, 'That is too long to be a password or key').optional(),
  })
  .strict();

export const connectionArgs = z.object({ id: connectionIdArg }).strict();

export function publishRunArgs<P extends z.ZodType>(reviewPath: P) {
  return z
    .object({
      path: reviewPath,
      connection: connectionIdArg,
      /** Update the post even though it changed on the site (the critic confirmed). */
      force: z.boolean().optional(),
    })
    .strict();
}
