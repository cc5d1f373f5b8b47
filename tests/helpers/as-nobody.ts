import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Permission faults, tested as the unprivileged user `nobody`: root ignores file permissions,
 * and CI runs as root. A script is bundled from the repository's sources and run with setpriv.
 */

const repo = fileURLToPath(new URL('../..', import.meta.url));
const setprivArgs = ['--reuid', '65534', '--regid', '65534', '--clear-groups'];

/** Why tests cannot run as nobody here, or null when they can. */
export function whyNotAsNobody(): string | null {
  if (process.platform !== 'linux') return 'setpriv is Linux-only';
  if (process.getuid?.() !== 0) return 'switching to nobody needs root (and as a normal user, permissions already apply)';
  const run = spawnSync('setpriv', [...setprivArgs, process.execPath, '-e', 'process.exit(process.getuid() === 65534 ? 0 : 1)']);
  return run.status === 0 ? null : `setpriv cannot run node as nobody (${run.stderr?.toString().trim() || run.error?.message})`;
}

export interface NobodyScript {
  /** Runs the script as nobody with these arguments. */
  run(args: string[]): { status: number | null; stdout: string; stderr: string };
  cleanup(): Promise<void>;
}

/**
 * Bundles `source` (TypeScript; relative imports resolve from the repository root) into a file
 * nobody may read. Packages stay external and load from the repository's node_modules (native
 * ones such as sharp cannot be bundled), so the bundle lives below node_modules/.cache.
 */
export async function scriptForNobody(source: string): Promise<NobodyScript> {
  const cache = join(repo, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(join(cache, 'intertitle-nobody-'));
  await chmod(dir, 0o755);
  const file = join(dir, 'script.mjs');
  await build({
    stdin: { contents: source, resolveDir: repo, loader: 'ts' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    outfile: file,
    logLevel: 'error',
  });
  await chmod(file, 0o644);
  return {
    run: (args) => {
      const result = spawnSync('setpriv', [...setprivArgs, process.execPath, file, ...args], { encoding: 'utf8', timeout: 30_000 });
      if (result.error) throw result.error;
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
