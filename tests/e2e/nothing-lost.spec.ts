import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, startWeb, test } from './fixtures';

/** DESIGN §6 in the real UI: every way words could be lost, and what the critic sees instead. */

async function openNosferatu(page: Page) {
  const library = page.getByRole('region', { name: 'Library' });
  await library.getByRole('button', { name: /Nosferatu \(1922\)/ }).click();
  await expect(page.getByRole('region', { name: 'Editor' }).locator('.cm-content')).toContainText('Nosferatu');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
}

/** Waits until the recovery journal in user data holds `text`. */
async function journaled(userData: string, text: string) {
  const dir = join(userData, 'libraries');
  await expect
    .poll(
      async () => {
        const files = (await readdir(dir, { recursive: true }).catch(() => [] as string[])).filter((f) => f.includes('journal') && f.endsWith('.json'));
        const texts = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8').catch(() => '')));
        return texts.some((t) => t.includes(text));
      },
      { timeout: 10_000 },
    )
    .toBe(true);
}

async function typeAtEnd(page: Page, text: string, delay = 0) {
  await page.getByRole('region', { name: 'Editor' }).locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay });
}

test('after the host is killed mid-typing, the next start offers the unsaved words back', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'intertitle-crash-'));
  const env = { documents: join(dir, 'Documents'), userData: join(dir, 'user-data') };
  let { url, child } = await startWeb(env);
  try {
    await page.goto(url);
    await openNosferatu(page);
    // Typing without a pause: autosave never fires, but the journal must have the words within a second.
    const typing = typeAtEnd(page, '\n\nWords that were never saved, typed right up to the crash.', 60);
    await journaled(env.userData, 'Words that were never');
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    await typing.catch(() => {});
    const onDisk = await readFile(join(env.documents, 'Intertitle Sample Library', 'nosferatu-1922', 'index.md'), 'utf8');
    expect(onDisk).not.toContain('Words that were never');

    ({ url, child } = await startWeb(env));
    await page.goto(url);
    const offer = page.getByRole('region', { name: 'Recovered text' });
    await expect(offer).toContainText('nosferatu-1922/index.md');
    await offer.getByRole('button', { name: 'Compare' }).click();
    const compare = page.getByRole('dialog', { name: /Recovered text of nosferatu-1922/ });
    await expect(compare.locator('.compare-row.changed', { hasText: 'Words that were never' })).toHaveCount(1);
    await compare.getByRole('button', { name: 'Restore' }).click();
    await expect(offer).toBeHidden();
    const editor = page.getByRole('region', { name: 'Editor' });
    await editor.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    // What the journal held at the kill: everything typed up to at most a second before it.
    await expect(editor.locator('.cm-content')).toContainText('Words that were never');
    await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
    expect(await readFile(join(env.documents, 'Intertitle Sample Library', 'nosferatu-1922', 'index.md'), 'utf8')).toContain('Words that were never');
  } finally {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
});

test('discarding recovered words is the critic’s choice and leaves the file as it was', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'intertitle-crash-'));
  const env = { documents: join(dir, 'Documents'), userData: join(dir, 'user-data') };
  let { url, child } = await startWeb(env);
  try {
    await page.goto(url);
    await openNosferatu(page);
    const typing = typeAtEnd(page, '\n\nA sentence the critic will throw away after the crash.', 60);
    await journaled(env.userData, 'A sentence the critic');
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    await typing.catch(() => {});
    const file = join(env.documents, 'Intertitle Sample Library', 'nosferatu-1922', 'index.md');
    const before = await readFile(file, 'utf8');
    ({ url, child } = await startWeb(env));
    await page.goto(url);
    const offer = page.getByRole('region', { name: 'Recovered text' });
    await offer.getByRole('button', { name: 'Discard' }).click();
    await expect(offer).toBeHidden();
    expect(await readFile(file, 'utf8')).toBe(before);
    await page.reload();
    await expect(page.getByRole('region', { name: 'Library' }).getByRole('listitem').first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Recovered text' })).toHaveCount(0);
  } finally {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
});

