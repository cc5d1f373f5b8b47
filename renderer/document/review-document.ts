import { HostError, type Client, type RecoveryEntry, type ReviewFile, type Revision } from '../../src/contract';
import { JournalWriter } from './journal-writer';

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string; retrying: boolean }
  /** The file on disk is not the revision the buffer is based on; `theirs` is its revision when known. */
  | { kind: 'conflict'; message: string; theirs?: Revision | null }
  /** The file was deleted or moved by another program; the buffer waits for an explicit save. */
  | { kind: 'missing'; message: string; renamedTo: string | null }
  | { kind: 'read-only'; message: string };

export interface DocumentTiming {
  /** Pause in typing after which the review is saved. */
  autosaveMs: number;
  /** First wait before retrying a failed save; doubles up to a minute. */
  retryMs: number;
  /** Longest time typed text waits before it is in the recovery journal. */
  journalMs?: number;
}

export const defaultTiming = { autosaveMs: 1000, retryMs: 3000, journalMs: 700 } satisfies DocumentTiming;

/** What the host said changed on disk (the `review.changedOnDisk` event). */
export interface DiskChange {
  revision: Revision | null;
  renamedTo?: string;
}

/**
 * One open review and its saving: autosave after a pause, one save in flight at a time, the
 * revision each save was based on, and a buffer that stays dirty until a save of exactly its
 * text succeeded (DESIGN §6). Unsaved text goes to the host's recovery journal within a second.
 * Outside changes reload a clean buffer and put a dirty one in conflict; nothing is ever
 * replaced without the critic's say. Knows nothing of CodeMirror or React: the editor hands it a
 * way to read (and, for reloads, replace) the text and tells it when the text changed.
 */
export class ReviewDocument {
  readonly path: string;
  bom: boolean;
  readonly readOnly: string | null;
  /** The line break the file uses; the editor joins lines with it when saving. */
  readonly lineBreak: '\n' | '\r\n';
  /** Set when the file mixed line breaks: they are saved as `lineBreak`. */
  readonly mixedLineBreaks: boolean;
  readonly initialText: string;

