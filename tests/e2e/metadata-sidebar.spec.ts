import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Opens the sample review of Nosferatu and returns its panes and its file. */
async function openNosferatu(page: Page, url: string, library: string) {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: /Nosferatu \(1922\)/ }).click();
  const editor = page.getByRole('region', { name: 'Editor' });
  const sidebar = page.getByRole('region', { name: 'Film metadata' });
  await expect(editor.locator('.cm-content')).toContainText('directors: [F. W. Murnau]');
  await expect(sidebar.getByLabel('Title', { exact: true })).toHaveValue('Nosferatu');
  const file = join(library, 'nosferatu-1922', 'index.md');
  return { editor, sidebar, file, original: await readFile(file, 'utf8'), errors };
}

const changedLines = (before: string, after: string) => {
  const a = before.split('\n');
  const b = after.split('\n');
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]]]));
};

test('changing the director in the sidebar changes that YAML line only, and Ctrl+Z in the editor restores it', async ({ page, web }) => {
  const { editor, sidebar, file, original, errors } = await openNosferatu(page, web.url, web.library);

  const director = sidebar.getByLabel('Director 1');
  await director.fill('Friedrich Wilhelm Murnau');
  await director.press('Enter');
  await expect(editor.locator('.cm-content')).toContainText('directors: [Friedrich Wilhelm Murnau]');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(changedLines(original, await readFile(file, 'utf8'))).toEqual([['  directors: [F. W. Murnau]', '  directors: [Friedrich Wilhelm Murnau]']]);

  // One Ctrl+Z in the editor undoes the sidebar's edit as a whole.
  await editor.getByText('Dracula, unlicensed').click();
  await page.keyboard.press('Control+z');
  await expect(editor.locator('.cm-content')).toContainText('directors: [F. W. Murnau]');
  await expect(director).toHaveValue('F. W. Murnau');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toBe(original);
  expect(errors).toEqual([]);
});

test('the rating from the keyboard, the cast from the sidebar, each one line of YAML', async ({ page, web }) => {
  const { editor, sidebar, file, original } = await openNosferatu(page, web.url, web.library);

  const rating = sidebar.getByRole('slider', { name: 'Rating' });
  await rating.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(rating).toHaveAttribute('aria-valuetext', '4.5 of 5 stars');
  await expect(editor.locator('.cm-content')).toContainText('rating: 4.5');

  const cast = sidebar.getByRole('group', { name: 'Cast' });
  await cast.getByLabel('New cast member: actor').fill('Ruth Landshoff');
  await cast.getByLabel('New cast member: character').fill('Ruth, Harding’s sister');
  await page.keyboard.press('Enter');
  await expect(cast.getByLabel('Actor, row 7')).toHaveValue('Ruth Landshoff');
  await cast.getByRole('button', { name: 'Move Ruth Landshoff up' }).click();
  await expect(cast.getByLabel('Actor, row 6')).toHaveValue('Ruth Landshoff');
  // Focus stays with the moved row, so the keyboard can keep moving it.
  await expect(cast.getByRole('button', { name: 'Move Ruth Landshoff up' })).toBeFocused();

  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const saved = await readFile(file, 'utf8');
  expect(saved).toContain('rating: 4.5                                     # out of rating_scale\n');
  expect(saved).toContain('    - {name: Ruth Landshoff, character: "Ruth, Harding’s sister"}\n    - {name: John Gottowt, character: Professor Bulwer}\n');
  // Everything else, comments and quoting included, is as it was.
  const withoutEdits = saved
    .replace('rating: 4.5                                     #', 'rating: 5                                       #')
    .replace('    - {name: Ruth Landshoff, character: "Ruth, Harding’s sister"}\n', '');
  expect(withoutEdits).toBe(original);
});

