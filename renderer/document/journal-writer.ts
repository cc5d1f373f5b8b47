import { HostError, type Client, type Revision } from '../../src/contract';
import { textEdit } from '../preview/text-diff';

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
 * A text this long (about 5,000 words) is journaled as an edit of the text journaled before it:
 * sending a 3 MB draft whole every 0.7 s cost the page ~60 ms each time (docs/performance.md).
 */
export const JOURNAL_EDIT_MIN_CHARS = 32 * 1024;

let tokens = 0;
/** A name for one journaled text, unique enough across windows sharing a host. */
function newToken(): string {
  return `${(++tokens).toString(36)}-${Math.random().toString(36).slice(2, 12) || '0'}`;
}

/**
 * Keeps one review's unsaved text in the host's recovery journal: at most `delayMs` after the
 * first unjournaled change (not reset by further typing, so a critic who never pauses is
 * covered too), cleared once the text is saved. Calls go out in order, one at a time. A long
 * text goes as one edit of the text the host last journaled for it (`journal.edit`); when the
 * host no longer holds that text, or after any failure, the whole text goes again.
 */
export class JournalWriter {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private written = false;
  private error: string | null = null;
  private stopped = false;
  /** The text the host holds for this review, and its token; null when unknown. */
  private held: { token: string; text: string } | null = null;

  constructor(
    private client: Pick<Client, 'call'>,
    private source: JournalSource,
    private delayMs: number,
    private onProblem: () => void,
    private editMinChars = JOURNAL_EDIT_MIN_CHARS,
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
      .then(() => this.send(args))
      .then(
        () => this.setProblem(null),
        (error: unknown) => this.setProblem(error instanceof Error ? error.message : String(error)),
      );
  }

  private async send(args: { path: string; text: string; bom: boolean; baseRevision: Revision | null }): Promise<void> {
    const base = this.held;
    // Until this call answers, the host may hold either text.
    this.held = null;
    const token = newToken();
    if (base && args.text.length >= this.editMinChars) {
      try {
        const { path, bom, baseRevision } = args;
        await this.client.call('journal.edit', { path, bom, baseRevision, base: base.token, token, ...textEdit(base.text, args.text) });
        this.held = { token, text: args.text };
        return;
      } catch (error) {
        // The host restarted or another window journaled this review: send it whole.
        if (!(error instanceof HostError && error.code === 'conflict')) throw error;
      }
    }
    await this.client.call('journal.write', { ...args, token });
    this.held = { token, text: args.text };
  }

  /** The text was saved (or replaced by the disk's): its entry is no longer needed. */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.written) return;
    this.written = false;
    const { path } = this.source;
    this.chain = this.chain
      .then(() => {
        // After the writes before it, so none of them holds a base again.
        this.held = null;
        return this.client.call('journal.clear', { path });
      })
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
