import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { HostError, type Handlers, type LibraryInfo } from '../../contract';
import { normaliseRelative, resolveAssetPath } from '../../library/paths';
import { isDerivativeName, derivativeName } from '../../stills/naming';
import { maxStillFileBytes, type PickedStill } from '../../stills/types';
import { ioError } from '../io-errors';
import { libraryStateDir } from '../library/state-dir';
import { importStill, makeDerivative, type StillSource } from './import-still';
import { folderStills, imageFile, referencedStills, stillInfo, writeNewFile } from './still-files';
import { loadStillsSettings, saveStillsSettings } from './stills-settings';
import { trashStill } from './trash-still';

export interface StillsHostOptions {
  library: () => LibraryInfo;
  userDataDir: string;
  /** Native file dialog for pictures (Electron); absent in the browser host. */
  chooseStills?: () => Promise<string[] | null>;
  /** The system trash (Electron); absent in the browser host. */
  trash?: (absolutePath: string) => Promise<void>;
}

type StillsRequest = 'stills.list' | 'stills.import' | 'stills.choose' | 'stills.trash' | 'stills.derive' | 'stills.settings.set';

/** Files chosen in the dialog are kept this long for `stills.import` to take them. */
const pickedForMs = 10 * 60_000;

/**
 * The `stills.*` requests (docs/stills.md). Paths arrive as the review writes them and are
 * confined to the open library by real path. A file chosen in the host's dialog is named to the
 * renderer only by an id, so the renderer can never ask for an arbitrary file on disk.
 */
export function createStillsHandlers(options: StillsHostOptions): Pick<Handlers, StillsRequest> {
  const picked = new Map<string, { file: string; name: string; root: string; until: number }>();

  async function sourceOf(args: { name: string; data?: string; picked?: string }, root: string): Promise<StillSource> {
    if (args.data !== undefined) return { bytes: Buffer.from(args.data, 'base64'), name: args.name };
    const entry = picked.get(args.picked ?? '');
    if (!entry || entry.root !== root || entry.until < Date.now()) {
      throw new HostError('not-found', 'That file was chosen too long ago or in another library; choose it again.');
    }
    const size = (await stat(entry.file).catch((error) => Promise.reject(ioError(error, 'read', entry.name)))).size;
    if (size > maxStillFileBytes) {
      throw new HostError('invalid-args', `“${entry.name}” is larger than ${maxStillFileBytes / (1024 * 1024)} MB; save a smaller copy and add that.`);
    }
    const bytes = await readFile(entry.file).catch((error) => Promise.reject(ioError(error, 'read', entry.name)));
    picked.delete(args.picked!);
    return { bytes, name: entry.name };
  }

  /** The open library's root, for a review path that stays inside it. */
  function rootFor(path: string): string {
    if (normaliseRelative(path) !== path) throw new HostError('invalid-args', `“${path}” is not a review inside the library.`);
    return options.library().root;
  }

  return {
    'stills.list': async ({ path, refs }) => {
      const root = rootFor(path);
      const [files, refsInfo, settings] = await Promise.all([
        folderStills(root, path),
        referencedStills(root, path, refs),
        loadStillsSettings(options.userDataDir, root),
      ]);
      return { files, refs: refsInfo, settings };
    },
    'stills.import': async (args) => {
      const root = rootFor(args.path);
      const settings = await loadStillsSettings(options.userDataDir, root);
      const source = await sourceOf(args, root);
      const still = await importStill({ root, reviewPath: args.path, source, caption: args.caption, webSize: settings.webSize });
      return { still };
    },
    'stills.choose': async () => {
      if (!options.chooseStills) throw new HostError('unsupported', 'This host has no file dialog; upload the picture instead.');
      const { root } = options.library();
      const files = await options.chooseStills();
      if (files === null) return null;
      const now = Date.now();
      for (const [id, entry] of picked) if (entry.until < now) picked.delete(id);
      const out: PickedStill[] = [];
      for (const file of files) {
        const info = await stat(file).catch(() => null);
        if (!info?.isFile()) continue;
        const id = randomBytes(12).toString('hex');
        picked.set(id, { file, name: basename(file), root, until: now + pickedForMs });
        out.push({ id, name: basename(file), bytes: info.size });
      }
      return out;
    },
    'stills.trash': async ({ path, src }) => {
      const root = rootFor(path);
      const trashedTo = await trashStill({
        root,
        reviewPath: path,
        src,
        trash: options.trash,
        trashDir: join(libraryStateDir(options.userDataDir, root), 'trash'),
      });
      return { trashedTo };
    },
    'stills.derive': async ({ path, src }) => {
      const root = rootFor(path);
      const libraryPath = resolveAssetPath(path, src);
      const file = libraryPath && !isDerivativeName(libraryPath) ? await imageFile(root, libraryPath) : null;
      if (!libraryPath || !file) throw new HostError('not-found', `There is no still at ${src}.`);
      const { webSize } = await loadStillsSettings(options.userDataDir, root);
      const bytes = await readFile(file).catch((error) => Promise.reject(ioError(error, 'read', src)));
      const derivative = await makeDerivative(bytes, webSize, `“${src}”`);
      const target = join(file, '..', derivativeName(basename(file)));
      try {
        await writeNewFile(target, derivative);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new HostError('conflict', `${src} already has a web-size copy.`);
        throw ioError(error, 'write the web-size copy of', src);
      }
      const info = await stillInfo(root, path, libraryPath);
      if (!info) throw new HostError('not-found', `There is no still at ${src}.`);
      return info;
    },
    'stills.settings.set': async (change) => saveStillsSettings(options.userDataDir, options.library().root, change),
  };
}
