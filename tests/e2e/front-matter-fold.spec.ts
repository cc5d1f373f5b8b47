import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';

// A critic who has not chosen yet: reviews open with the front matter folded.
test.use({ frontMatterShown: false });

test('the front matter opens folded, the sidebar still edits it, and showing it is remembered', async ({ page, web }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(web.url);
  await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: /Nosferatu \(1922\)/ }).click();
  const editor = page.getByRole('region', { name: 'Editor' });
  const sidebar = page.getByRole('region', { name: 'Film metadata' });
  const show = editor.getByRole('button', { name: 'Show the front matter' });

  // The first screen is the review's prose, under one line standing for the YAML.
  await expect(show).toBeVisible();
  await expect(editor.getByText('About an hour into')).toBeInViewport();
  await expect(editor.locator('.cm-content')).not.toContainText('rating_scale');

  // The sidebar edits the folded YAML: the fold stays, the file changes.
  const rating = sidebar.getByRole('slider', { name: 'Rating' });
  await rating.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const file = join(web.library, 'nosferatu-1922', 'index.md');
  expect(await readFile(file, 'utf8')).toContain('rating: 4.5');
  await expect(show).toBeVisible();

  // Undo in the editor takes the sidebar's change back, fold or no fold.
  await editor.getByText('About an hour into').click();
  await page.keyboard.press('Control+z');
  await expect(rating).toHaveAttribute('aria-valuetext', '5 of 5 stars');

  // Shown once, shown from then on.
  await show.click();
  await expect(editor.locator('.cm-content')).toContainText('rating_scale: 5');
  await page.reload();
  await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: /Battleship Potemkin \(1925\)/ }).click();
  await expect(editor.locator('.cm-content')).toContainText('title:');
  await expect(show).toHaveCount(0);

  // Folded again with View › Show Front Matter's key, and that is remembered too.
  await editor.getByText('Potemkin').first().click();
  await page.keyboard.press('Control+Shift+H');
  await expect(show).toBeVisible();
  await page.reload();
  await expect(show).toBeVisible();
  // CodeMirror's fold keys work on its first line as well.
  // (On its opening `---`, left of the placeholder: a click on the placeholder itself unfolds.)
  await editor.locator('.cm-line').first().click({ position: { x: 4, y: 6 } });
  await page.keyboard.press('Control+Shift+BracketRight');
  await expect(editor.locator('.cm-content')).toContainText('title:');
  await page.keyboard.press('Control+Shift+BracketLeft');
  await expect(show).toBeVisible();
  expect(errors).toEqual([]);
});
