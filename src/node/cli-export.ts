import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HostError } from '../contract';
import { exportTargets, isExportTarget } from '../export/targets';
import { runExport } from './export-runner';
import { writeExport } from './export-writer';

export const exportUsage = `export <review.md> --to <target> [--out <dir>] [--inline]
                                     write the review for a destination (into --out, else here)
                                     targets: ${exportTargets.join(', ')}`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

class UsageError extends Error {}

/**
 * `intertitle export`: exports a review file to a folder and prints the paths it wrote. Stills are
 * resolved in the review's own folder. Returns the exit code: 0, 1 for a failure, 2 for bad usage.
 */
export async function exportCommand(args: string[], io: Io, cwd = process.cwd()): Promise<number> {
  try {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { to: { type: 'string' }, out: { type: 'string' }, inline: { type: 'boolean' } },
    });
    if (positionals.length !== 1) throw new UsageError('export takes one review file.');
    const target = values.to;
    if (target === undefined) throw new UsageError(`Say where to export with --to <target> (${exportTargets.join(', ')}).`);
    if (!isExportTarget(target)) throw new UsageError(`Unknown target “${target}”. The targets are: ${exportTargets.join(', ')}.`);
    const file = resolve(cwd, positionals[0]!);
    if (!(await isFile(file))) throw new HostError('not-found', `No such file: ${positionals[0]}`);
    const outDir = await outputFolder(resolve(cwd, values.out ?? '.'));

    const root = dirname(file);
    const result = await runExport({ target, root, reviewPath: basename(file), inline: values.inline });
    const { written, warnings } = await writeExport(result, { outDir, root, protect: [file] });
    for (const warning of [...result.warnings, ...warnings]) io.err(`intertitle: warning: ${warning}\n`);
    for (const path of written) io.out(`${shown(cwd, path)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`intertitle: ${error.message}\nUsage: intertitle ${exportUsage}\n`);
      return 2;
    }
    if ((error as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`intertitle: ${(error as Error).message}\nUsage: intertitle ${exportUsage}\n`);
      return 2;
    }
    if (error instanceof HostError) {
      io.err(`intertitle: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** A written path as the critic typed the folder: relative below the working folder, else absolute. */
function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The folder to write in: made when only its last part is missing; must be a writable folder. */
async function outputFolder(dir: string): Promise<string> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new HostError('invalid-args', `${dir} is a file, not a folder.`);
  } catch (error) {
    if (error instanceof HostError) throw error;
    try {
      await mkdir(dir);
    } catch {
      throw new HostError('not-found', `There is no folder at ${dirname(dir)} to make ${basename(dir)} in.`);
    }
  }
  try {
    await access(dir, constants.W_OK);
  } catch {
    throw new HostError('io', `Intertitle cannot write in ${dir} (check the folder's permissions).`);
  }
  return dir;
}
