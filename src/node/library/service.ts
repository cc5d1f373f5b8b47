import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { BugSink, HostEvent, IndexProgress, LibraryInfo, LibrarySearchResult, ReviewSummary, Revision, SearchSnippet } from '../../contract';
import { SearchIndex } from '../../library/search-index';
import { searchFacts, searchFields, searchFieldsOf } from '../../library/search-fields';
import { unreadableSummary } from '../../library/summary';
import { bodySnippet, makeSnippet, plainText, type Snippet } from '../../library/search-text';
import { splitFrontMatter, type FrontMatter } from '../../review/front-matter';
import { toLibraryPath } from '../library-paths';
import { compareReviews, fallbackNameOf, isReviewFile, parseReviewBytes, walkLibrary, walkReviewFiles } from '../library-scan';
import { decodeReview, revisionOf } from '../review-store';
import { loadMetadataCache, metadataCacheFile, saveMetadataCache, type CachedEntry } from './metadata-cache';
import { ownStrings, readSettled, readWithStats } from './read-review';
import { watchLibrary, type ChangeBatch, type LibraryWatcher } from './watcher';

export interface LibraryServiceOptions {
  library: LibraryInfo;
  userDataDir: string;
  emit: (event: HostEvent) => void;
  bugSink: BugSink;
  /** Watch the folder for other programs' changes (on in the app; tests may turn it off). */
  watch?: boolean;
  /** Longest stretch of indexing between two yields to the event loop. */
  indexSliceMs?: number;
}

/** Snippets sent with a search (a screenful); the rest come from `library.snippets` as the critic scrolls. */
const firstSnippets = 12;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One open library: its reviews' metadata (from the cache in user data where files did not
 * change), the full-text index (built in the background, then kept up to date), and the watcher
 * that keeps both in step with other programs. It tells the renderer about outside changes
 * (`review.changedOnDisk`) but never about Intertitle's own writes: the host records the
 * revision of every write it makes and compares content, not timing (DESIGN §6).
 */
export class LibraryService {
  private entries = new Map<string, CachedEntry>();
  private sorted: ReviewSummary[] | null = null;
  private index = new SearchIndex();
  private indexed = 0;
  private indexTotal = 0;
  private watcher: LibraryWatcher | null = null;
  /** Revisions Intertitle wrote (or is about to write), per path: their watcher events are ours. */
  private own = new Map<string, Revision[]>();
  /** Paths Intertitle removed or moved itself. */
  private ownGone = new Set<string>();
  /** The revision of each review the renderer read or saved: outside changes to these are reported. */
  private seen = new Map<string, Revision>();
  private closed = false;
  private batches: Promise<void> = Promise.resolve();
  private cacheTimer: ReturnType<typeof setTimeout> | null = null;
  private cacheWrite: Promise<void> = Promise.resolve();
  private indexing: Promise<void> = Promise.resolve();
  private progressAt = 0;

  private constructor(private options: LibraryServiceOptions) {}

  get root(): string {
    return this.options.library.root;
  }

  /**
   * Opens a library: resolves once the listing is ready (files whose mtime and size match the
   * cache are not read), then indexes and watches in the background.
   */
  static async open(options: LibraryServiceOptions): Promise<LibraryService> {
    const service = new LibraryService(options);
    await service.load();
    service.startBackground();
    return service;
  }

