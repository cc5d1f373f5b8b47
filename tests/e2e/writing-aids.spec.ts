import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Opens the sample review of Nosferatu with the cursor on a new paragraph at its end. */
async function openNosferatuAtEnd(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: /Nosferatu \(1922\)/ }).click();
  const editor = page.getByRole('region', { name: 'Editor' });
  await expect(editor.locator('.cm-content')).toContainText('directors: [F. W. Murnau]');
  await editor.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  return { editor, errors };
}

test('a misspelt character name is underlined, and its fix puts the right spelling in the file', async ({ page, web }) => {
  await page.goto(web.url);
  const { editor, errors } = await openNosferatuAtEnd(page);
  await page.keyboard.type('At dawn Count Orlock fades.');

  const underline = editor.locator('.cm-lintRange-warning', { hasText: 'Orlock' });
  await expect(underline).toBeVisible();
  await expect(editor.locator('.cm-gutter-lint .cm-lint-marker-warning')).toHaveCount(1);
  await underline.hover();
  const tooltip = page.locator('.cm-tooltip-lint');
  await expect(tooltip).toContainText('“Orlock” is spelt “Orlok” in the film’s facts (Count Orlok, played by Max Schreck).');
  await tooltip.getByRole('button', { name: 'Change to “Orlok”' }).click();

  await expect(editor.locator('.cm-content')).toContainText('At dawn Count Orlok fades.');
  await expect(editor.locator('.cm-lintRange-warning')).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const file = join(web.library, 'nosferatu-1922', 'index.md');
  expect(await readFile(file, 'utf8')).toMatch(/\n\nAt dawn Count Orlok fades\.\n?$/);

  // The fix is one step of undo, like any edit.
  await page.keyboard.press('Control+z');
  await expect(editor.locator('.cm-content')).toContainText('At dawn Count Orlock fades.');
  expect(errors).toEqual([]);
});

test('the checks panel lists every finding; names complete; spoilers show as spoilers in the preview', async ({ page, web }) => {
  await page.goto(web.url);
  const { editor, errors } = await openNosferatuAtEnd(page);
  await page.keyboard.type('Greta Schroder watches the the sea. ||Ellen dies at dawn.|| Max Schr');

  // Completion: the start of a name offers it, from the film's facts.
  const completion = page.locator('.cm-tooltip-autocomplete:not(.cm-tooltip-autocomplete-disabled)');
  await expect(completion.getByRole('option', { selected: true })).toContainText('Schreck');
  // CodeMirror ignores Enter for 75 ms after the list changes, so a fast typist's Enter stays a line break.
  await page.waitForTimeout(150);
  await page.keyboard.press('Enter');
  await expect(editor.locator('.cm-content')).toContainText('Max Schreck');

  await expect(editor.locator('.cm-lintRange-warning')).toHaveCount(2);
  await page.keyboard.press('Control+Shift+E');
  const panel = page.locator('.cm-panel-lint');
  await expect(panel.getByRole('option')).toHaveText([/“Schroder” is spelt “Schröder”/, /“the” is written twice/]);
  await panel.getByRole('button', { name: 'Remove the second “the”' }).click();
  await expect(editor.locator('.cm-content')).toContainText('Greta Schroder watches the sea.');
  await page.keyboard.press('Control+Shift+E');
  await expect(panel).toHaveCount(0);

  const spoiler = page.getByRole('region', { name: 'Preview' }).locator('.spoiler');
  await expect(spoiler).toHaveText('Ellen dies at dawn.');
  await expect(spoiler).toHaveAttribute('title', 'Spoiler');
  expect(errors).toEqual([]);
});

