import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication } from '@playwright/test';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The Electron executable, or the reason these tests cannot run here. */
export function findElectron(): { binary: string; reason?: undefined } | { binary?: undefined; reason: string } {
  let binary: unknown;
  try {
    // The package exports its binary's path and throws when the binary was never downloaded.
    binary = createRequire(import.meta.url)('electron');
  } catch (error) {
    return { reason: `the Electron binary is not installed (${String((error as Error).message).split('\n')[0]})` };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return { reason: `the Electron binary is missing (${String(binary)})` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'there is no display; run under xvfb-run' };
  }
  return { binary };
}

export interface LaunchedApp {
  app: ElectronApplication;
  /** The sample library the app created on first run, in a temp documents folder. */
  library: string;
  close(): Promise<void>;
}

/** Launches the built app with temp documents and user-data folders. */
export async function launchApp(binary: string): Promise<LaunchedApp> {
  if (!existsSync(join(projectRoot, 'dist', 'electron', 'main.cjs'))) {
    throw new Error('dist/electron/main.cjs is missing: run `node scripts/build.mjs` before these tests.');
  }
  const dir = await mkdtemp(join(tmpdir(), 'intertitle-e2e-electron-'));
  const documents = join(dir, 'Documents');
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  const app = await _electron.launch({
    executablePath: binary,
    // Chromium refuses to run as root with its sandbox (CI containers).
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), projectRoot],
    cwd: projectRoot,
    env: { ...env, INTERTITLE_DOCUMENTS: documents, INTERTITLE_USER_DATA: join(dir, 'user-data') },
  });
  return {
    app,
    library: join(documents, 'Intertitle Sample Library'),
    async close() {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