  private async load(): Promise<void> {
    const root = this.root;
    const files = walkLibrary(root);
    // Every file's stat first, kept as two numbers each, and the cache loaded after: a stat
    // makes an object that is garbage at once, and collecting 10,000 of them while the cache's
    // entries were young made the collector copy those entries again and again.
    const known = existsSync(metadataCacheFile(this.options.userDataDir, root));
    const mtimes = new Float64Array(known ? files.length : 0);
    const sizes = new Float64Array(known ? files.length : 0);
    for (let i = 0; i < mtimes.length; i++) {
      if (i % 2000 === 1999) await yieldToLoop();
      const stats = statSync(files[i]!.file, { throwIfNoEntry: false });
      mtimes[i] = stats ? stats.mtimeMs : Number.NaN;
      sizes[i] = stats ? stats.size : Number.NaN;
    }
    // In the order of the last listing (the cache is saved that way), so sorting it again is quick.
    const cache = known ? loadMetadataCache(this.options.userDataDir, root) : new Map<string, CachedEntry>();
    const unchanged = new Set<string>();
    // Without a cache every file is read (and stat'ed as it is read, on the open file).
    const toRead = cache.size ? [] : files;
    let dirty = false;
    for (let i = 0; cache.size && i < files.length; i++) {
      const { path } = files[i]!;
      const cached = cache.get(path);
      if (Number.isNaN(mtimes[i])) continue; // gone since the walk
      if (cached && cached.mtimeMs === mtimes[i] && cached.size === sizes[i]) unchanged.add(path);
      else toRead.push(files[i]!);
    }
    // The cache's map becomes the listing: entries of files gone or changed leave it.
    for (const path of cache.keys()) {
      if (unchanged.has(path)) continue;
      cache.delete(path);
      dirty = true;
    }
    this.entries = cache;
    for (let i = 0; i < toRead.length; i++) {
      if (i % 250 === 249) await yieldToLoop();
      const { file, path } = toRead[i]!;
      let read: { bytes: Buffer; stats: Stats } | null;
      try {
        read = readWithStats(file);
      } catch (error) {
        // Listed with the reason, not left out: the critic should see the file is there.
        const summary = unreadableSummary(path, fallbackNameOf(file), `Could not read this file: ${(error as Error).message}`);
        this.entries.set(path, { mtimeMs: -1, size: -1, summary, facts: null });
        continue;
      }
      if (!read) continue;
      const { frontMatter: _, ...entry } = this.readEntry(file, path, read.stats, read.bytes);
      this.entries.set(path, entry);
      dirty = true;
    }
    // Written after the list is handed over: the critic waits for the list, not for the cache.
    if (dirty) this.cacheWrite = yieldToLoop().then(() => this.writeCache());
  }

  private readEntry(file: string, path: string, stats: Stats, bytes: Uint8Array): CachedEntry & { frontMatter: FrontMatter | null } {
    const entry = { mtimeMs: stats.mtimeMs, size: stats.size };
    try {
      const parsed = parseReviewBytes(path, fallbackNameOf(file), bytes);
      const facts = parsed.frontMatter.error ? null : searchFacts(parsed.frontMatter);
      return { ...entry, ...ownStrings({ summary: parsed.summary, facts }), frontMatter: parsed.frontMatter };
    } catch (error) {
      const summary = unreadableSummary(path, fallbackNameOf(file), `Could not read this file: ${(error as Error).message}`);
      return { ...entry, summary, facts: null, frontMatter: null };
    }
  }

  private saveCache(): Promise<void> {
    // One write at a time, in order, so an older listing never lands after a newer one.
    this.cacheWrite = this.cacheWrite.then(() => this.writeCache());
    return this.cacheWrite;
  }

  private writeCache(): Promise<void> {
    // In listing order, so the next open finds its list (almost) sorted.
    const inListingOrder = [...this.entries.values()].sort((a, b) => compareReviews(a.summary, b.summary));
    return saveMetadataCache(this.options.userDataDir, this.root, inListingOrder).catch((error) =>
      this.options.bugSink(error, 'saving the library cache'),
    );
  }

  private scheduleCacheSave(): void {
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    this.cacheTimer = setTimeout(() => {
      this.cacheTimer = null;
      void this.saveCache();
    }, 2000);
  }

  /** Every review, newest first. */
  listing(): ReviewSummary[] {
    this.sorted ??= [...this.entries.values()].map((e) => e.summary).sort(compareReviews);
    return this.sorted;
  }