test('focus mode dims all but the current paragraph; typewriter scrolling; the target length in the status bar', async ({ page, web }) => {
  await page.goto(web.url);
  const { editor } = await openNosferatuAtEnd(page);
  await page.keyboard.type('A last word.');

  await page.keyboard.press('Control+Shift+D');
  await expect(editor.locator('.cm-editor')).toHaveClass(/cm-focus-mode/);
  await expect(editor.locator('.cm-line', { hasText: 'A last word.' })).not.toHaveClass(/cm-dimmed/);
  await expect(editor.locator('.cm-line', { hasText: 'Bram Stoker' })).toHaveClass(/cm-dimmed/);
  await page.keyboard.press('Control+Shift+D');
  await expect(editor.locator('.cm-dimmed')).toHaveCount(0);

  await page.keyboard.press('Control+Shift+Y');
  await expect(editor.locator('.cm-editor')).toHaveClass(/cm-typewriter/);
  // The line being written sits in the middle of the editor.
  await page.keyboard.type(' And one more.');
  const { caret, middle } = await page.evaluate(() => {
    const scroller = document.querySelector('.cm-scroller')!.getBoundingClientRect();
    const cursor = document.querySelector('.cm-cursor')?.getBoundingClientRect() ?? document.querySelector('.cm-activeLine')!.getBoundingClientRect();
    return { caret: cursor.top, middle: scroller.top + scroller.height / 2 };
  });
  expect(Math.abs(caret - middle)).toBeLessThan(60);

  // Target length: from the front matter (the sidebar edits it).
  await expect(page.getByTestId('target-progress')).toHaveCount(0);
  const target = page.getByRole('region', { name: 'Film metadata' }).getByLabel('Target length (words)');
  await target.fill('1200');
  await target.press('Enter');
  await expect(page.getByTestId('target-progress')).toContainText('of 1,200');
  await expect(page.getByRole('progressbar', { name: 'Target length' })).toHaveAttribute('aria-valuemax', '1200');
});

test('the status bar’s counts open Writing Checks…, which sets the library’s default target and house style', async ({ page, web }) => {
  await page.goto(web.url);
  const { editor, errors } = await openNosferatuAtEnd(page);
  await expect(editor.locator('.cm-content')).toHaveAttribute('spellcheck', 'true');
  await expect(page.getByTestId('target-progress')).toHaveCount(0);
  await expect(editor.locator('.cm-lintRange-info')).toHaveCount(0);

  await page.getByTitle('Target length and writing checks…').click();
  const dialog = page.getByRole('dialog', { name: 'Writing checks' });
  await dialog.getByLabel('Default target length (words)').fill('0');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The target length is a whole number of words, such as 1200, or empty for none.');
  await dialog.getByLabel('Default target length (words)').fill('1,500');
  await dialog.getByLabel('The film’s title is set').selectOption('quotes');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('target-progress')).toContainText('of 1,500');
  // The sample sets the title in italics: in quotes house style each one is now a note.
  await expect(editor.locator('.cm-lintRange-info', { hasText: 'Nosferatu' }).first()).toBeVisible();
  // Kept for the library: a reload starts with the same settings.
  await page.reload();
  await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: /Nosferatu \(1922\)/ }).click();
  await expect(page.getByTestId('target-progress')).toContainText('of 1,500');
  expect(errors).toEqual([]);
});

test('the built `intertitle lint` reports the same misspelling, as text and as JSON', async ({ web }) => {
  const dir = await mkdtemp(join(tmpdir(), 'intertitle-lint-e2e-'));
  try {
    // The sample review with its stills beside it (the file checks look at them), and one slip added.
    await cp(join(web.library, 'nosferatu-1922'), join(dir, 'nosferatu-1922'), { recursive: true });
    const file = join(dir, 'nosferatu-1922', 'index.md');
    const sample = await readFile(file, 'utf8');
    await writeFile(file, `${sample.trimEnd()}\n\nAt dawn Count Orlock fades.\n`);
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['dist/cli/intertitle.mjs', 'lint', file, ...args]).then(
        (ok) => ({ code: 0, stdout: ok.stdout }),
        (failed: { code: number; stdout: string }) => ({ code: failed.code, stdout: failed.stdout }),
      );
    const text = await run();
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('  warning  “Orlock” is spelt “Orlok” in the film’s facts (Count Orlok, played by Max Schreck).  (name-near-miss)');
    expect(text.stdout).toContain('    fix: "Orlok"');

    const json = await run('--json');
    expect(json.code).toBe(1);
    const results = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(results).toEqual([
      {
        rule: 'name-near-miss',
        severity: 'warning',
        message: '“Orlock” is spelt “Orlok” in the film’s facts (Count Orlok, played by Max Schreck).',
        line: lines.length - 1,
        column: 15,
        from: expect.any(Number),
        to: expect.any(Number),
        text: 'Orlock',
        suggestions: ['Orlok'],
      },
    ]);
    expect(Object.keys(results[0]!)).toEqual(['rule', 'severity', 'message', 'line', 'column', 'from', 'to', 'text', 'suggestions']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
