import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFilmApiServer, testToken, type FilmApiServer } from '../helpers/film-api-server';
import { expect, startWeb, stopChild, test } from './fixtures';

// The real renderer and the real HTTP host, with TMDb and Wikidata played by a local server on
// 127.0.0.1 that answers with the response shapes of their documentation.
let api: FilmApiServer;
let dir: string;
let child: ChildProcess;
let url: string;
let library: string;

test.beforeEach(async () => {
  api = await startFilmApiServer();
  dir = await mkdtemp(join(tmpdir(), 'intertitle-e2e-lookup-'));
  const env = { documents: join(dir, 'Documents'), userData: join(dir, 'user-data') };
  library = join(env.documents, 'Intertitle Sample Library');
  ({ url, child } = await startWeb(env, undefined, {
    INTERTITLE_TMDB_API: api.tmdbApi,
    INTERTITLE_WIKIDATA_API: api.wikidataApi,
    INTERTITLE_TMDB_TOKEN: testToken,
  }));
});

test.afterEach(async () => {
  await stopChild(child);
  await api.close();
  await rm(dir, { recursive: true, force: true });
});

test('a critic looks the film up (local server with TMDb’s documented response shapes), reviews the comparison, applies it and undoes it', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  const libraryPane = page.getByRole('region', { name: 'Library' });
  const editor = page.getByRole('region', { name: 'Editor' });
  const sidebar = page.getByRole('region', { name: 'Film metadata' });
  await libraryPane.getByRole('button', { name: /Nosferatu \(1922\)/ }).click();
  await expect(editor.locator('.cm-content')).toContainText('Count Orlok');

  // Ctrl+L from inside the editor opens the lookup, already searching for the review's film.
  await editor.locator('.cm-content').click();
  await page.keyboard.press('Control+l');
  const dialog = page.getByRole('dialog', { name: 'Look up film' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Title or IMDb id')).toHaveValue('Nosferatu');
  await expect(dialog.getByLabel('Year')).toHaveValue('1922');
  await expect(dialog).toContainText('This product uses the TMDB API but is not endorsed or certified by TMDB.');
  const candidate = dialog.getByRole('button', { name: 'Nosferatu (1922), Nosferatu, eine Symphonie des Grauens, directed by F. W. Murnau' });
  await expect(candidate).toBeVisible();
  // The poster came through the host as a data: URL (the CSP allows no remote images).
  const poster = candidate.locator('img');
  await expect(poster).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

  // The comparison, field by field.
  await candidate.click();
  const table = dialog.getByRole('table');
  const row = (field: string) => table.locator(`tr[data-field="${field}"]`);
  await expect(row('runtime')).toContainText('94');
  await expect(row('runtime')).toContainText('95');
  await expect(row('runtime')).toContainText('Changed');
  await expect(row('composers')).toContainText('New');
  await expect(row('directors')).toContainText('Same');
  await expect(row('editors')).toContainText('Not found');
  await expect(row('composers').getByRole('checkbox')).toBeChecked();
  await expect(row('directors').getByRole('checkbox')).toHaveCount(0);
  // The critic keeps their own runtime.
  await row('runtime').getByRole('checkbox').uncheck();
  await dialog.getByRole('button', { name: /^Apply \d+ fields$/ }).click();
  await expect(dialog).toBeHidden();

  // The YAML and the sidebar show it; the runtime stayed. (Lines below the editor's fold need
  // not be in the DOM, CodeMirror draws only around what is visible: the file is checked for those.)
  const content = editor.locator('.cm-content');
  await expect(content).toContainText('composers: [Hans Erdmann]');
  await expect(sidebar.getByLabel('Composer 1')).toHaveValue('Hans Erdmann');
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const saved = await readFile(join(library, 'nosferatu-1922', 'index.md'), 'utf8');
  expect(saved).toContain('\n  composers: [Hans Erdmann]\n');
  expect(saved).toContain('\n  genres: [Horror, Fantasy]\n');
  expect(saved).toMatch(/\n  runtime: 94 +# minutes/);
  expect(saved).toContain("  writers: [Henrik Galeen, Bram Stoker]         # after Bram Stoker's Dracula, unlicensed\n");

  // One Ctrl+Z undoes the whole lookup.
  await content.click();
  await page.keyboard.press('Control+z');
  await expect(content).not.toContainText('Hans Erdmann');
  await expect(content).not.toContainText('genres:');
  await expect(content).toContainText('writers: [Henrik Galeen]');
  await expect(sidebar.getByLabel('Composer 1')).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const undone = await readFile(join(library, 'nosferatu-1922', 'index.md'), 'utf8');
  expect(undone).not.toContain('genres:');
  expect(undone).not.toContain('Hans Erdmann');
  expect(errors).toEqual([]);
});

test('a rate limit says when to try again, and the rest of the app carries on', async ({ page }) => {
  await page.goto(url);
  const editor = page.getByRole('region', { name: 'Editor' });
  await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: /Battleship Potemkin/ }).click();
  await expect(editor.locator('.cm-content')).toContainText('Potemkin');
  api.mode = 'rate-limit';
  api.retryAfter = '12';
  // Look up film sits at the end of the side column's tab row, for the Film metadata tab only.
  const tabs = page.getByRole('tablist', { name: 'Beside the review' });
  await tabs.getByRole('tab', { name: 'Stills' }).click();
  await expect(page.getByRole('button', { name: 'Look up film' })).toHaveCount(0);
  await tabs.getByRole('tab', { name: 'Film metadata' }).click();
  await page.getByRole('button', { name: 'Look up film' }).click();
  const dialog = page.getByRole('dialog', { name: 'Look up film' });
  await expect(dialog.getByRole('alert')).toHaveText('TMDb is getting too many requests from Intertitle right now. Try again in 12 seconds.');

  // Wikidata is not limited: the critic switches source and finds the film there.
  api.mode = 'ok';
  await dialog.getByLabel('Title or IMDb id').fill('Nosferatu');
  await dialog.getByLabel('Year').fill('');
  await dialog.getByText('Wikidata', { exact: true }).click();
  await expect(dialog.getByRole('button', { name: /^Nosferatu \(1922\).*directed by F\. W\. Murnau$/ })).toBeVisible();
  await expect(dialog).toContainText('Data: Wikidata (CC0).');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // Nothing else was disturbed: the critic goes on writing.
  await editor.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Still writing.');
  await expect(editor.locator('.cm-content')).toContainText('Still writing.');
});

