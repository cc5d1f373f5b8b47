import type { Client, Revision } from '../../src/contract';

/** What the journal needs to know of a buffer at the moment it writes. */
export interface JournalSource {
  path: string;
  text(): string;
  bom: boolean;
  baseRevision: Revision | null;
  /** Only unsaved text is journaled. */
  dirty: boolean;
}

/**
 * Keeps one review's unsaved text in the host's recovery journal: at most `delayMs` after the
 * first unjournaled change (not reset by further typing, so a critic who never pauses is
 * covered too), cleared once the text is saved. Calls go out in order, one at a time.
 */
export class JournalWriter {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private written = false;
  private error: string | null = null;
  private stopped = false;

  constructor(
    private client: Pick<Client, 'call'>,
    private source: JournalSource,
    private delayMs: number,
    private onProblem: () => void,
  ) {}

  /** Why the last write failed, or null. */
  get problem(): string | null {
    return this.error;
  }

  changed(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.source.dirty) this.write();
    }, this.delayMs);
  }

  /** Journals the current text now. */
  write(): void {
    if (this.stopped) return;
    const { path, bom, baseRevision } = this.source;
    const args = { path, text: this.source.text(), bom, baseRevision };
    this.written = true;
    this.chain = this.chain
      .then(() => this.client.call('journal.write', args))
      .then(
        () => this.setProblem(null),
        (error: unknown) => this.setProblem(error instanceof Error ? error.message : String(error)),
      );
  }

  /** The text was saved (or replaced by the disk's): its entry is no longer needed. */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.written) return;
    this.written = false;
    const { path } = this.source;
    this.chain = this.chain
      .then(() => this.client.call('journal.clear', { path }))
      .catch(() => {
        // A stale entry is harmless: at the next start it equals the file and is dropped.
      });
  }

  /** Resolves when the calls issued so far are done. */
  async settled(): Promise<void> {
    await this.chain;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setProblem(message: string | null): void {
    if (this.error === message) return;
    this.error = message;
    this.onProblem();
  }
}
