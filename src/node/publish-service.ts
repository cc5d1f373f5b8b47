import { HostError } from '../contract';
import type { ConnectionCheck, PublishResult } from '../publish/contract-types';
import { checkSite, publish } from '../publish/publish';
import { normaliseSiteUrl } from '../publish/site-url';
import { publishTargetLabels, type PublishProgress, type PublishTarget, type SiteCredentials } from '../publish/types';
import { preparePost } from './publish-input';
import { publishPorts } from './publish-ports';
import { writePublishedRecord, type RecordPlace } from './publish-record';

/** Test hooks: a fetch, a shorter timeout, a fixed clock. */
export interface NetworkOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => Date;
}

export interface PublishReviewOptions extends RecordPlace, NetworkOptions {
  target: PublishTarget;
  site: string;
  credentials: SiteCredentials;
  force?: boolean;
  version: string;
  progress?: (progress: PublishProgress) => void;
}

/** Reviews being published now: a second publish of the same one waits for nothing, it is refused. */
const running = new Set<string>();

/**
 * Publishes one review file: reads it and its stills, sends them, and writes `published.<target>`
 * into it (after each upload, and once the post exists) through the editor's own save path.
 */
export async function publishReview(options: PublishReviewOptions): Promise<PublishResult> {
  const site = normaliseSiteUrl(options.site);
  const key = `${options.root}\0${options.path}\0${options.target}`;
  if (running.has(key)) throw new HostError('conflict', `${options.path} is being published to ${publishTargetLabels[options.target]} already; wait for that to finish.`);
  running.add(key);
  try {
    const prepared = await preparePost({ root: options.root, reviewPath: options.path, target: options.target, now: options.now?.() });
    let revision: string | null = null;
    const ports = publishPorts({
      ...options,
      checkpoint: async (record) => {
        revision = await writePublishedRecord(options, options.target, record);
      },
    });
    const outcome = await publish(ports, { site, credentials: options.credentials, post: prepared.post, previous: prepared.previous, force: options.force });
    return {
      target: options.target,
      site,
      id: outcome.record.id ?? '',
      url: outcome.record.url ?? null,
      created: outcome.created,
      uploaded: outcome.uploaded,
      reused: outcome.reused,
      warnings: [...prepared.warnings, ...outcome.warnings],
      revision: revision ?? '',
      record: outcome.record,
    };
  } finally {
    running.delete(key);
  }
}

/** Checks that a site answers and takes the credentials; changes nothing there. */
export async function testConnection(options: NetworkOptions & { site: string; credentials: SiteCredentials; version: string }): Promise<ConnectionCheck> {
  const site = normaliseSiteUrl(options.site);
  const ports = publishPorts({ ...options, checkpoint: async () => {} });
  const found = await checkSite(ports, site, options.credentials);
  const label = publishTargetLabels[options.credentials.target];
  return { ...found, message: `Connected to “${found.name}” (${label})${found.user ? ` as ${found.user}` : ''}.` };
}
