import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { expect, test } from './fixtures';

/** A 2400 × 1600 JPEG stored turned (EXIF orientation 6), in the test's temp folder. */
async function picture(dir: string, name: string): Promise<string> {
  const file = join(dir, name);
  await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#6f6152' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toFile(file);
  return file;
}

test('Add still… with the file chooser: the file is in stills/, the figure in the editor and the preview; a caption typed in the panel changes the markdown, and Ctrl+Z reverts it', async ({ page, web }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(web.url);
  await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: /Nosferatu \(1922\)/ }).click();
  const editor = page.getByRole('region', { name: 'Editor' });
  const content = editor.locator('.cm-content');
  await expect(content).toContainText('directors: [F. W. Murnau]');
  const file = join(web.library, 'nosferatu-1922', 'index.md');
  const stillsDir = join(web.library, 'nosferatu-1922', 'stills');
  const before = await readdir(stillsDir);

  // The cursor at the end of the text: the still goes there.
  await content.click();
  await page.keyboard.press('Control+End');
  await page.getByRole('tab', { name: 'Stills' }).click();
  const panel = page.getByRole('region', { name: 'Stills' });
  await expect(panel.getByRole('listitem', { name: '01-shadow-on-the-stairs.jpg' })).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Add still…' }).click();
  await (await chooser).setFiles(await picture(join(web.userData, '..'), 'Lyudmila at home.jpg'));

  const card = panel.getByRole('listitem', { name: '04-lyudmila-at-home.jpg' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('1333 × 2000');
  expect((await readdir(stillsDir)).sort()).toEqual([...before, '04-lyudmila-at-home.jpg', '04-lyudmila-at-home.web.jpg'].sort());
  await expect(content).toContainText('![](stills/04-lyudmila-at-home.jpg)');
  const figure = page.getByRole('region', { name: 'Preview' }).locator('figure img[data-src="stills/04-lyudmila-at-home.jpg"]');
  await expect(figure).toHaveAttribute('width', '1333');
  await expect(figure).toHaveAttribute('height', '2000');
  // The preview loads the upright web copy.
  await expect(figure).toHaveAttribute('src', /04-lyudmila-at-home\.web\.jpg$/);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const added = await readFile(file, 'utf8');
  expect(added).toContain('\n\n![](stills/04-lyudmila-at-home.jpg)\n');

  // A caption typed in the panel becomes the image title.
  const caption = card.getByLabel('Caption');
  await caption.fill('Lyudmila at home, before the strike');
  await caption.press('Enter');
  await expect(content).toContainText('![](stills/04-lyudmila-at-home.jpg "Lyudmila at home, before the strike")');
  await expect(page.getByRole('region', { name: 'Preview' }).locator('figcaption').last()).toContainText('Lyudmila at home, before the strike');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toContain('![](stills/04-lyudmila-at-home.jpg "Lyudmila at home, before the strike")');

  // One Ctrl+Z in the editor takes the caption back out.
  await content.click();
  await page.keyboard.press('Control+z');
  await expect(content).not.toContainText('before the strike');
  await expect(content).toContainText('![](stills/04-lyudmila-at-home.jpg)');
  await expect(caption).toHaveValue('');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toBe(added);
  expect(errors).toEqual([]);
});

test('editing the markdown updates the panel; a thumbnail shows its figure; a missing file shows a placeholder and a warning', async ({ page, web }) => {
  await page.goto(web.url);
  await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: /Nosferatu \(1922\)/ }).click();
  const content = page.getByRole('region', { name: 'Editor' }).locator('.cm-content');
  await expect(content).toContainText('directors: [F. W. Murnau]');
  await page.keyboard.press('Control+Shift+I');
  const panel = page.getByRole('region', { name: 'Stills' });
  const card = panel.getByRole('listitem', { name: '02-ship-under-the-moon.jpg' });
  await expect(card.getByLabel('Caption')).toHaveValue(/^The Empusa sails on/);

  // Clicking the thumbnail selects the figure in the editor; typing over the caption there updates the panel.
  await card.getByRole('button', { name: 'Show 02-ship-under-the-moon.jpg in the text' }).click();
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  expect(selected).toMatch(/^!\[.*\]\(stills\/02-ship-under-the-moon\.jpg ".*"\)$/);
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(' at dusk');
  await expect(card.getByLabel('Caption')).toHaveValue(/ at dusk$/);

  // The file goes away behind Intertitle's back: placeholder in the preview, warning in the panel.
  await rm(join(web.library, 'nosferatu-1922', 'stills', '02-ship-under-the-moon.jpg'));
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(card.getByText('Missing file')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Stills 1 missing' })).toBeVisible();
  await expect(card).toContainText('is missing: there is no such file beside the review');
  await expect(page.getByRole('region', { name: 'Preview' }).locator('.still-placeholder')).toHaveText('Missing still: stills/02-ship-under-the-moon.jpg');
});

