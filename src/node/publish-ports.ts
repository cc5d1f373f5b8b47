import { createHmac } from 'node:crypto';
import type { PublishPorts, PublishProgress, PublishedRecord } from '../publish/types';

/** How long one request to a blog may take, its body included (a large still on a slow line). */
export const defaultPublishTimeoutMs = 120_000;

export interface PublishPortOptions {
  version: string;
  checkpoint: (record: PublishedRecord) => Promise<void>;
  progress?: (progress: PublishProgress) => void;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => Date;
}

/** The ports the pure publisher needs, from Node's own fetch, timers, clock and crypto. */
export function publishPorts(options: PublishPortOptions): PublishPorts {
  const fetchImpl = options.fetch ?? fetch;
  return {
    fetch: async (url, init) => {
      const { body, ...rest } = init;
      return fetchImpl(url, { ...rest, ...(body === undefined ? {} : { body }) } as RequestInit);
    },
    timeoutSignal: (ms) => AbortSignal.timeout(ms),
    timeoutMs: options.timeoutMs ?? defaultPublishTimeoutMs,
    now: options.now ?? (() => new Date()),
    userAgent: `Intertitle/${options.version} node/${process.versions.node}`,
    hmacSha256: (key, data) => new Uint8Array(createHmac('sha256', key).update(data).digest()),
    progress: options.progress,
    checkpoint: options.checkpoint,
  };
}
