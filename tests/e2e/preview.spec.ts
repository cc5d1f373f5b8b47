import { expect, test } from './fixtures';

test('the preview follows the editor as it scrolls', async ({ page, web }) => {
  await page.goto(web.url);
  await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: /Nosferatu/ }).click();
  const preview = page.locator('.preview-scroller');
  await expect(page.locator('.preview-page figure').first()).toBeVisible();
  expect(await preview.evaluate((el) => el.scrollTop)).toBe(0);
  // Scroll the editor to the last part of the review: the preview shows its last heading.
  await page.locator('.cm-scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect.poll(() => preview.evaluate((el) => el.scrollTop)).toBeGreaterThan(500);
  const lastHeading = page.locator('.preview-page h2').last();
  await expect
    .poll(async () => {
      const box = await lastHeading.boundingBox();
      const pane = await preview.boundingBox();
      return box && pane ? box.y < pane.y + pane.height : false;
    })
    .toBe(true);
  // And back to the top.
  await page.locator('.cm-scroller').evaluate((el) => (el.scrollTop = 0));
  await expect.poll(() => preview.evaluate((el) => el.scrollTop)).toBeLessThan(50);
});
