import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('a review whose front matter does not parse still opens, shows the error, and its body can be edited', async ({ page, web }) => {
  const broken = '---\ntitle: "Unclosed\nfilm: {title: Vampyr\n---\n\nDreyer’s fog.\n';
  await writeFile(join(web.library, 'broken.md'), broken);
  await page.goto(web.url);
  const library = page.getByRole('region', { name: 'Library' });
  await library.getByRole('button', { name: /broken\.md/ }).click();
  const editor = page.getByRole('region', { name: 'Editor' });
  await expect(editor.getByRole('alert')).toContainText(/front matter does not parse \(line \d+\)/);
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('Dreyer’s fog.');

  await editor.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' And light.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(await readFile(join(web.library, 'broken.md'), 'utf8')).toBe(broken.replace('fog.\n', 'fog.\n And light.'));
});

test('a file that is not UTF-8 opens read-only with a message and is never rewritten', async ({ page, web }) => {
  const latin1 = Buffer.from('---\ntitle: Caf\xe9\n---\n\nUn caf\xe9.\n', 'latin1');
  await writeFile(join(web.library, 'latin1.md'), latin1);
  await page.goto(web.url);
  await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: /latin1\.md|Caf/ }).click();
  const editor = page.getByRole('region', { name: 'Editor' });
  await expect(editor.getByRole('alert')).toContainText('not valid UTF-8');
  await expect(editor.locator('.cm-content')).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByTestId('save-state')).toHaveText('Read-only');
  await editor.locator('.cm-content').click();
  await page.keyboard.type('typing here does nothing');
  await page.waitForTimeout(1500);
  expect(await readFile(join(web.library, 'latin1.md'))).toEqual(latin1);
});

test('a review changed by another program under unsaved text is not overwritten: the save fails visibly and the text stays', async ({ page, web }) => {
  await page.goto(web.url);
  await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: /Potemkin/ }).click();
  const editor = page.getByRole('region', { name: 'Editor' });
  await expect(editor.locator('.cm-content')).toContainText('Potemkin');
  const file = join(web.library, 'battleship-potemkin-1925', 'index.md');
  const theirs = `${await readFile(file, 'utf8')}\nA line added in another editor.\n`;

  // (A change under a clean buffer simply reloads it: see library.spec.ts.)
  await editor.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('Mine, typed after the other change.');
  await writeFile(file, theirs);
  await expect(page.getByTestId('save-state')).toContainText('changed by another program');
  expect(await readFile(file, 'utf8')).toBe(theirs);
  // Switching away is refused rather than dropping the unsaved text.
  await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: /Nosferatu/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be saved' })).toBeVisible();
  await expect(editor.locator('.cm-content')).toContainText('Mine, typed after the other change.');
});