test('an outside change under unsaved text raises the conflict bar; compare, then keep mine keeps theirs beside it', async ({ page, web }) => {
  await page.goto(web.url);
  await openNosferatu(page);
  const file = join(web.library, 'nosferatu-1922', 'index.md');
  const original = await readFile(file, 'utf8');
  await typeAtEnd(page, '\n\nMine, typed in Intertitle.');
  await writeFile(file, `${original}\nTheirs, from a sync client.\n`);
  const bar = page.getByRole('region', { name: 'Editor' }).getByRole('alert').filter({ hasText: 'changed by another program' });
  await expect(bar).toBeVisible();
  await expect(page.getByTestId('save-state')).toContainText('Not saved');

  await bar.getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('dialog', { name: /Compare nosferatu-1922/ });
  await expect(compare.getByRole('columnheader')).toHaveText(['Yours (not saved)', 'On disk now']);
  await expect(compare.locator('.compare-row.changed', { hasText: 'Mine, typed in Intertitle.' })).toHaveCount(1);
  await expect(compare.locator('.compare-row.changed', { hasText: 'Theirs, from a sync client.' })).toHaveCount(1);
  await expect(compare).toContainText('Theirs, from a sync client.');
  await compare.getByRole('button', { name: 'Keep mine' }).click();

  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await expect(bar).toBeHidden();
  const saved = await readFile(file, 'utf8');
  expect(saved).toContain('Mine, typed in Intertitle.');
  expect(saved).not.toContain('Theirs, from a sync client.');
  const copies = (await readdir(join(web.library, 'nosferatu-1922'))).filter((name) => /^index\.conflict-\d{4}-\d\d-\d\d-\d{6}\.md$/.test(name));
  expect(copies).toHaveLength(1);
  expect(await readFile(join(web.library, 'nosferatu-1922', copies[0]!), 'utf8')).toContain('Theirs, from a sync client.');
});

test('take theirs shows the disk version and sets mine aside for later', async ({ page, web }) => {
  await page.goto(web.url);
  await openNosferatu(page);
  const file = join(web.library, 'nosferatu-1922', 'index.md');
  const original = await readFile(file, 'utf8');
  await typeAtEnd(page, '\n\nMine, set aside.');
  await writeFile(file, `${original}\nTheirs wins.\n`);
  const bar = page.getByRole('region', { name: 'Editor' }).getByRole('alert').filter({ hasText: 'changed by another program' });
  await bar.getByRole('button', { name: 'Take theirs' }).click();
  await expect(bar).toBeHidden();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toBe(`${original}\nTheirs wins.\n`);
  // Mine is still offered, from the journal.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Recovered text' })).toContainText('set aside in a conflict');
});

test('a review deleted on disk stays open and unsaved, and can be saved again', async ({ page, web }) => {
  await page.goto(web.url);
  await openNosferatu(page);
  await rm(join(web.library, 'nosferatu-1922'), { recursive: true });
  const bar = page.getByRole('region', { name: 'Editor' }).getByRole('alert').filter({ hasText: 'was deleted by another program' });
  await expect(bar).toBeVisible();
  await expect(page.getByTestId('save-state')).toContainText('gone from disk');
  await typeAtEnd(page, '\n\nStill here.');
  await page.waitForTimeout(1500);
  await expect(readdir(web.library)).resolves.not.toContain('nosferatu-1922');
  await bar.getByRole('button', { name: 'Save it again here' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(await readFile(join(web.library, 'nosferatu-1922', 'index.md'), 'utf8')).toContain('Still here.');
});

test('two tabs on the same review: the second save meets a conflict instead of overwriting', async ({ page, context, web }) => {
  await page.goto(web.url);
  await openNosferatu(page);
  const second = await context.newPage();
  await second.goto(web.url);
  await openNosferatu(second);

  await typeAtEnd(page, '\n\nFrom the first tab.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  await typeAtEnd(second, '\n\nFrom the second tab.');
  await expect(second.getByTestId('save-state')).toContainText('Not saved', { timeout: 10_000 });
  await expect(second.getByRole('region', { name: 'Editor' }).getByRole('alert')).toContainText('changed by another program');
  const onDisk = await readFile(join(web.library, 'nosferatu-1922', 'index.md'), 'utf8');
  expect(onDisk).toContain('From the first tab.');
  expect(onDisk).not.toContain('From the second tab.');
});
