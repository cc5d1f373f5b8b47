import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { assertChromium, chromiumArgs, chromiumPath } from '../e2e/chromium';
import { startWeb, stopChild } from '../helpers/web-host';

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
    const { url, child: host } = await startWeb({ documents: join(dir, 'Documents'), userData: join(dir, 'user-data') }, library);
    cleanups.push(() => stopChild(host));
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
  cleanups.push(() => stopChild(xvfb));
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