  private revision: Revision | null;
  private version = 0;
  private savedVersion = 0;
  private state: SaveState;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay: number;
  private inFlight: Promise<void> | null = null;
  private readText: () => string;
  private replaceText: ((text: string) => void) | null = null;
  /** Set while text from disk is put into the editor: that is not an edit. */
  private applyingDiskText = false;
  private listeners = new Set<() => void>();
  private disposed = false;
  private journal: JournalWriter;

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
    this.journal = new JournalWriter(client, this, timing.journalMs ?? defaultTiming.journalMs, () => this.notify());
    if (file.readOnly) this.journal.stop();
  }

  /**
   * A document holding text from the recovery journal, unsaved and based on the revision it was
   * typed against: if the disk changed since, its first save meets a conflict, never overwrites.
   * `disk` is null when the file no longer exists.
   */
  static restore(client: Pick<Client, 'call'>, entry: RecoveryEntry, disk: ReviewFile | null, timing = defaultTiming): ReviewDocument {
    const file: ReviewFile = { path: entry.path, text: entry.text, bom: entry.bom, revision: entry.baseRevision ?? '', readOnly: null };
    const document = new ReviewDocument(client, file, timing);
    document.revision = disk === null ? null : entry.baseRevision;
    document.version = 1;
    if (disk === null) {
      document.state = { kind: 'missing', message: `${entry.path} no longer exists on disk. Save to write it again.`, renamedTo: null };
    } else {
      document.state = { kind: 'dirty' };
      document.schedule(timing.autosaveMs);
    }
    // Journaled again under this review's own entry at once, so a set-aside entry can go.
    document.journal.write();
    return document;
  }

  /** The editor's current text, joined with the file's line break. */
  attach(readText: () => string): void {
    this.readText = readText;
  }

  /** How the editor replaces its text with a version from disk (keeping the cursor near where it was). */
  onReplace(replaceText: (text: string) => void): () => void {
    this.replaceText = replaceText;
    return () => {
      if (this.replaceText === replaceText) this.replaceText = null;
    };
  }

  get saveState(): SaveState {
    return this.state;
  }

  get dirty(): boolean {
    return this.version !== this.savedVersion;
  }

  /** The revision the buffer is based on (null for a file that no longer exists). */
  get baseRevision(): Revision | null {
    return this.revision;
  }

  /** Why unsaved text could not be put in the recovery journal, if it could not. */
  get journalProblem(): string | null {
    return this.journal.problem;
  }

  text(): string {
    return this.readText();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setState(state: SaveState): void {
    this.state = state;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** The text changed in the editor. Cheap: called on every keystroke. */
  changed(): void {
    if (this.readOnly || this.disposed || this.applyingDiskText) return;
    this.version++;
    const kind = this.state.kind;
    if (kind !== 'dirty' && kind !== 'saving' && kind !== 'conflict' && kind !== 'missing') this.setState({ kind: 'dirty' });
    if (kind !== 'conflict' && kind !== 'missing') this.schedule(this.timing.autosaveMs);
    this.journal.changed();
  }

  private schedule(ms: number): void {
    this.cancelAutosave();
    this.timer = setTimeout(() => {
      this.timer = null;
      // Autosave never writes over a conflict or re-creates a file someone removed: that is the critic's call.
      if (this.state.kind !== 'conflict' && this.state.kind !== 'missing') void this.save();
    }, ms);
  }

  private cancelAutosave(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Saves now if there is anything to save; resolves when the text is on disk or failed. An
   * explicit save also writes a review deleted on disk again; a conflict is resolved only
   * through keepMine or takeTheirs.
   */
  async save(): Promise<void> {
    if (this.readOnly) return;
    this.cancelAutosave();
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
      this.savedAt(version, revision);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof HostError && error.code === 'conflict') {
        // Never retried: writing would overwrite another program's newer text.
        this.setState({ kind: 'conflict', message, theirs: theirsOf(error) });
        return;
      }
      this.setState({ kind: 'failed', message, retrying: !this.disposed });
      if (!this.disposed) {
        this.schedule(this.retryDelay);
        this.retryDelay = Math.min(this.retryDelay * 2, 60_000);
      }
    }
  }

  /** A save of `version` succeeded as `revision`. */
  private savedAt(version: number, revision: Revision): void {
    this.revision = revision;
    this.savedVersion = version;
    this.retryDelay = this.timing.retryMs;
    this.setState(this.dirty ? { kind: 'dirty' } : { kind: 'saved' });
    if (this.dirty) this.schedule(this.timing.autosaveMs);
    else this.journal.clear();
  }

  /** Saves pending changes before the review is closed, switched away from or the app quits. */
  async flush(): Promise<void> {
    if (this.dirty && this.state.kind !== 'missing') await this.save();
  }

  /**
   * Another program changed, deleted or moved the file. A clean buffer takes the new text; a
   * dirty one keeps the critic's text and goes into conflict; a deleted file leaves the buffer
   * open and unsaved until the critic saves it again.
   */
  async diskChanged(change: DiskChange): Promise<void> {
    if (this.disposed || this.readOnly) return;
    while (this.inFlight) await this.inFlight;
    if (change.revision !== null && change.revision === this.revision) return;
    if (change.revision === null) {
      this.lost(change.renamedTo ?? null);
      return;
    }
    if (!this.dirty && this.state.kind !== 'conflict') {
      const version = this.version;
      let file: ReviewFile;
      try {
        file = await this.client.call('review.read', { path: this.path });
      } catch (error) {
        if (error instanceof HostError && error.code === 'not-found') this.lost(null);
        return;
      }
      if (this.disposed || file.revision === this.revision) return;
      // Typing while the new text was read makes it a conflict after all.
      if (this.version === version && !this.inFlight) {
        this.applyDiskText(file);
        return;
      }
    }
    this.cancelAutosave();
    this.setState({
      kind: 'conflict',
      message: `${this.path} was changed by another program while you were editing it. Your text is kept here and in the recovery journal.`,
      theirs: change.revision,
    });
    this.journal.write();
  }

  private lost(renamedTo: string | null): void {
    this.cancelAutosave();
    // Unsaved from now on: the words exist only in this buffer (and the journal).
    if (!this.dirty) this.version++;
    this.revision = null;
    const message = renamedTo
      ? `${this.path} was moved to ${renamedTo} by another program. Your text is still here, unsaved.`
      : `${this.path} was deleted by another program. Your text is still here, unsaved.`;
    this.setState({ kind: 'missing', message, renamedTo });
    this.journal.write();
  }

  private applyDiskText(file: ReviewFile): void {
    this.applyingDiskText = true;
    try {
      this.replaceText?.(file.text);
    } finally {
      this.applyingDiskText = false;
    }
    this.bom = file.bom;
    this.revision = file.revision;
    this.savedVersion = this.version;
    this.setState({ kind: 'saved' });
    this.journal.clear();
  }

  /** The version on disk, for Compare. */
  async readTheirs(): Promise<ReviewFile> {
    return this.client.call('review.read', { path: this.path });
  }

  /**
   * Conflict, keep mine: the host first keeps the disk version beside the review as
   * `<name>.conflict-<date>.md`, then saves this text. Resolves with that copy's path.
   */
  async keepMine(): Promise<string | null> {
    if (this.state.kind !== 'conflict' && this.state.kind !== 'missing') return null;
    const before = this.state;
    const theirs = before.kind === 'conflict' && before.theirs !== undefined ? before.theirs : (await this.readTheirs()).revision;
    const version = this.version;
    this.setState({ kind: 'saving' });
    try {
      const { revision, keptAs } = await this.client.call('review.keepMine', {
        path: this.path,
        text: this.readText(),
        bom: this.bom,
        theirsRevision: theirs,
      });
      this.savedAt(version, revision);
      return keptAs;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.setState(
        error instanceof HostError && error.code === 'conflict'
          ? { kind: 'conflict', message, theirs: theirsOf(error) }
          : before.kind === 'conflict'
            ? { ...before, message }
            : { ...before, message: `${before.message} ${message}` },
      );
      throw error;
    }
  }

  /**
   * Conflict, take theirs: this text is set aside in the recovery journal first (so it can be
   * restored later), then the buffer takes the disk version.
   */
  async takeTheirs(): Promise<void> {
    const file = await this.readTheirs();
    await this.client.call('journal.write', {
      path: this.path,
      text: this.readText(),
      bom: this.bom,
      baseRevision: this.revision,
      setAside: true,
    });
    this.applyDiskText(file);
  }

  /** Resolves when journal writes issued so far are done (tests, and before quitting). */
  journalSettled(): Promise<void> {
    return this.journal.settled();
  }

  /** Stops timers; call after a final flush. */
  dispose(): void {
    this.disposed = true;
    this.cancelAutosave();
    this.journal.stop();
    this.listeners.clear();
  }
}

function theirsOf(error: HostError): Revision | null | undefined {
  const revision = (error.details as { revision?: unknown } | undefined)?.revision;
  return typeof revision === 'string' ? revision : undefined;
}