  private startBackground(): void {
    if (this.options.watch !== false) {
      this.watcher = watchLibrary(this.root, (batch) => this.queueBatch(batch), {
        onError: (error) => this.options.bugSink(error, 'watching the library'),
      });
    }
    // After the caller has the listing: the first chunk of indexing must not delay the open.
    this.indexing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => (this.closed ? undefined : this.buildIndex()))
      .catch((error) => this.options.bugSink(error, 'indexing the library'));
  }

  /** Resolves when the first full index is built (tests and the benchmark wait for it). */
  async whenIndexed(): Promise<void> {
    await this.indexing;
    await this.watcher?.ready;
  }

  progress(): IndexProgress | null {
    return this.indexed >= this.indexTotal ? null : { done: this.indexed, total: this.indexTotal };
  }

  private async buildIndex(): Promise<void> {
    const paths = [...this.entries.keys()];
    this.indexTotal = paths.length;
    const sliceMs = this.options.indexSliceMs ?? 12;
    let i = 0;
    while (i < paths.length) {
      // Time slices, not a count: the host (Electron's main process) answers requests between them.
      const until = performance.now() + sliceMs;
      do {
        const path = paths[i++]!;
        // A review the watcher already (re)indexed or removed meanwhile is left as it is.
        const entry = this.entries.get(path);
        if (entry && !this.index.has(path)) {
          try {
            const text = decodeReview(readFileSync(join(this.root, path))).text;
            // The cached facts spare parsing the YAML again; a file with a problem is read whole.
            this.index.add(path, entry.facts ? { ...entry.facts, body: plainText(splitFrontMatter(text).body) } : searchFields(text));
          } catch {
            // Gone or unreadable since the scan: the watcher will report it.
          }
        }
      } while (i < paths.length && performance.now() < until);
      this.indexed = i;
      this.reportProgress(false);
      await yieldToLoop();
      if (this.closed) return;
    }
    this.indexed = this.indexTotal;
    this.reportProgress(true);
  }

  private reportProgress(final: boolean): void {
    const now = Date.now();
    if (!final && now - this.progressAt < 500) return;
    this.progressAt = now;
    this.options.emit({ name: 'library.indexing', payload: { done: this.indexed, total: this.indexTotal } });
  }

  async search(query: string): Promise<LibrarySearchResult> {
    const hits = this.index.search(query);
    const snippets = this.snippetsFor(hits.paths.slice(0, firstSnippets), hits.matchedTerms);
    return { query, paths: hits.paths, snippets, indexing: this.progress() };
  }

  snippets(query: string, paths: string[]): SearchSnippet[] {
    return this.snippetsFor(paths, this.index.matchingWords(query));
  }

  /**
   * Snippets of `paths` marking `words`: from the body, else from the facts line (a match in the
   * headline or film). Small files are read synchronously: a dozen cost well under a
   * millisecond, less than a trip through the thread pool each.
   */
  private snippetsFor(paths: string[], words: string[]): SearchSnippet[] {
    const wanted = new Set(words);
    const matches = (term: string) => wanted.has(term);
    const snippets: SearchSnippet[] = [];
    for (const path of paths) {
      const summary = this.entries.get(path)?.summary;
      let snippet: Snippet | null = null;
      try {
        snippet = bodySnippet(splitFrontMatter(decodeReview(readFileSync(join(this.root, path))).text).body, matches);
      } catch {
        // Gone since it was indexed: the facts still say why it matched.
      }
      const facts = summary
        ? [summary.title, summary.film.title, summary.film.year, summary.film.directors.join(', '), summary.tags.join(', ')]
            .filter((part) => part !== null && part !== '')
            .join(' · ')
        : '';
      snippet ??= makeSnippet(facts, matches);
      if (snippet) snippets.push({ path, ...snippet });
    }
    return snippets;
  }

  /** The renderer read a review at `revision`: later outside changes to it are reported. */
  noteRead(path: string, revision: Revision): void {
    this.seen.set(path, revision);
  }

  /** Intertitle is about to write `revision` to `path`: the watcher event it causes is ours. */
  expectWrite(path: string, revision: Revision): void {
    const list = this.own.get(path) ?? [];
    list.push(revision);
    this.own.set(path, list.slice(-8));
  }

  /** Intertitle removed or moved `paths` itself. */
  expectGone(paths: Iterable<string>): void {
    for (const path of paths) this.ownGone.add(path);
  }

  /** Library paths of the reviews at or below a library path (a bundle folder). */
  pathsUnder(prefix: string): string[] {
    return [...this.entries.keys()].filter((p) => p === prefix || p.startsWith(`${prefix}/`));
  }

  /** Brings metadata and index up to date with Intertitle's own change of these files now, without waiting for the watcher. */
  async refresh(files: Iterable<string>, folders: Iterable<string> = []): Promise<void> {
    await this.enqueue({ files: new Set(files), folders: new Set(folders) });
  }

  private queueBatch(batch: ChangeBatch): void {
    void this.enqueue(batch);
  }

  private enqueue(batch: ChangeBatch): Promise<void> {
    const next = this.batches.then(() => this.apply(batch)).catch((error) => this.options.bugSink(error, 'library change'));
    this.batches = next;
    return next;
  }

  /** Applies a batch of changes: re-reads what changed, reports outside changes to open reviews. */
  private async apply(batch: ChangeBatch): Promise<void> {
    if (this.closed) return;
    const candidates = new Set(batch.files);
    for (const folder of batch.folders) {
      for (const path of this.pathsUnder(folder)) candidates.add(path);
      for (const file of walkReviewFiles(join(this.root, folder))) candidates.add(toLibraryPath(this.root, file));
    }
    let listChanged = false;
    const removed: string[] = [];
    const arrivedByRevision = new Map<Revision, string>();
    const changedOnDisk: Array<{ path: string; revision: Revision }> = [];
    for (const path of candidates) {
      if (!isReviewFile(path.split('/').pop()!)) continue;
      const file = join(this.root, path);
      const read = await readSettled(file);
      if (read === null) {
        if (this.entries.delete(path)) listChanged = true;
        this.index.remove(path);
        if (!this.ownGone.delete(path)) removed.push(path);
        continue;
      }
      const revision = revisionOf(read.bytes);
      const before = this.entries.get(path)?.summary;
      const { frontMatter, ...entry } = this.readEntry(file, path, read.stats, read.bytes);
      this.entries.set(path, entry);
      if (!before || JSON.stringify(before) !== JSON.stringify(entry.summary)) listChanged = true;
      this.index.add(path, frontMatter ? searchFieldsOf(frontMatter) : searchFields(decodeReview(read.bytes).text));
      arrivedByRevision.set(revision, path);
      const ours = this.own.get(path)?.includes(revision) ?? false;
      const known = this.seen.get(path);
      if (!ours && known !== undefined && known !== revision) {
        this.seen.set(path, revision);
        changedOnDisk.push({ path, revision });
      }
    }
    for (const path of removed) {
      const known = this.seen.get(path);
      if (known === undefined) continue;
      this.seen.delete(path);
      const renamedTo = arrivedByRevision.get(known);
      this.options.emit({ name: 'review.changedOnDisk', payload: renamedTo ? { path, revision: null, renamedTo } : { path, revision: null } });
    }
    for (const payload of changedOnDisk) this.options.emit({ name: 'review.changedOnDisk', payload });
    if (listChanged) {
      this.sorted = null;
      this.scheduleCacheSave();
      this.options.emit({ name: 'library.changed', payload: { library: this.options.library, reason: 'changed' } });
    }
  }

  /** Waits for the watcher's pending batches (tests). */
  async settled(): Promise<void> {
    await this.batches;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.cacheTimer) {
      clearTimeout(this.cacheTimer);
      this.cacheTimer = null;
      void this.saveCache();
    }
    await this.cacheWrite;
    await this.watcher?.close();
    await this.indexing;
    this.index.clear();
  }
}
