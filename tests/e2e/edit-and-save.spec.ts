import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('a critic opens a review, writes, sees the preview, and the words are on disk after autosave', async ({ page, web }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });

  await page.goto(web.url);
  const library = page.getByRole('region', { name: 'Library' });
  const editor = page.getByRole('region', { name: 'Editor' });
  const preview = page.getByRole('region', { name: 'Preview' });

  // The first screen is a working editor with a review in it.
  await expect(editor.locator('.cm-content')).toContainText('film:');
  await expect(library.getByRole('button', { name: /Nosferatu \(1922\)/ })).toBeVisible();
  await expect(library.getByRole('button', { name: /Battleship Potemkin \(1925\)/ })).toBeVisible();

  // Choosing a review opens it.
  await library.getByRole('button', { name: /Nosferatu \(1922\)/ }).click();
  await expect(editor.locator('.cm-content')).toContainText('Nosferatu');
  await expect(library.getByRole('button', { name: /Nosferatu \(1922\)/ })).toHaveAttribute('aria-current', 'true');

  // Its stills are figures, loaded through the host, with caption and credit.
  const figure = preview.locator('figure').first();
  await expect(figure.locator('figcaption .caption')).not.toBeEmpty();
  await expect(figure.locator('figcaption .credit')).not.toBeEmpty();
  await expect
    .poll(() => figure.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  // The front matter is not shown as text.
  await expect(preview).not.toContainText('rating_scale');

  // Type a heading and a paragraph at the end.
  await editor.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('## Typed in the browser');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('A paragraph written by the end-to-end test, about the shadow on the stairs.');

  await expect(preview.getByRole('heading', { level: 2, name: 'Typed in the browser' })).toBeVisible();
  await expect(preview.locator('p', { hasText: 'written by the end-to-end test' })).toBeVisible();
  await expect(page.getByTestId('word-count')).toContainText('words');

  // Autosave after the pause in typing.
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const onDisk = await readFile(join(web.library, 'nosferatu-1922', 'index.md'), 'utf8');
  expect(onDisk).toContain('\n## Typed in the browser\n\nA paragraph written by the end-to-end test, about the shadow on the stairs.');
  expect(onDisk.startsWith('---\n')).toBe(true);

  // Reload: the saved text comes back.
  await page.reload();
  // The editor draws only what is in view: go to the end, as the critic would.
  await editor.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await expect(editor.locator('.cm-content')).toContainText('A paragraph written by the end-to-end test');
  await expect(preview.getByRole('heading', { level: 2, name: 'Typed in the browser' })).toBeVisible();

  expect(errors).toEqual([]);
});

test('a critic creates a new review for a film and it opens with its front matter', async ({ page, web }) => {
  await page.goto(web.url);
  const library = page.getByRole('region', { name: 'Library' });
  await expect(library.getByRole('button', { name: /Nosferatu/ })).toBeVisible();
  await library.getByRole('button', { name: 'New review' }).click();
  const dialog = page.getByRole('dialog', { name: 'New review' });
  await dialog.getByLabel('Film title').fill('Sunrise: A Song of Two Humans');
  await dialog.getByLabel('Year').fill('1927');
  await dialog.getByLabel(/Look up the film’s facts/).uncheck();
  await dialog.getByRole('button', { name: 'Create review' }).click();
  await expect(dialog).toBeHidden();
  await expect(library.getByRole('button', { name: /Sunrise: A Song of Two Humans \(1927\)/ })).toHaveAttribute('aria-current', 'true');
  const editor = page.getByRole('region', { name: 'Editor' });
  await expect(editor.locator('.cm-content')).toContainText('title: "Sunrise: A Song of Two Humans"');
  await page.keyboard.type('Murnau’s first American film.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const text = await readFile(join(web.library, 'sunrise-a-song-of-two-humans-1927', 'index.md'), 'utf8');
  expect(text).toMatch(/status: draft\nfilm:\n  title: "Sunrise: A Song of Two Humans"\n  year: 1927\n---\n\nMurnau’s first American film\.\n?$/);
});

test('the filter narrows the library, and a missing library path gets a clear message', async ({ page, web }) => {
  await page.goto(web.url);
  const library = page.getByRole('region', { name: 'Library' });
  await expect(library.getByRole('button', { name: /Potemkin/ })).toBeVisible();
  await library.getByLabel('Search reviews').fill('potemkin');
  await expect(library.getByRole('button', { name: /Nosferatu/ })).toBeHidden();
  await expect(library.getByRole('button', { name: /Potemkin/ })).toBeVisible();
  await expect(library).toContainText('1 of 2 reviews');

  await library.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open library' });
  await dialog.getByLabel('Folder of reviews').fill(join(web.library, 'does-not-exist'));
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('alert')).toContainText('There is no folder at');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // Nothing changed: the review is still open.
  await expect(page.getByRole('region', { name: 'Editor' }).locator('.cm-content')).toContainText('film:');
});
