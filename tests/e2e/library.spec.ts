import { access, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('the library searches bodies with marked snippets, filters by director and rating, sorts and counts', async ({ page, web }) => {
  await page.goto(web.url);
  const library = page.getByRole('region', { name: 'Library' });
  await expect(library.getByRole('button', { name: /Nosferatu \(1922\)/ })).toBeVisible();
  await expect(library.getByRole('button', { name: /Nosferatu \(1922\)/ })).toContainText('F. W. Murnau');
  await expect(library.getByRole('button', { name: /Battleship Potemkin \(1925\)/ })).toContainText('★ 4.5');

  // A word from the body of one review only: its snippet shows the match, marked.
  const search = library.getByLabel('Search reviews');
  await search.fill('odessa');
  await expect(library.getByRole('listitem')).toHaveCount(1);
  const hit = library.getByRole('button', { name: /Battleship Potemkin/ });
  await expect(hit.locator('.review-snippet mark').first()).toHaveText(/odessa/i);
  await expect(library).toContainText('1 of 2 reviews');
  await search.fill('xyzzy-nothing');
  await expect(library).toContainText('No review matches “xyzzy-nothing”.');
  await search.press('Escape');
  await expect(library.getByRole('listitem')).toHaveCount(2);

  // Filters: director, and a least rating that only one review reaches.
  await library.getByRole('button', { name: /Filters/ }).click();
  await library.getByLabel('Director').selectOption('Sergei Eisenstein');
  await expect(library.getByRole('listitem')).toHaveCount(1);
  await expect(library.getByRole('listitem')).toContainText('Battleship Potemkin');
  await library.getByRole('button', { name: 'Clear' }).click();
  await library.getByLabel('Rating').selectOption('5');
  await expect(library.getByRole('listitem')).toHaveCount(1);
  await expect(library.getByRole('listitem')).toContainText('Nosferatu');
  await library.getByLabel('Rating').selectOption('');

  // Sort by film year: Nosferatu (1922) before Potemkin (1925); newest review first by default.
  await library.getByLabel('Sort reviews').selectOption('year');
  await expect(library.locator('.review-title').first()).toContainText('The shadow goes up the stairs first');
  await library.getByLabel('Sort reviews').selectOption('date');
  await expect(library.locator('.review-title').first()).toContainText('Six minutes on a flight of steps');
});

test('rename, duplicate and trash from the keyboard, with a confirmation before the trash', async ({ page, web }) => {
  await page.goto(web.url);
  const library = page.getByRole('region', { name: 'Library' });
  const editor = page.getByRole('region', { name: 'Editor' });
  await library.getByRole('button', { name: /Nosferatu \(1922\)/ }).click();
  await expect(editor.locator('.cm-content')).toContainText('Nosferatu');

  // Rename: context-menu key on the focused row, then the dialog. The open review follows.
  await library.getByRole('button', { name: /Nosferatu \(1922\)/ }).focus();
  await page.keyboard.press('Shift+F10');
  await page.getByRole('menuitem', { name: /Rename/ }).click();
  const rename = page.getByRole('dialog', { name: 'Rename folder' });
  await rename.getByLabel('New folder name').fill('Nosferatu Murnau');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(page.locator('.status-path')).toHaveText('nosferatu-murnau/index.md');
  await expect(page.getByText('it is now nosferatu-murnau/index.md')).toBeVisible();
  await access(join(web.library, 'nosferatu-murnau', 'stills'));
  await expect(readdir(web.library)).resolves.not.toContain('nosferatu-1922');

  // Duplicate from the ⋯ menu: the copy opens.
  const row = library.getByRole('listitem').filter({ hasText: 'Nosferatu' });
  await row.hover();
  await row.locator('.row-menu-button').click();
  await page.getByRole('menuitem', { name: 'Duplicate' }).click();
  await expect(page.locator('.status-path')).toHaveText('nosferatu-murnau-copy/index.md');
  await expect(library.getByRole('listitem')).toHaveCount(3);

  // Trash (Delete key), confirmed: it goes to the trash folder in user data, not in the library.
  await library.getByRole('button', { name: /Battleship Potemkin/ }).focus();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Move to Trash?' });
  await expect(confirm).toContainText('Intertitle’s own trash folder');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(library.getByRole('listitem')).toHaveCount(3);
  await library.getByRole('button', { name: /Battleship Potemkin/ }).focus();
  await page.keyboard.press('Delete');
  await confirm.getByRole('button', { name: 'Move to Trash' }).click();
  await expect(library.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByText(/Moved “Six minutes on a flight of steps” to Intertitle’s trash folder/)).toBeVisible();
  await expect(readdir(web.library)).resolves.not.toContain('battleship-potemkin-1925');
  const trashed = await readdir(web.userData, { recursive: true });
  expect(trashed.some((p) => p.endsWith(join('battleship-potemkin-1925', 'index.md')))).toBe(true);
});

test('reviews another program adds or changes appear within a second; a clean open review reloads silently', async ({ page, web }) => {
  await page.goto(web.url);
  const library = page.getByRole('region', { name: 'Library' });
  const editor = page.getByRole('region', { name: 'Editor' });
  await library.getByRole('button', { name: /Nosferatu \(1922\)/ }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  await writeFile(join(web.library, 'from-git.md'), '---\ntitle: "Pulled from git"\nfilm:\n  title: Vampyr\n  year: 1932\n---\nDreyer.\n');
  await expect(library.getByRole('button', { name: /Pulled from git/ })).toBeVisible({ timeout: 1500 });

  const file = join(web.library, 'nosferatu-1922', 'index.md');
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace('The shadow goes up the stairs first', 'The shadow, edited in another editor'));
  await expect(editor.locator('.cm-content')).toContainText('The shadow, edited in another editor', { timeout: 1500 });
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await expect(library.getByRole('button', { name: /The shadow, edited in another editor/ })).toBeVisible();
});

test('a review chosen while the first screen is still opening stays open: the slower first open does not overtake it', async ({ page, web }) => {
  let held = false;
  await page.route('**/api/review.read*', async (route) => {
    if (held) return route.continue();
    held = true; // the first screen's open of the newest review (Potemkin) answers late
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto(web.url);
  const library = page.getByRole('region', { name: 'Library' });
  await library.getByRole('button', { name: /Nosferatu \(1922\)/ }).click();
  const editor = page.getByRole('region', { name: 'Editor' });
  await expect(editor.locator('.cm-content')).toContainText('title: "Nosferatu"');
  await page.waitForTimeout(2000); // past the held answer
  await expect(editor.locator('.cm-content')).toContainText('title: "Nosferatu"');
  await expect(library.getByRole('button', { name: /Nosferatu \(1922\)/ })).toHaveAttribute('aria-current', 'true');
});
