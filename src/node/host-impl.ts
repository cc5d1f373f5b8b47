import { mkdir, readdir, realpath, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { HostError, type Handlers, type LibraryInfo } from '../contract';
import { imageTypeOf, normaliseRelative } from '../library/paths';
import { isoDate, newReviewText, reviewFolderName } from '../library/new-review';
import type { Host, HostOptions } from './host';
import { ioError } from './io-errors';
import { isInside } from './library-paths';
import { createLookupHandlers } from './lookup-handlers';
import { createSessionSecrets } from './lookup-secrets';
import { createPublishHandlers } from './publish-handlers';
import { exportHandlers } from './export-handlers';
import { createStillsHandlers } from './stills/handlers';
import { createWritingHandlers } from './writing-handlers';
import { LibraryHost } from './library/library-host';
import { removeStrayTempFiles } from './library-scan';
import { createSampleLibrary, sampleLibraryName } from './sample-library';
import { loadSettings, saveSettings } from './settings';

/** Expands `~` and makes a typed path absolute. */
export function expandPath(path: string): string {
  const trimmed = path.trim();
  if (trimmed === '~') return homedir();
  if (trimmed.startsWith('~/')) return join(homedir(), trimmed.slice(2));
  return resolve(trimmed);
}

/** Checks a folder can be a library; the messages are what the critic sees. */
export async function checkLibraryFolder(path: string): Promise<string> {
  const absolute = expandPath(path);
  let info;
  try {
    info = await stat(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new HostError('not-found', `There is no folder at ${absolute}.`);
    }
    throw ioError(error, 'open', absolute);
  }
  if (!info.isDirectory()) throw new HostError('invalid-args', `${absolute} is a file, not a folder. Choose the folder that holds your reviews.`);
  return realpath(absolute);
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch {
    return true;
  }
}

/** Creates the request handlers shared by the Electron host and the HTTP host. */
export async function createHost(options: HostOptions): Promise<Host> {
  const bugSink = options.bugSink ?? ((error, where) => console.error(`[intertitle] bug in ${where}:`, error));
  const sampleRoot = join(options.documentsDir, sampleLibraryName);
  let library: LibraryInfo | null = null;
  const libraryHost = new LibraryHost({
    userDataDir: options.userDataDir,
    emit: options.emit,
    bugSink,
    trash: options.trash,
    watch: options.watchLibrary,
  });

  function requireLibrary(): LibraryInfo {
    if (!library) throw new HostError('not-found', 'No library is open. Open a folder of reviews first.');
    return library;
  }

  async function openLibrary(path: string, remember: boolean): Promise<LibraryInfo> {
    const root = await checkLibraryFolder(path);
    const realSample = await realpath(sampleRoot).catch(() => sampleRoot);
    const opened = { root, name: basename(root), sample: root === realSample };
    await libraryHost.open(opened);
    library = opened;
    if (remember) {
      await saveSettings(options.userDataDir, { lastLibrary: root }).catch((error) => bugSink(error, 'settings'));
    }
    removeStrayTempFiles(root).catch((error) => bugSink(error, 'temp cleanup'));
    options.emit({ name: 'library.changed', payload: { library, reason: 'opened' } });
    return library;
  }

  /** The library to show at start: the one asked for, the remembered one, or the sample. */
  async function openAtStart(): Promise<void> {
    if (options.initialLibrary) {
      await openLibrary(options.initialLibrary, false);
      return;
    }
    const { lastLibrary } = await loadSettings(options.userDataDir);
    if (lastLibrary) {
      try {
        await openLibrary(lastLibrary, false);
        return;
      } catch {
        // The remembered library is gone (unplugged disk, deleted): fall back to the sample.
      }
    }
    if (await isEmptyOrMissing(sampleRoot)) {
      await mkdir(options.documentsDir, { recursive: true });
      await createSampleLibrary(sampleRoot);
    }
    await openLibrary(sampleRoot, true);
  }

  try {
    await openAtStart();
  } catch (error) {
    if (options.initialLibrary) throw error;
    bugSink(error, 'opening a library at start');
  }

  const exports = exportHandlers({ library: requireLibrary, chooseFolder: options.chooseFolder, writeClipboard: options.writeClipboard });
  // One store for every secret of this host: the TMDb token and the sites' passwords and keys.
  const secrets = options.secrets ?? createSessionSecrets();
  const handlers: Handlers = {
    'app.info': () => ({
      host: options.kind,
      version: options.version,
      canChooseFolder: Boolean(options.chooseFolder),
      canChooseStills: Boolean(options.chooseStills),
      trash: libraryHost.trashKind,
      library,
    }),
    'library.open': ({ path }) => openLibrary(path, true),
    'library.choose': async () => {
      if (!options.chooseFolder) {
        throw new HostError('unsupported', 'This host has no folder picker; type the folder path instead.');
      }
      const chosen = await options.chooseFolder();
      return chosen === null ? null : openLibrary(chosen, true);
    },
    ...libraryHost.handlers(),
    ...createWritingHandlers({ userDataDir: options.userDataDir, library: requireLibrary, addSpellingWords: options.addSpellingWords }),
    ...createStillsHandlers({ library: requireLibrary, userDataDir: options.userDataDir, chooseStills: options.chooseStills, trash: options.trash }),
    ...createLookupHandlers({ userDataDir: options.userDataDir, version: options.version, secrets, bugSink }),
    ...createPublishHandlers({ userDataDir: options.userDataDir, version: options.version, secrets, emit: options.emit, library: requireLibrary, service: () => libraryHost.service() }),
    'review.create': async ({ filmTitle, year }) => {
      const current = requireLibrary();
      const base = reviewFolderName(filmTitle, year);
      for (let n = 1; n < 1000; n++) {
        const folder = n === 1 ? base : `${base}-${n}`;
        const dir = join(current.root, folder);
        try {
          await mkdir(dir);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
          throw ioError(error, 'create a folder for', filmTitle);
        }
        const path = `${folder}/index.md`;
        try {
          await writeFile(join(dir, 'index.md'), newReviewText(filmTitle, year, isoDate(new Date())), { flag: 'wx' });
        } catch (error) {
          throw ioError(error, 'create', path);
        }
        await libraryHost.service()?.refresh([path]);
        options.emit({ name: 'library.changed', payload: { library: current, reason: 'created' } });
        return { path };
      }
      throw new HostError('conflict', `Too many reviews of ${filmTitle} (${year}) already exist.`);
    },
    'export.run': (args) => exports.run(args),
    'export.save': (args) => exports.save(args),
    'clipboard.write': (args) => exports.writeClipboard(args),
    'app.readyToClose': () => {
      options.onReadyToClose?.();
      return null;
    },
  };

  return {
    handlers,
    library: () => library,
    async resolveAsset(libraryPath) {
      if (!library) return null;
      const rel = normaliseRelative(libraryPath);
      const contentType = rel && imageTypeOf(rel);
      if (!rel || !contentType) return null;
      try {
        const file = await realpath(join(library.root, ...rel.split('/')));
        if (!isInside(library.root, file) || !(await stat(file)).isFile()) return null;
        return { file, contentType };
      } catch {
        return null;
      }
    },
    async close() {
      await libraryHost.close();
    },
  };
}
