import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Starts `intertitle serve` (what `npm run web` runs) and resolves with the URL it prints, for the
 * e2e tests and the browser benchmarks. `extraEnv` adds variables for the host (a lookup test
 * points INTERTITLE_TMDB_API at its local server).
 */
export async function startWeb(
  env: { documents: string; userData: string },
  library?: string,
  extraEnv: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess }> {
  const args = ['dist/cli/intertitle.mjs', 'serve', ...(library ? ['--library', library] : [])];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, INTERTITLE_DOCUMENTS: env.documents, INTERTITLE_USER_DATA: env.userData, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`intertitle serve printed no URL in 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`intertitle serve exited with ${code} (run node scripts/build.mjs first):\n${output}`));
    });
  });
  return { url, child };
}

/** Stops a host started by `startWeb`: SIGTERM, then SIGKILL if it has not exited within 5 s. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}
