/** One picture waiting to become a still. */
export interface ImportItem {
  name: string;
  bytes: number;
}

/** What the critic sees while pictures are added: how many, which one, how far. */
export interface ImportProgress {
  total: number;
  /** Finished, whether added or refused. */
  done: number;
  failed: number;
  /** The picture being added now. */
  current: ImportItem | null;
  /** Bytes of the finished pictures and of all of them, for the progress bar. */
  bytesDone: number;
  bytesTotal: number;
}

export const idleProgress: ImportProgress = { total: 0, done: 0, failed: 0, current: null, bytesDone: 0, bytesTotal: 0 };

/**
 * Adds pictures one at a time, in the order they came, however many batches arrive meanwhile
 * (two large drops in a row share one progress bar). One picture's failure does not stop the rest.
 */
export class ImportQueue<T extends ImportItem> {
  private progress: ImportProgress = idleProgress;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly work: (item: T) => Promise<void>,
    private readonly onProgress: (progress: ImportProgress) => void,
  ) {}

  /** Queues a batch; resolves when it (and everything before it) is done. */
  add(items: readonly T[]): Promise<void> {
    if (!items.length) return this.running;
    this.set({
      ...this.progress,
      total: this.progress.total + items.length,
      bytesTotal: this.progress.bytesTotal + items.reduce((sum, item) => sum + item.bytes, 0),
    });
    const batch = this.running.then(async () => {
      for (const item of items) {
        this.set({ ...this.progress, current: item });
        let failed = false;
        try {
          await this.work(item);
        } catch {
          failed = true;
        }
        const p = this.progress;
        this.set({ ...p, done: p.done + 1, failed: p.failed + (failed ? 1 : 0), bytesDone: p.bytesDone + item.bytes, current: null });
      }
      if (this.progress.done === this.progress.total) this.set(idleProgress);
    });
    this.running = batch;
    return batch;
  }

  private set(progress: ImportProgress): void {
    this.progress = progress;
    this.onProgress(progress);
  }
}
