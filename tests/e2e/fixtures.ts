import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { startWeb, stopChild } from '../helpers/web-host';

export { startWeb, stopChild };

export interface WebApp {
  url: string;
  /** The temp sample library the host created on its first run. */
  library: string;
  userData: string;
  /** Stops the host (like quitting), for tests that start it again. */
  stop(): Promise<void>;
}

export const test = base.extend<{ web: WebApp; frontMatterShown: boolean }>({
  /**
   * Reviews open with their front matter folded (renderer/editor/front-matter-fold.ts); most
   * specs read and edit the YAML in the editor, so they start as a critic who chose to show it.
   * front-matter-fold.spec.ts sets this to false to test the default.
   */
  frontMatterShown: [true, { option: true }],
  context: async ({ context, frontMatterShown }, use) => {
    if (frontMatterShown) await context.addInitScript(() => localStorage.setItem('intertitle:front-matter', 'shown'));
    await use(context);
  },
  web: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'intertitle-e2e-'));
    const env = { documents: join(dir, 'Documents'), userData: join(dir, 'user-data') };
    const { url, child } = await startWeb(env);
    await use({
      url,
      library: join(env.documents, 'Intertitle Sample Library'),
      userData: env.userData,
      stop: () => stopChild(child),
    });
    await stopChild(child);
    await rm(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