test('a cast member typed in the YAML appears in the sidebar', async ({ page, web }) => {
  const { editor, sidebar } = await openNosferatu(page, web.url, web.library);
  // The cast's last line is below the fold: scroll to it, as the critic would.
  await editor.locator('.cm-content').hover();
  await page.mouse.wheel(0, 400);
  await editor.getByText('Professor Bulwer}').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  // Whatever the editor indents, the new line starts at the list's column.
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('    - {name: Ruth Landshoff, character: Ruth}');
  const cast = sidebar.getByRole('group', { name: 'Cast' });
  await expect(cast.getByLabel('Actor, row 7')).toHaveValue('Ruth Landshoff');
  await expect(cast.getByLabel('Character, row 7')).toHaveValue('Ruth');
});

test('broken YAML: the sidebar shows the error with its line, stays read-only, and rewrites nothing', async ({ page, web }) => {
  const { editor, sidebar, file, original } = await openNosferatu(page, web.url, web.library);
  await editor.locator('.cm-line', { hasText: /^\s*year: 1922$/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(': oops');

  const alert = sidebar.getByRole('alert');
  await expect(alert).toContainText('does not parse (line 13)');
  await expect(alert).toContainText('Put the value in quotes');
  // The last facts that parsed stay in view, read-only.
  await expect(sidebar.getByLabel('Year')).toHaveValue('1922');
  await expect(sidebar.getByLabel('Year')).toBeDisabled();
  await expect(sidebar.getByLabel('Director 1')).toBeDisabled();
  await expect(sidebar.getByRole('button', { name: 'Move Max Schreck down' })).toBeDisabled();
  await expect(sidebar.getByRole('slider', { name: 'Rating' })).toHaveAttribute('aria-disabled', 'true');

  // The body is still editable, and the file holds exactly what was typed.
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toBe(original.replace('  year: 1922\n', '  year: 1922: oops\n'));

  for (let i = 0; i < ': oops'.length; i++) await page.keyboard.press('Backspace');
  await expect(alert).toHaveCount(0);
  await expect(sidebar.getByLabel('Year')).toBeEnabled();
});

test('Ctrl+Shift+M hides and shows the sidebar; the layout fits four panes at 1440×900', async ({ page, web }) => {
  const { sidebar } = await openNosferatu(page, web.url, web.library);
  const box = await sidebar.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(320);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1440);
  const editorBox = await page.getByRole('region', { name: 'Editor' }).boundingBox();
  expect(editorBox?.width).toBeGreaterThanOrEqual(340);
  await page.keyboard.press('Control+Shift+M');
  await expect(sidebar).toHaveCount(0);
  await page.keyboard.press('Control+Shift+M');
  await expect(page.getByRole('region', { name: 'Film metadata' })).toBeVisible();
});

test('hostile front matter opens without hanging: the sidebar says why, the body stays editable', async ({ page, web }) => {
  const files = {
    'deep.md': `---\ntitle: Deep\nfilm: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n\nDeep body.\n`,
    'bomb.md': `---\n${['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((n, i) => `${n}: &${n} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n')}\n---\n\nBomb body.\n`,
    'code.md': '---js\nwindow.pwned = true; module.exports = {title: "x"}\n---\n\nCode body.\n',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(web.library, name), text);
  await page.goto(web.url);
  const library = page.getByRole('region', { name: 'Library' });
  const sidebar = page.getByRole('region', { name: 'Film metadata' });
  const editor = page.getByRole('region', { name: 'Editor' });
  for (const [name, why] of [['deep.md', /nests more than 64 levels/], ['bomb.md', /alias/i], ['code.md', /“---js” block/]] as const) {
    await library.getByRole('button', { name: new RegExp(`^${name.replace('.', '\\.')}`) }).click();
    await expect(sidebar.getByRole('alert')).toContainText(why);
    await expect(sidebar.getByLabel('Title', { exact: true })).toBeDisabled();
    await editor.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Still typing.');
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    expect(await readFile(join(web.library, name), 'utf8')).toBe(`${files[name]} Still typing.`);
  }
  expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
});