test('a new review looks its film up as soon as it is created (local server with TMDb’s documented response shapes)', async ({ page }) => {
  await page.goto(url);
  const libraryPane = page.getByRole('region', { name: 'Library' });
  await expect(libraryPane.getByRole('button', { name: /Nosferatu \(1922\)/ })).toBeVisible();
  await libraryPane.getByRole('button', { name: 'New review' }).click();
  const create = page.getByRole('dialog', { name: 'New review' });
  await create.getByLabel('Film title').fill('Nosferatu');
  await create.getByLabel('Year').fill('1922');
  await expect(create.getByLabel(/Look up the film’s facts/)).toBeChecked();
  await create.getByRole('button', { name: 'Create review' }).click();

  const dialog = page.getByRole('dialog', { name: 'Look up film' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Title or IMDb id')).toHaveValue('Nosferatu');
  await expect(dialog.getByLabel('Year')).toHaveValue('1922');
  await dialog.getByRole('button', { name: /^Nosferatu \(1922\)/ }).click();
  await dialog.getByRole('button', { name: /^Apply \d+ fields$/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Editor' }).locator('.cm-content')).toContainText('directors: [F. W. Murnau]');
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  expect(await readFile(join(library, 'nosferatu-1922-2', 'index.md'), 'utf8')).toContain('composers: [Hans Erdmann]');
});
