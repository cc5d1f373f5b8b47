import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { expect, test } from './fixtures';

const slug = 'the-shadow-goes-up-the-stairs-first';
// The host's first export loads the Node sanitiser (jsdom): seconds on a busy two-core machine.
const firstExport = { timeout: 45_000 };
test.setTimeout(120_000);

test('a critic exports a review as a Hugo bundle from the keyboard, sees the shortcodes, saves it to a typed folder', async ({ page, web }) => {
  const out = await mkdtemp(join(tmpdir(), 'intertitle-e2e-export-'));
  try {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(web.url);
    await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: /Nosferatu \(1922\)/ }).click();
    await expect(page.getByRole('region', { name: 'Editor' }).locator('.cm-content')).toContainText('Nosferatu');

    // Mod-e opens the dialog; the destinations are a radio group, chosen with the keyboard.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('radio', { name: 'Web page (HTML)' })).toBeFocused();
    await page.keyboard.press('ArrowDown'); // rich text
    await page.keyboard.press('ArrowDown'); // Hugo
    await expect(dialog.getByRole('radio', { name: 'Hugo page bundle' })).toBeChecked();

    // The bundle's index.md, before anything is written: front matter and figure shortcodes.
    const source = dialog.getByLabel('Export source');
    await expect(source).toContainText('draft: false', firstExport);
    await expect(source).toContainText(
      '{{< figure src="stills/01-shadow-on-the-stairs.jpg" alt="Illustration: a clawed shadow climbs the wall beside a curving staircase" caption="The shadow goes up the stairs before the man does, and that is the whole film in one shot" attr=`\\',
    );
    await expect(dialog.getByText(`${slug}/stills/02-ship-under-the-moon.jpg`)).toBeVisible();

    // Save into a folder typed by hand (the browser host has no folder picker).
    await dialog.getByLabel('Save in folder').fill(out);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog.getByRole('status')).toHaveText(`Saved 4 files in ${out}.`, firstExport);

    const bundle = join(out, slug);
    expect((await readdir(bundle, { recursive: true })).sort()).toEqual(
      ['index.md', 'stills', 'stills/01-shadow-on-the-stairs.jpg', 'stills/02-ship-under-the-moon.jpg', 'stills/03-ellen-on-the-dunes.jpg'].sort(),
    );
    const index = await readFile(join(bundle, 'index.md'), 'utf8');
    expect(index).toBe(await source.textContent());
    expect(await readFile(join(bundle, 'stills', '01-shadow-on-the-stairs.jpg'))).toEqual(
      await readFile(join(web.library, 'nosferatu-1922', 'stills', '01-shadow-on-the-stairs.jpg')),
    );

    // Escape closes the dialog and the critic is back in the editor.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(errors).toEqual([]);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('the web page shows in a sandboxed frame with its stills, and rich text copies with captions under the images', async ({ page, web, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(web.url);
  await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: /Nosferatu \(1922\)/ }).click();
  await expect(page.getByRole('region', { name: 'Editor' }).locator('.cm-content')).toContainText('Nosferatu');
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'Web page (HTML)' }).check();

  const frame = dialog.locator('iframe[title="Export preview"]');
  await expect(frame).toHaveAttribute('sandbox', '');
  const pageInFrame = frame.contentFrame();
  await expect(pageInFrame.getByRole('heading', { level: 1 })).toHaveText('The shadow goes up the stairs first', firstExport);
  await expect(pageInFrame.locator('figcaption .credit').first()).toHaveText('Illustration generated for the Intertitle sample library');
  await expect.poll(() => pageInFrame.locator('figure img').first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  // The source the critic would save refers to the copies, not to embedded data.
  await dialog.getByRole('tab', { name: 'HTML' }).click();
  await expect(dialog.getByLabel('Export source')).toContainText('<img src="stills/01-shadow-on-the-stairs.jpg"');

  await dialog.getByRole('radio', { name: /Rich text/ }).check();
  await expect(frame.contentFrame().locator('img').first()).toBeVisible(firstExport);
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied as rich text: paste it into your editor.', firstExport);
  const clipboard = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return { html: await (await item!.getType('text/html')).text(), text: await (await item!.getType('text/plain')).text() };
  });
  expect(clipboard.html).toMatch(/<p><img src="data:image\/jpeg;base64,[^"]+" alt="Illustration: a clawed shadow[^"]*"><\/p>\s*<p><em>The shadow goes up the stairs before the man does, and that is the whole film in one shot — Illustration generated for the Intertitle sample library<\/em><\/p>/);
  expect(clipboard.html).not.toContain('figcaption');
  expect(clipboard.text).toContain('[Illustration: a clawed shadow climbs the wall beside a curving staircase]\nThe shadow goes up the stairs before the man does');
  void web;
});
