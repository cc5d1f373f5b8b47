import { watch, type FSWatcher } from 'chokidar';
import type { Stats } from 'node:fs';
import { relative, sep } from 'node:path';
import { isReviewFile, skipFolder } from '../library-scan';

/** A burst of changes below the library root, as library paths. */
export interface ChangeBatch {
  /** Review files added, changed or removed. */
  files: Set<string>;
  /** Folders added or removed (a folder renamed by another program arrives as both). */
  folders: Set<string>;
}

export interface WatchOptions {
  /** Quiet time after the last event before a batch is reported (a save often is several events). */
  quietMs?: number;
  /** A batch is reported at the latest this long after its first event, even during a stream of changes. */
  maxWaitMs?: number;
  onError?: (error: unknown) => void;
}

export interface LibraryWatcher {
  /** Resolves once the watcher watches every folder. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** True for paths the library ignores: hidden files and folders (our temp files too), tools' folders. */
export function ignoredPath(root: string, path: string, stats?: Stats): boolean {
  const rel = relative(root, path);
  if (rel === '') return false;
  const parts = rel.split(sep);
  const name = parts[parts.length - 1]!;
  if (parts.slice(0, -1).some(skipFolder)) return true;
  if (stats?.isDirectory()) return skipFolder(name);
  if (stats?.isFile()) return !isReviewFile(name);
  // Not yet known whether it is a folder: only hidden names can be ruled out now.
  return name.startsWith('.');
}

/**
 * Watches a library with chokidar and reports changes in batches, read after the burst ends so
 * that an editor saving in several steps is seen once, in its final state (Joplin #14957).
 */
export function watchLibrary(root: string, onBatch: (batch: ChangeBatch) => void, options: WatchOptions = {}): LibraryWatcher {
  const quietMs = options.quietMs ?? 120;
  const maxWaitMs = options.maxWaitMs ?? 600;
  let batch: ChangeBatch = { files: new Set(), folders: new Set() };
  let quietTimer: ReturnType<typeof setTimeout> | null = null;
  let firstEventAt = 0;
  let closed = false;

  const flush = () => {
    if (quietTimer) clearTimeout(quietTimer);
    quietTimer = null;
    const done = batch;
    batch = { files: new Set(), folders: new Set() };
    if (!closed && (done.files.size || done.folders.size)) onBatch(done);
  };
  const note = (kind: 'file' | 'folder', path: string) => {
    const rel = relative(root, path).split(sep).join('/');
    if (rel === '' || rel.startsWith('..')) return;
    if (batch.files.size === 0 && batch.folders.size === 0) firstEventAt = Date.now();
    (kind === 'file' ? batch.files : batch.folders).add(rel);
    if (quietTimer) clearTimeout(quietTimer);
    const wait = Math.max(0, Math.min(quietMs, firstEventAt + maxWaitMs - Date.now()));
    quietTimer = setTimeout(flush, wait);
  };

  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    ignored: (path: string, stats?: Stats) => ignoredPath(root, path, stats),
    // Editors that save by writing a new file and renaming it over (vim, gedit) look like a change.
    atomic: true,
    followSymlinks: false,
  });
  watcher.on('add', (path) => note('file', path));
  watcher.on('change', (path) => note('file', path));
  watcher.on('unlink', (path) => note('file', path));
  watcher.on('addDir', (path) => note('folder', path));
  watcher.on('unlinkDir', (path) => note('folder', path));
  watcher.on('error', (error) => options.onError?.(error));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    ready,
    async close() {
      closed = true;
      if (quietTimer) clearTimeout(quietTimer);
      await watcher.close();
    },
  };
}
