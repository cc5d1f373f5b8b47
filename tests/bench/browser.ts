import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { assertChromium, chromiumArgs, chromiumPath } from '../e2e/chromium';

/**
 * The real app for browser benchmarks: `intertitle serve` on a library, and Debian's Chromium,
 * HEADFUL on an X display (headless Chromium reports wrong event timings; see
 * docs/performance.md). Uses $DISPLAY when set, else starts its own Xvfb.
 * Paths are relative to the project root: the runner starts every benchmark there.
 */
export interface BenchApp {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startApp(library: string): Promise<BenchApp> {
  assertChromium();
  const cleanups: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  try {
    const display = process.env.DISPLAY ?? (await startXvfb(cleanups));
    const dir = await mkdtemp(join(tmpdir(), 'intertitle-bench-host-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const url = await startHost(library, dir, cleanups);
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: false,
      args: [...chromiumArgs, '--window-size=1440,900', '--window-position=0,0'],
      env: { ...process.env, DISPLAY: display },
    });
    cleanups.push(() => browser.close());
    return { url, browser, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function startXvfb(cleanups: Array<() => Promise<void>>): Promise<string> {
  // -displayfd: Xvfb picks a free display and writes its number to fd 3.
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x1000x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => stop(xvfb));
  const number = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not start in 10 s (is it installed? apt-get install xvfb)')), 10_000);
    xvfb.once('error', (error) => reject(new Error(`Xvfb could not start: ${error.message} (apt-get install xvfb)`)));
    xvfb.stdio[3]!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.trim());
      }
    });
  });
  return `:${number}`;
}

async function startHost(library: string, dir: string, cleanups: Array<() => Promise<void>>): Promise<string> {
  const host = spawn(process.execPath, ['dist/cli/intertitle.mjs', 'serve', '--library', library], {
    env: { ...process.env, INTERTITLE_DOCUMENTS: join(dir, 'Documents'), INTERTITLE_USER_DATA: join(dir, 'user-data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => stop(host));
  return new Promise<string>((resolve, reject) => {
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
    host.stdout!.on('data', onData);
    host.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    host.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`intertitle serve exited with ${code} (run node scripts/build.mjs first):\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}
