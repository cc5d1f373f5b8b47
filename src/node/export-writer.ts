import { mkdir, open, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HostError } from '../contract';
import { exportMarker, type ExportResult } from '../export/types';
import { normaliseRelative } from '../library/paths';
import { writeFileAtomic } from './atomic-write';
import { ioError } from './io-errors';
import { resolveInLibrary } from './library-paths';

export interface WriteExportOptions {
  /** The folder the critic chose; it must exist. */
  outDir: string;
  /** The folder the result's asset paths are relative to (the library, or the review's folder). */
  root: string;
  /** Files an export must never replace, whatever its names: the review itself. */
  protect: string[];
}

export interface WrittenExport {
  /** Absolute paths of every file written, stills first and the main file last. */
  written: string[];
  warnings: string[];
}

/**
 * Writes an export: each still copied (the web derivative already chosen by the exporter), then
 * the text files, the main file last so it never refers to a still that is not there yet. Every
 * file is written atomically. Before anything is written, every target is checked: inside the
 * folder, not a folder itself, and not the review or one of its stills.
 */
export async function writeExport(result: ExportResult, options: WriteExportOptions): Promise<WrittenExport> {
  const outDir = await realpath(options.outDir).catch((error: unknown) => {
    throw ioError(error, 'open the folder', options.outDir);
  });
  const guarded = new Set(await Promise.all(options.protect.map((file) => realpath(file).catch(() => file))));
  const target = (path: string): string => {
    const rel = normaliseRelative(path);
    if (rel === null) throw new HostError('internal', `The export named a file outside its folder (${path}).`);
    return join(outDir, ...rel.split('/'));
  };

  const copies: Array<{ source: string; to: string; from: string }> = [];
  const warnings: string[] = [];
  for (const asset of result.assets) {
    const source = await resolveInLibrary(options.root, asset.from).catch(() => null);
    const real = source && (await realpath(source).catch(() => null));
    if (!real) {
      warnings.push(`${asset.from} was not found, so it was not copied.`);
      continue;
    }
    guarded.add(real);
    copies.push({ source: real, to: target(asset.to), from: asset.from });
  }
  const files = [...result.files].sort((a, b) => Number(a.path === result.main) - Number(b.path === result.main));
  const textTargets = files.map((file) => ({ to: target(file.path), content: file.content }));

  for (const copy of copies) await refuseToReplace(copy.to, guarded, copy.source);
  for (const file of textTargets) {
    await refuseToReplace(file.to, guarded);
    await refuseToReplaceMarkdown(file.to);
  }

  const written: string[] = [];
  for (const copy of copies) {
    // Exporting into the folder the stills already live in: the copy is the file itself.
    if ((await realpath(copy.to).catch(() => null)) === copy.source) {
      written.push(copy.to);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(copy.source);
    } catch (error) {
      warnings.push(`${copy.from} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}), so it was not copied.`);
      continue;
    }
    await write(copy.to, bytes);
    written.push(copy.to);
  }
  for (const file of textTargets) {
    await write(file.to, file.content);
    written.push(file.to);
  }
  return { written, warnings };
}

/** Throws before anything is written when `file` is a folder or a guarded file (other than `same`). */
async function refuseToReplace(file: string, guarded: Set<string>, same?: string): Promise<void> {
  let info;
  try {
    info = await stat(file);
  } catch {
    return; // a new file
  }
  if (info.isDirectory()) throw new HostError('conflict', `${file} is a folder, so the export cannot write a file there. Choose another folder.`);
  const real = await realpath(file);
  if (guarded.has(real) && real !== same) {
    throw new HostError('conflict', `The export would replace ${file}, which is the review or one of its stills. Choose a folder outside the review's own.`);
  }
}

/** A markdown file is replaced only when an earlier export wrote it: any other may be a review. */
async function refuseToReplaceMarkdown(file: string): Promise<void> {
  if (!/\.(md|markdown)$/i.test(file)) return;
  let head: string;
  try {
    const handle = await open(file, 'r');
    try {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(256), 0, 256, 0);
      head = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return; // a new file
  }
  if (!/^(?:\uFEFF)?---\r?\n/.test(head) || !head.split(/\r?\n/).slice(1, 3).includes(exportMarker)) {
    throw new HostError('conflict', `${file} is a markdown file Intertitle did not export (it may be a review), so the export will not replace it. Choose another folder.`);
  }
}

async function write(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, data);
  } catch (error) {
    throw ioError(error, 'write', file);
  }
}
