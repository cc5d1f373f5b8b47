import { mkdir, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { HostError, type ExportPreview, type ExportSaved, type LibraryInfo, type ParsedArgsOf } from '../contract';
import { runExport } from './export-runner';
import { writeExport } from './export-writer';
import { ioError } from './io-errors';
import { isInside, resolveInLibrary } from './library-paths';

export interface ExportHandlerDeps {
  library: () => LibraryInfo;
  /** The host's folder picker (Electron); absent in the browser host, where the path is typed. */
  chooseFolder?: () => Promise<string | null>;
  /** The system clipboard (Electron); absent in the browser host. */
  writeClipboard?: (data: { html?: string; text: string }) => void;
}

/** The export requests of the contract (`export.run`, `export.save`) and `clipboard.write`. */
export function exportHandlers(deps: ExportHandlerDeps) {
  return {
    async run({ path, target, inline }: ParsedArgsOf<'export.run'>): Promise<ExportPreview> {
      const result = await runExport({ target, root: deps.library().root, reviewPath: path, inline });
      return { ...result, reviewPath: path };
    },

    async save({ path, target, inline, outDir }: ParsedArgsOf<'export.save'>): Promise<ExportSaved | null> {
      const library = deps.library();
      let folder = outDir;
      if (folder === undefined) {
        if (!deps.chooseFolder) throw new HostError('invalid-args', 'Type the folder to save the export in.');
        const chosen = await deps.chooseFolder();
        if (chosen === null) return null;
        folder = chosen;
      }
      const dir = await exportFolder(folder, library.root);
      const file = await resolveInLibrary(library.root, path);
      const result = await runExport({ target, root: library.root, reviewPath: path, inline });
      const { written, warnings } = await writeExport(result, { outDir: dir, root: library.root, protect: [file] });
      return { outDir: dir, written, warnings: [...result.warnings, ...warnings] };
    },

    writeClipboard({ html, text }: ParsedArgsOf<'clipboard.write'>): null {
      if (!deps.writeClipboard) throw new HostError('unsupported', 'This host has no clipboard of its own; the page copies instead.');
      deps.writeClipboard(html === undefined ? { text } : { html, text });
      return null;
    },
  };
}

/**
 * The folder an export goes in: a typed path (`~` expanded), created when only its last part is
 * missing, and never inside the library, where an exported index.md would become another review.
 */
export async function exportFolder(path: string, libraryRoot: string): Promise<string> {
  const trimmed = path.trim();
  const absolute = trimmed === '~' ? homedir() : trimmed.startsWith('~/') ? join(homedir(), trimmed.slice(2)) : resolve(trimmed);
  try {
    const info = await stat(absolute);
    if (!info.isDirectory()) throw new HostError('invalid-args', `${absolute} is a file, not a folder. Choose a folder for the export.`);
  } catch (error) {
    if (error instanceof HostError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError(error, 'open the folder', absolute);
    try {
      await mkdir(absolute);
    } catch (mkdirError) {
      if ((mkdirError as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new HostError('not-found', `There is no folder at ${dirname(absolute)}, so Intertitle cannot make ${absolute} in it.`);
      }
      throw ioError(mkdirError, 'create the folder', absolute);
    }
  }
  const real = await realpath(absolute);
  const root = await realpath(libraryRoot).catch(() => libraryRoot);
  if (isInside(root, real)) {
    throw new HostError('invalid-args', 'Choose a folder outside the library: an export inside it would show up as another review.');
  }
  return real;
}
