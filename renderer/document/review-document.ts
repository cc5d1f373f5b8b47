import { HostError, type Client, type ReviewFile, type Revision } from '../../src/contract';

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string; retrying: boolean }
  | { kind: 'conflict'; message: string }
  | { kind: 'read-only'; message: string };

export interface DocumentTiming {
  /** Pause in typing after which the review is saved. */
  autosaveMs: number;
  /** First wait before retrying a failed save; doubles up to a minute. */
  retryMs: number;
}

export const defaultTiming: DocumentTiming = { autosaveMs: 1000, retryMs: 3000 };

/**
 * One open review and its saving: autosave after a pause, one save in flight at a time, the
 * revision each save was based on, and a buffer that stays dirty until a save of exactly its
 * text succeeded (DESIGN §6). Knows nothing of CodeMirror or React: the editor hands it a way
 * to read the current text and tells it when the text changed.
 */
export class ReviewDocument {
  readonly path: string;
  readonly bom: boolean;
  readonly readOnly: string | null;
  /** The line break the file uses; the editor joins lines with it when saving. */
  readonly lineBreak: '\n' | '\r\n';
  /** Set when the file mixed line breaks: they are saved as `lineBreak`. */
  readonly mixedLineBreaks: boolean;
  readonly initialText: string;

  private revision: Revision;
  private version = 0;
  private savedVersion = 0;
  private state: SaveState;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay: number;
  private inFlight: Promise<void> | null = null;
  private readText: () => string;
  private listeners = new Set<() => void>();
  private disposed = false;

  constructor(
    private client: Pick<Client, 'call'>,
    file: ReviewFile,
    private timing: DocumentTiming = defaultTiming,
  ) {
    this.path = file.path;
    this.bom = file.bom;
    this.readOnly = file.readOnly;
    this.revision = file.revision;
    this.initialText = file.text;
    const crlf = (file.text.match(/\r\n/g) ?? []).length;
    const lf = (file.text.match(/\n/g) ?? []).length - crlf;
    this.lineBreak = crlf > lf ? '\r\n' : '\n';
    this.mixedLineBreaks = crlf > 0 && lf > 0;
    this.retryDelay = timing.retryMs;
    this.readText = () => file.text;
    this.state = file.readOnly ? { kind: 'read-only', message: file.readOnly } : { kind: 'saved' };
  }

  /** The editor's current text, joined with the file's line break. */
  attach(readText: () => string): void {
    this.readText = readText;
  }

  get saveState(): SaveState {
    return this.state;
  }

  get dirty(): boolean {
    return this.version !== this.savedVersion;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setState(state: SaveState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  /** The text changed in the editor. Cheap: called on every keystroke. */
  changed(): void {
    if (this.readOnly || this.disposed) return;
    this.version++;
    if (this.state.kind !== 'dirty' && this.state.kind !== 'saving' && this.state.kind !== 'conflict') {
      this.setState({ kind: 'dirty' });
    }
    if (this.state.kind !== 'conflict') this.schedule(this.timing.autosaveMs);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.save();
    }, ms);
  }

  /** Saves now if there is anything to save; resolves when the text is on disk or failed. */
  async save(): Promise<void> {
    if (this.readOnly) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    // One save at a time; a change made during a save is saved right after it.
    while (this.inFlight) await this.inFlight;
    if (!this.dirty || this.state.kind === 'conflict') return;
    this.inFlight = this.saveOnce().finally(() => {
      this.inFlight = null;
    });
    await this.inFlight;
  }

  private async saveOnce(): Promise<void> {
    const version = this.version;
    const text = this.readText();
    this.setState({ kind: 'saving' });
    try {
      const { revision } = await this.client.call('review.save', {
        path: this.path,
        text,
        bom: this.bom,
        baseRevision: this.revision,
      });
      this.revision = revision;
      this.savedVersion = version;
      this.retryDelay = this.timing.retryMs;
      this.setState(this.dirty ? { kind: 'dirty' } : { kind: 'saved' });
      if (this.dirty) this.schedule(this.timing.autosaveMs);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof HostError && error.code === 'conflict') {
        // Never retried: writing would overwrite another program's newer text.
        this.setState({ kind: 'conflict', message });
        return;
      }
      this.setState({ kind: 'failed', message, retrying: !this.disposed });
      if (!this.disposed) {
        this.schedule(this.retryDelay);
        this.retryDelay = Math.min(this.retryDelay * 2, 60_000);
      }
    }
  }

  /** Saves pending changes before the review is closed, switched away from or the app quits. */
  async flush(): Promise<void> {
    if (this.dirty) await this.save();
  }

  /** Stops timers; call after a final flush. */
  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }
}
