import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { TYPING_MARK } from './corpus';

/** What the page-side probe (pages/typing-probe.ts) collected. */
export interface ProbeData {
  frames: Record<string, number[]>;
  painted: number[];
  removedImages: number;
  removedElements: number;
  longFrames: Record<string, number>;
  pending: number;
}

/** Bundles a page script under tests/bench/pages for the browser. */
export async function pageScript(file: string): Promise<string> {
  const result = await build({
    entryPoints: [`tests/bench/pages/${file}`],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

/** A page of the app with the typing probe installed, 1440×900 like a laptop screen. */
export async function probedPage(context: BrowserContext, url: string, probe: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript({ content: probe });
  await page.goto(url);
  return page;
}

/** Opens a review from the library by its film title, and waits for its text and preview. */
export async function openReview(page: Page, film: string, previewShown = true): Promise<void> {
  await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: new RegExp(film) }).click();
  await page.locator('.cm-content').filter({ hasText: /\w/ }).waitFor();
  if (previewShown) await page.locator('.preview-page > *').first().waitFor({ timeout: 120_000 });
}

/** Puts the caret between the typing marks, focused, with the editor scrolled there. */
export async function caretAtMark(page: Page): Promise<void> {
  await page.evaluate((mark) => {
    // The EditorView behind the DOM (CodeMirror's own EditorView.findFromDOM reads the same).
    const content = document.querySelector('.cm-content') as (Element & { cmTile?: { root?: { view?: unknown } } }) | null;
    const view = content?.cmTile?.root?.view as
      | { state: { doc: { toString(): string } }; dispatch(spec: unknown): void; focus(): void }
      | undefined;
    if (!view) throw new Error('no CodeMirror view found');
    const text = view.state.doc.toString();
    const at = text.indexOf(mark.before);
    const end = text.indexOf(mark.after, at);
    if (at < 0 || end < 0) throw new Error('the review has no typing marks');
    view.dispatch({ selection: { anchor: end }, scrollIntoView: true });
    view.focus();
    // Characters already between the marks (an earlier run's autosave) count as shown.
    (window as unknown as { __bench: { typed: number } }).__bench.typed = end - at - mark.before.length;
  }, TYPING_MARK);
  // Let scroll sync bring the preview to the same place.
  await page.locator('.cm-scroller').evaluate((el) => el.dispatchEvent(new Event('scroll')));
  await page.waitForTimeout(300);
}

const TEXT = 'the light holds on her face while the train waits ';

/**
 * Types `count` characters, one every `gapMs` (on the driver's clock, catching up when late),
 * recording under `mode`. Returns after the last key's frames and preview updates had time to land.
 */
export async function type(page: Page, mode: string, count: number, gapMs = 80, record = true): Promise<void> {
  await page.evaluate(
    ({ mode, record }) => {
      const probe = (window as unknown as { __bench: { mode: string; recording: boolean } }).__bench;
      probe.mode = mode;
      probe.recording = record;
    },
    { mode, record },
  );
  const started = Date.now();
  for (let i = 0; i < count; i++) {
    const wait = started + i * gapMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await page.keyboard.press(TEXT[i % TEXT.length]!);
  }
  await page.waitForTimeout(600);
  await page.evaluate(() => ((window as unknown as { __bench: { recording: boolean } }).__bench.recording = false));
}

export async function probeData(page: Page): Promise<ProbeData> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __bench: ProbeData & { pending: unknown[] } }).__bench;
    return {
      frames: probe.frames,
      painted: probe.painted,
      removedImages: probe.removedImages,
      removedElements: probe.removedElements,
      longFrames: probe.longFrames,
      pending: probe.pending.length,
    };
  });
}

export async function resetProbe(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __bench: { reset(): void } }).__bench.reset());
}

/** Shows or hides the preview with the app's own command (Ctrl+Shift+P), and waits for it. */
export async function setPreview(page: Page, shown: boolean): Promise<void> {
  const visible = await page.locator('.preview-page').count();
  if (Boolean(visible) !== shown) await page.keyboard.press('Control+Shift+P');
  if (shown) {
    await page.locator('.preview-page > *').first().waitFor({ timeout: 120_000 });
    await page.evaluate(() => (window as unknown as { __bench: { observe(): void } }).__bench.observe());
    await page.locator('.cm-scroller').evaluate((el) => el.dispatchEvent(new Event('scroll')));
  } else {
    await page.locator('.preview-page').waitFor({ state: 'detached' });
  }
  await page.waitForTimeout(300);
}