test('a picture dropped on the editor lands where it was dropped; pasted image data goes in at the cursor; a non-picture and an empty file are refused and change nothing', async ({ page, web }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(web.url);
  await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: /Nosferatu \(1922\)/ }).click();
  const content = page.getByRole('region', { name: 'Editor' }).locator('.cm-content');
  await expect(content).toContainText('directors: [F. W. Murnau]');
  const file = join(web.library, 'nosferatu-1922', 'index.md');
  const stillsDir = join(web.library, 'nosferatu-1922', 'stills');
  const before = (await readdir(stillsDir)).sort();
  const original = await readFile(file, 'utf8');
  const small = (await sharp({ create: { width: 640, height: 360, channels: 3, background: '#30405a' } }).png().toBuffer()).toString('base64');

  /** Sends files to the editor as a drop on a line's text, or as a paste at the cursor. */
  const send = (how: 'drop' | 'paste', files: Array<{ name: string; type: string; base64: string }>, onText?: string) =>
    content.evaluate(
      (el, { how, files, onText }) => {
        const data = new DataTransfer();
        for (const f of files) data.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
        if (how === 'paste') {
          el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
          return;
        }
        const line = [...el.querySelectorAll('.cm-line')].find((l) => l.textContent?.startsWith(onText!))!;
        const box = line.getBoundingClientRect();
        const at = { clientX: box.left + box.width / 2, clientY: box.top + 10, bubbles: true, cancelable: true, dataTransfer: data };
        el.dispatchEvent(new DragEvent('dragover', at));
        el.dispatchEvent(new DragEvent('drop', at));
      },
      { how, files, onText },
    );

  // Refused, with a sentence naming the file, and nothing changes.
  await send('paste', [{ name: 'notes.txt', type: 'text/plain', base64: Buffer.from('just words').toString('base64') }]);
  await expect(page.getByRole('alert').filter({ hasText: '“notes.txt”' })).toBeVisible();
  await send('paste', [{ name: 'empty.jpg', type: 'image/jpeg', base64: '' }]);
  await expect(page.getByRole('alert').filter({ hasText: '“empty.jpg” is empty' })).toBeVisible();
  expect((await readdir(stillsDir)).sort()).toEqual(before);
  expect(await readFile(file, 'utf8')).toBe(original);

  // The cursor at the end; a picture dropped on the paragraph that starts "A century of vampires"
  // goes right after that paragraph (a paragraph is never split), not at the cursor.
  await content.click();
  await page.keyboard.press('Control+End');
  await send('drop', [{ name: 'Harbour at night.png', type: 'image/png', base64: small }], 'A century of vampires');
  await expect(content).toContainText('![](stills/04-harbour-at-night.png)');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toContain('follows you up the stairs.\n\n![](stills/04-harbour-at-night.png)\n\n[^1]:');

  // Image data pasted (a screenshot, named image.png: a name that says nothing) goes in at the cursor.
  await send('paste', [{ name: 'image.png', type: 'image/png', base64: small }]);
  await expect(content).toContainText('![](stills/05-still.png)');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toMatch(/outlive the ruling\.\n\n!\[\]\(stills\/05-still\.png\)\n$/);
  expect((await readdir(stillsDir)).sort()).toEqual([...before, '04-harbour-at-night.png', '05-still.png'].sort());
  expect(errors).toEqual([]);
});
