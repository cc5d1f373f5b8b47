import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type BenchApp } from './browser';
import { REVIEWS, TYPING_MARK, writeReview } from './corpus';
import type { RenderTimes } from './pages/render-page';
import { infoResult, limitResult, log, median, p95, ratioResult } from './stats';
import { caretAtMark, openReview, pageScript, probeData, probedPage, resetProbe, setPreview, type } from './typing';
import type { BenchResult } from './types';

/** The editor's settle delay (renderer/editor/EditorPane.tsx): the preview's debounce. */
const DEBOUNCE_MS = 30;
const KEYS = 150;
const GAP_MS = 80;

/**
 * The live preview's budgets (issue #10, docs/performance.md): its render cost against raw
 * markdown-it, typing latency with the preview on against the editor alone, how soon the preview
 * shows a keystroke, images kept while typing, and document-size independence.
 */
export default async function previewBench(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'intertitle-bench-preview-'));
  const library = join(dir, 'library');
  let app: BenchApp | null = null;
  try {
    log('writing the generated reviews');
    const long = await writeReview(library, 'the-long-take-1961', REVIEWS.words10k);
    await writeReview(library, 'short-cuts-1993', REVIEWS.words1k5);
    await writeReview(library, 'satantango-1994', REVIEWS.words400k);
    app = await startApp(library);
    return [...(await renderCost(app, long)), ...(await typing(app))];
  } finally {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function renderCost(app: BenchApp, text: string): Promise<BenchResult[]> {
  log('render cost: markdown-it against the preview pipeline, in a Chromium page');
  const page = await app.browser.newPage();
  await page.addScriptTag({ content: await pageScript('render-page.ts') });
  const times = await page.evaluate(
    ({ text, marks }) => (window as unknown as { renderBench: { run(t: string, m: unknown, n: number): RenderTimes } }).renderBench.run(text, marks, 40),
    { text, marks: TYPING_MARK },
  );
  await page.close();
  const raw = median(times.raw);
  log(`  ${times.blocks} blocks; ${times.changedPerKeystroke} sanitised per keystroke`);
  return [
    ratioResult('preview render per keystroke (parse + sanitise changed blocks), 10k words', median(times.keystroke), raw, 'ms', 1.2),
    infoResult('  opening a review: parse + sanitise every block, 10k words', median(times.open), 'ms'),
    infoResult('  before this issue: parse + sanitise the whole HTML, 10k words', median(times.whole), 'ms'),
    infoResult('  word count after each render (in the worker), 10k words', median(times.words), 'ms'),
  ];
}

async function typing(app: BenchApp): Promise<BenchResult[]> {
  const probe = await pageScript('typing-probe.ts');
  const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await probedPage(context, app.url, probe);

    log(`typing in the 10k-word review: ${KEYS} keys ${GAP_MS} ms apart with the preview, ${KEYS} without, interleaved`);
    await openReview(page, REVIEWS.words10k.film);
    await setPreview(page, true);
    await caretAtMark(page);
    await type(page, 'warm-up', 10, GAP_MS, false);
    const rounds = 10;
    for (let round = 0; round < rounds; round++) {
      for (const shown of round % 2 ? [true, false] : [false, true]) {
        await setPreview(page, shown);
        await caretAtMark(page);
        await type(page, shown ? 'preview' : 'editor', KEYS / rounds, GAP_MS);
      }
    }
    const long = await probeData(page);

    log(`typing in the 1,500-word and the 400,000-word review (${KEYS} keys each, preview on; then 60 without)`);
    await resetProbe(page);
    const sizes: Record<string, number[]> = {};
    for (const [mode, spec] of [
      ['small', REVIEWS.words1k5],
      ['large', REVIEWS.words400k],
    ] as const) {
      await openReview(page, spec.film, false);
      await setPreview(page, true);
      await caretAtMark(page);
      await type(page, `${mode}-warm-up`, 10, GAP_MS, false);
      await type(page, mode, KEYS, GAP_MS);
      await setPreview(page, false);
      await caretAtMark(page);
      await type(page, `${mode}-editor`, 60, GAP_MS);
      const frames = (await probeData(page)).frames;
      sizes[mode] = frames[mode] ?? [];
      sizes[`${mode}-editor`] = frames[`${mode}-editor`] ?? [];
    }

    const editor = long.frames['editor'] ?? [];
    const preview = long.frames['preview'] ?? [];
    log(`  samples: editor ${editor.length}, preview ${preview.length}, painted ${long.painted.length} (${long.pending} never shown)`);
    return [
      ratioResult('keystroke → next frame p50, preview on vs editor alone, 10k words', median(preview), median(editor), 'ms', 1.15),
      ratioResult('keystroke → next frame p95, preview on vs editor alone, 10k words', p95(preview), p95(editor), 'ms', 1.25),
      limitResult('keystroke → next frame p95, preview on, 10k words', p95(preview), 'ms', 33),
      limitResult(
        'keystroke → preview painted p50, 10k words',
        long.painted.length >= preview.length * 0.9 ? median(long.painted) : Number.NaN,
        'ms',
        DEBOUNCE_MS + 50,
        `≤ debounce ${DEBOUNCE_MS} + 50 ms`,
      ),
      infoResult('  keystroke → preview painted p95, 10k words', p95(long.painted), 'ms'),
      limitResult('preview <img> elements replaced while typing in a paragraph', long.removedImages, 'elements', 0),
      infoResult('  preview elements removed while typing (all kinds)', long.removedElements, 'elements'),
      infoResult('  long animation frames (> 50 ms) with the preview on', long.longFrames['preview'] ?? 0, 'frames'),
      ratioResult('typing p95, 400k words vs 1.5k words, preview on', p95(sizes['large'] ?? []), p95(sizes['small'] ?? []), 'ms', 1.3),
      infoResult('  typing p50, 400k words, preview on', median(sizes['large'] ?? []), 'ms'),
      infoResult('  typing p95, 400k words, preview on', p95(sizes['large'] ?? []), 'ms'),
      infoResult('  typing p50, 400k words, editor alone (preview hidden)', median(sizes['large-editor'] ?? []), 'ms'),
      infoResult('  typing p95, 400k words, editor alone (preview hidden)', p95(sizes['large-editor'] ?? []), 'ms'),
      infoResult('  typing p95, 1.5k words, editor alone (preview hidden)', p95(sizes['small-editor'] ?? []), 'ms'),
    ];
  } finally {
    await context.close();
  }
}
