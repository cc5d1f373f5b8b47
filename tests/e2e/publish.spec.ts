import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGhostServer, type GhostServer } from '../helpers/ghost-server';
import { expect, startWeb, stopChild, test } from './fixtures';

// The real renderer and the real HTTP host publishing to a LOCAL STAND-IN for Ghost's Admin API
// on 127.0.0.1 (tests/helpers/ghost-server.ts: it verifies the token and answers 409 on a stale
// updated_at as Ghost does).
let ghost: GhostServer;
let dir: string;
let child: ChildProcess;
let url: string;
let library: string;

test.beforeEach(async () => {
  // Each upload takes a moment, so the progress can be watched.
  ghost = await startGhostServer({ uploadDelayMs: 1500 });
  dir = await mkdtemp(join(tmpdir(), 'intertitle-e2e-publish-'));
  const env = { documents: join(dir, 'Documents'), userData: join(dir, 'user-data') };
  library = join(env.documents, 'Intertitle Sample Library');
  ({ url, child } = await startWeb(env));
});

test.afterEach(async () => {
  await stopChild(child);
  await ghost.close();
  await rm(dir, { recursive: true, force: true });
});

test('a critic adds a Ghost site, publishes from the Publish dialog with progress, and finds the published.ghost record in the YAML', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: /Nosferatu \(1922\)/ }).click();
  const editor = page.getByRole('region', { name: 'Editor' });
  await expect(editor.locator('.cm-content')).toContainText('Count Orlok');

  // Ctrl+Shift+U from inside the editor opens Publish; with no site yet, it offers to add one.
  await editor.locator('.cm-content').click();
  await page.keyboard.press('Control+Shift+U');
  const dialog = page.getByRole('dialog', { name: 'Publish' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Add a site…' }).click();

  await dialog.getByRole('radio', { name: 'Ghost' }).check();
  await dialog.getByLabel('Site address').fill(ghost.origin);
  await dialog.getByLabel('Admin API key').fill(ghost.adminKey);
  await dialog.getByRole('button', { name: 'Save and test' }).click();
  await expect(dialog.getByText('Connected to “Intertitle Ghost stand-in” (Ghost).')).toBeVisible();
  await expect(dialog.getByText('Admin API key kept until Intertitle stops')).toBeVisible();
  // The key went to the host and never comes back to the page; the form folds away once saved.
  expect(await page.content()).not.toContain(ghost.adminKey.split(':')[1]);
  await expect(dialog.getByLabel('Site address')).toBeHidden();
  await expect(dialog.getByRole('button', { name: 'Add a site…' })).toBeVisible();

  await dialog.getByRole('tab', { name: 'Publish' }).click();
  await expect(dialog.getByRole('radio', { name: /Ghost · http:\/\/127\.0\.0\.1/ })).toBeChecked();
  await expect(dialog).toContainText('Makes a draft on Ghost');
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog.getByRole('progressbar', { name: 'Publishing' })).toBeVisible();
  // The step and how far along it is (the third of the steps), seen together.
  await expect(dialog.getByRole('region', { name: 'Progress' })).toHaveText(/^3 of \d+Uploading stills\/02-ship-under-the-moon\.jpg…$/);
  await expect(dialog.getByRole('button', { name: 'Publishing…' })).toBeDisabled();
  await expect(dialog.getByText('Made a draft on Ghost')).toBeVisible();
  await expect(dialog.getByRole('progressbar')).toBeHidden();
  await dialog.getByText(/\d+ steps/).click();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Uploading stills/01-shadow-on-the-stairs.jpg…' })).toBeVisible();
  await expect(dialog).toContainText('3 stills uploaded, 0 reused');

  const post = [...ghost.posts.values()][0]!;
  expect(ghost.posts.size).toBe(1);
  expect(post.status).toBe('draft');
  expect(post.html).toContain(`<figure><img src="${ghost.origin}/content/images/2026/11/01-shadow-on-the-stairs.jpg"`);
  await expect(dialog.getByRole('status').getByRole('link', { name: post.url })).toBeVisible();
  // What the dialog says next time: an update of that post.
  await expect(dialog).toContainText('Publishing again updates that post');

  // The record is in the editor's text (the host's write, taken by the clean buffer) and on disk.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // The editor shows only the lines in view: find the record to bring it there.
  await editor.locator('.cm-content').click();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('published:');
  await page.keyboard.press('Enter');
  await expect(editor.locator('.cm-content')).toContainText(`id: ${post.id}`);
  await page.keyboard.press('Escape');
  const text = await readFile(join(library, 'nosferatu-1922', 'index.md'), 'utf8');
  expect(text).toMatch(new RegExp(`\\npublished:\\n  ghost:\\n    site: ${ghost.origin.replace(/\./g, '\\.')}\\n    id: ${post.id}\\n`));
  expect(text).toContain(`updated_at: ${post.updated_at}`);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' }).first()).toBeVisible();

  // Someone edits the post in Ghost; publishing again asks first, and updates only when told.
  ghost.editInGhost(post.id, { title: 'Edited in Ghost' });
  await page.keyboard.press('Control+Shift+U');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  const question = dialog.getByRole('alertdialog', { name: 'Publish anyway?' });
  await expect(question).toContainText('was edited in Ghost since Intertitle last published it');
  expect(ghost.posts.get(post.id)!.title).toBe('Edited in Ghost');
  await question.getByRole('button', { name: 'Publish anyway' }).click();
  await expect(dialog.getByText('Updated the post on Ghost')).toBeVisible();
  await expect(dialog).toContainText('0 stills uploaded, 3 reused');
  expect(ghost.posts.size).toBe(1);
  expect(ghost.posts.get(post.id)!.title).toBe('The shadow goes up the stairs first');
  expect(errors).toEqual([]);
});
