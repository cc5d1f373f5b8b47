import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { findElectron, launchApp } from './electron-app';

const electron = findElectron();
if (!electron.binary) {
  // Said out loud, so a run without Electron is never mistaken for a passing one.
  console.log(`[e2e-electron] skipped: ${electron.reason}.`);
}
test.skip(!electron.binary, `Electron e2e skipped: ${electron.reason ?? ''}`);

test('the desktop app opens the sample review, and what the critic types is previewed and saved', async () => {
  const launched = await launchApp(electron.binary!);
  try {
    const page = await launched.app.firstWindow();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });

    // The shell: served from the app scheme, sandboxed, with only the one bridge.
    expect(new URL(page.url()).protocol).toBe('intertitle:');
    expect(
      await page.evaluate(() => ({
        bridge: Object.keys((window as unknown as { intertitle: object }).intertitle).sort(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      })),
    ).toEqual({ bridge: ['call', 'stillBase', 'subscribe'], require: 'undefined', process: 'undefined' });

    const library = page.getByRole('region', { name: 'Library' });
    const editor = page.getByRole('region', { name: 'Editor' });
    const preview = page.getByRole('region', { name: 'Preview' });
    await library.getByRole('button', { name: /Nosferatu \(1922\)/ }).click();
    await expect(editor.locator('.cm-content')).toContainText('Nosferatu');

    // Stills come through the stills scheme.
    const still = preview.locator('figure img').first();
    await expect.poll(() => still.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await still.getAttribute('src')).toMatch(/^intertitle-still:\/\/library\//);

    await editor.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('## Typed in Electron');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('A paragraph written by the Electron end-to-end test.');

    await expect(preview.getByRole('heading', { level: 2, name: 'Typed in Electron' })).toBeVisible();
    await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
    const onDisk = await readFile(join(launched.library, 'nosferatu-1922', 'index.md'), 'utf8');
    expect(onDisk).toContain('\n## Typed in Electron\n\nA paragraph written by the Electron end-to-end test.');
    expect(errors).toEqual([]);
  } finally {
    await launched.close();
  }
});
