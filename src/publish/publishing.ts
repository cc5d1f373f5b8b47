import { HostError } from '../contract/envelope';
import { sameSite } from './site-url';
import { readableTime } from './time-text';
import type { ChangedOnSite, MediaRecord, PublishedRecord, PublishOutcome, PublishPorts, PublishRequest, StillUpload } from './types';

/** UTC time to the second, as the record keeps it. */
export function recordTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * One publish in progress, whatever the platform: progress, warnings, the record as it grows
 * (kept in the review after every upload and once the post exists, so a failure or a crash
 * leaves a record that a retry reuses instead of uploading or posting twice), and the checks
 * that stop a publish from overwriting someone else's changes on the site.
 */
export class Publishing {
  readonly warnings: string[] = [];
  /** The earlier publish to this same site, if any. */
  readonly previous: PublishedRecord | null;
  private readonly request: PublishRequest;
  private done = 0;
  private media: Record<string, MediaRecord> = {};
  private uploadedKeys: string[] = [];
  private reusedCount = 0;
  private post: Pick<PublishedRecord, 'id' | 'url'> | null = null;
  private readonly total: number;

  /** `steps`: how many progress steps the platform takes, besides checking a recorded post. */
  constructor(
    private readonly ports: PublishPorts,
    request: PublishRequest,
    steps: number,
  ) {
    this.request = request;
    const previous = request.previous;
    if (previous && !sameSite(previous.site, request.site)) {
      if (!request.force) {
        throw new HostError(
          'conflict',
          `This review was published to ${previous.site}${previous.url ? ` (${previous.url})` : ''}. Publishing to ${request.site} makes a new post there, and the review will then remember only the new one.`,
          { reason: 'other-site', url: previous.url ?? null, recorded: previous.site, current: request.site },
        );
      }
      this.previous = null;
    } else {
      this.previous = previous;
      // Kept from earlier publishes, including stills the review no longer shows: they stay on the site.
      this.media = { ...(previous?.media ?? {}) };
      this.post = previous?.id !== undefined && previous.id !== null ? { id: previous.id, url: previous.url } : null;
    }
    this.total = steps + (this.previousId !== null ? 1 : 0);
  }

  get previousId(): number | string | null {
    const id = this.previous?.id;
    return id === undefined || id === null || id === '' ? null : id;
  }

  step(message: string): void {
    this.done = Math.min(this.done + 1, this.total);
    this.ports.progress?.({ message, done: this.done - 1, total: this.total });
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  hashOf(still: StillUpload): string {
    return still.sha256.slice(0, 16);
  }

  /** The recorded upload of this very file, if any. */
  reusable(still: StillUpload): MediaRecord | null {
    const known = this.media[still.key];
    return known && known.hash === this.hashOf(still) ? known : null;
  }

  async uploaded(still: StillUpload, record: MediaRecord): Promise<void> {
    this.media[still.key] = record;
    this.uploadedKeys.push(still.key);
    await this.keep(this.current(), false);
  }

  async reused(still: StillUpload, record: MediaRecord): Promise<void> {
    this.media[still.key] = record;
    this.reusedCount++;
  }

  /**
   * Stops (conflict) when the post changed on the site since it was last published from here,
   * unless the critic said to update it anyway.
   */
  checkChanged(recorded: string | null, current: string | null, url: string | null, how: string): void {
    if (this.request.force || recorded === null || current === null || recorded === current) return;
    const details: ChangedOnSite = { reason: 'changed-on-site', url, recorded, current };
    throw new HostError(
      'conflict',
      `The post${url ? ` at ${url}` : ''} was ${how} since Intertitle last published it (last changed there ${readableTime(current)}). Publishing again would replace those changes with the review.`,
      details,
    );
  }

  /** The post exists on the site: it is recorded before anything else can fail. */
  async finish(post: Omit<PublishedRecord, 'site' | 'at' | 'media'>, created: boolean): Promise<PublishOutcome> {
    this.post = { id: post.id, url: post.url };
    const record: PublishedRecord = { ...this.current(), at: recordTime(this.ports.now()), ...post };
    this.step('Recording the post in the review…');
    await this.keep(record, true);
    return { record, created, uploaded: this.uploadedKeys.length, reused: this.reusedCount, warnings: this.warnings };
  }

  /** A failure, with what already exists on the site and is kept in the review for the retry. */
  annotate(error: unknown): unknown {
    if (!(error instanceof HostError) || this.uploadedKeys.length === 0) return error;
    const count = this.uploadedKeys.length;
    const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
    return new HostError(
      error.code,
      `${error.message} ${count === 1 ? 'One still was' : `${count} stills were`} uploaded before that (${this.uploadedKeys.join(', ')}); the review records ${count === 1 ? 'it' : 'them'}, so publishing again reuses ${count === 1 ? 'it' : 'them'} instead of uploading ${count === 1 ? 'it' : 'them'} twice.`,
      { ...details, uploaded: [...this.uploadedKeys] },
    );
  }

  private current(): PublishedRecord {
    const record: PublishedRecord = { site: this.request.site };
    if (this.post?.id !== undefined) record.id = this.post.id;
    if (this.post?.url) record.url = this.post.url;
    // Until the post itself is saved, its time and version stay those of the last publish.
    if (this.previous?.at) record.at = this.previous.at;
    if (this.previous?.modified_gmt) record.modified_gmt = this.previous.modified_gmt;
    if (this.previous?.updated_at) record.updated_at = this.previous.updated_at;
    if (Object.keys(this.media).length) record.media = { ...this.media };
    return record;
  }

  private async keep(record: PublishedRecord, postSaved: boolean): Promise<void> {
    try {
      await this.ports.checkpoint(record);
    } catch (error) {
      const what = postSaved ? `The post is on the site${record.url ? ` at ${record.url}` : ''} (id ${record.id}), but` : 'The upload worked, but';
      const message = error instanceof Error ? error.message : String(error);
      throw new HostError(
        error instanceof HostError ? error.code : 'io',
        `${what} Intertitle could not record it in the review: ${message} Fix that before publishing again, or the next publish makes a second copy.`,
        { record },
      );
    }
  }
}
