import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HostError } from '../contract';
import type { ChangedOnSite } from '../publish/types';
import { isPublishTarget, publishTargets, type PublishTarget, type SiteCredentials } from '../publish/types';
import { checkAppPassword } from './publish-connections';
import { publishReview, type NetworkOptions } from './publish-service';

export const publishUsage = `publish <review.md> --to wordpress|ghost --site <url> [--force] [--json]
                                     publish to a blog (credentials from INTERTITLE_WP_USER and
                                     INTERTITLE_WP_APP_PASSWORD, or INTERTITLE_GHOST_ADMIN_KEY)`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

class UsageError extends Error {}

/** Credentials from the environment only: the CLI never stores or prints them. */
export function credentialsFromEnv(target: PublishTarget, env: NodeJS.ProcessEnv): SiteCredentials {
  if (target === 'wordpress') {
    const user = env.INTERTITLE_WP_USER?.trim();
    const password = env.INTERTITLE_WP_APP_PASSWORD;
    if (!user || !password?.trim()) {
      throw new HostError('auth', 'Set INTERTITLE_WP_USER to your WordPress user name and INTERTITLE_WP_APP_PASSWORD to an application password (Users › Profile › Application Passwords).');
    }
    return { target, user, appPassword: checkAppPassword(password) };
  }
  const key = env.INTERTITLE_GHOST_ADMIN_KEY?.trim();
  if (!key) throw new HostError('auth', 'Set INTERTITLE_GHOST_ADMIN_KEY to the Admin API key of a custom integration (Ghost › Settings › Integrations).');
  return { target, adminKey: key };
}

/**
 * `intertitle publish`: publishes a review file and records the post in its front matter.
 * Progress goes to stderr, the post's address to stdout. Exit 0, 1 for a failure (3 when the
 * post changed on the site and --force was not given), 2 for bad usage.
 */
export async function publishCommand(args: string[], io: Io, options: NetworkOptions & { cwd?: string; env?: NodeJS.ProcessEnv; version?: string } = {}): Promise<number> {
  const env = options.env ?? process.env;
  let json = false;
  try {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { to: { type: 'string' }, site: { type: 'string' }, force: { type: 'boolean' }, json: { type: 'boolean' } },
    });
    json = Boolean(values.json);
    if (positionals.length !== 1) throw new UsageError('publish takes one review file.');
    const target = values.to;
    if (target === undefined) throw new UsageError(`Say where to publish with --to ${publishTargets.join('|')}.`);
    if (!isPublishTarget(target)) throw new UsageError(`Unknown platform “${target}”. Publish --to ${publishTargets.join(' or ')}.`);
    if (!values.site) throw new UsageError('Say which site with --site <url>.');
    const file = resolve(options.cwd ?? process.cwd(), positionals[0]!);
    if (!(await stat(file).catch(() => null))?.isFile()) throw new HostError('not-found', `No such file: ${positionals[0]}`);
    const credentials = credentialsFromEnv(target, env);

    const result = await publishReview({
      ...options,
      root: dirname(file),
      path: basename(file),
      target,
      site: values.site,
      credentials,
      force: values.force,
      version: options.version ?? env.npm_package_version ?? '0.0.0',
      progress: json ? undefined : ({ message, done, total }) => io.err(`[${done + 1}/${total}] ${message}\n`),
    });
    for (const warning of result.warnings) io.err(`intertitle: warning: ${warning}\n`);
    if (json) {
      io.out(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      const stills = `${result.uploaded} still${result.uploaded === 1 ? '' : 's'} uploaded, ${result.reused} reused`;
      io.out(`${result.created ? 'Made a draft' : 'Updated the post'} (id ${result.id}; ${stills}): ${result.url ?? result.site}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`intertitle: ${(error as Error).message}\nUsage: intertitle ${publishUsage}\n`);
      return 2;
    }
    if (error instanceof HostError) {
      const changed = (error.details as Partial<ChangedOnSite> | undefined)?.reason;
      const hint = changed === 'changed-on-site' || changed === 'other-site' ? ' Run again with --force to publish anyway.' : '';
      if (json) io.out(`${JSON.stringify({ error: error.toData() }, null, 2)}\n`);
      io.err(`intertitle: ${error.message}${hint}\n`);
      return hint ? 3 : 1;
    }
    throw error;
  }
}
