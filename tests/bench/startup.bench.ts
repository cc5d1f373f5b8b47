import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession } from 'playwright-core';
import { startApp, type BenchApp } from './browser';
import { REVIEWS, writeReview } from './corpus';
import { infoResult, limitResult, log, median } from './stats';
import type { BenchResult } from './types';

const RUNS = 5;
const MB = 1024 * 1024;
const assets = 'dist/renderer/assets';

/**
 * The renderer's start (issue #10): page load to an editable editor, the bundle it loads, and the
 * JS heap once the 10,000-word review is open with its preview. Run against `dist/` (npm run bench
 * builds first).
 */
export default async function startupBench(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'intertitle-bench-startup-'));
  let app: BenchApp | null = null;
  try {
    // The only review in the library, so the app opens it at start.
    await writeReview(join(dir, 'library'), 'the-long-take-1961', REVIEWS.words10k);
    app = await startApp(join(dir, 'library'));
    const loaded = new Set<string>();
    const times = await startTimes(app, loaded);
    return [...(await bundleSize(loaded)), ...times, ...(await heap(app))];
  } finally {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The JS the renderer loads to start: the entry and its static imports, every chunk the page
 * fetched before its editor was editable (the app's own chunk is imported dynamically), and the
 * preview worker; lazily loaded code apart.
 */
async function bundleSize(fetchedAtStart: ReadonlySet<string>): Promise<BenchResult[]> {
  const html = await readFile('dist/renderer/index.html', 'utf8');
  const entry = /<script[^>]+src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('dist/renderer/index.html names no entry script: run node scripts/build.mjs');
  const all = (await readdir(assets)).filter((file) => file.endsWith('.js'));
  const start = new Set<string>();
  const visit = async (file: string) => {
    if (start.has(file)) return;
    start.add(file);
    const code = await readFile(join(assets, file), 'utf8');
    for (const [, imported] of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) await visit(imported!);
  };
  await visit(entry);
  for (const file of fetchedAtStart) if (all.includes(file)) await visit(file);
  for (const file of all) if (/\.worker-[\w-]+\.js$/.test(file)) await visit(file);
  const sizes = async (files: string[]) => {
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const bytes = await readFile(join(assets, file));
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    return { raw: raw / MB, gzip: gzip / MB };
  };
  const loaded = await sizes([...start]);
  const lazy = await sizes(all.filter((file) => !start.has(file)));
  const css = (await readdir(assets)).filter((file) => file.endsWith('.css'));
  const cssSize = (await Promise.all(css.map((file) => stat(join(assets, file))))).reduce((sum, s) => sum + s.size, 0) / MB;
  log(`renderer bundle at start: ${[...start].join(', ')}`);
  return [
    limitResult('renderer bundle loaded at start (minified JS, incl. the preview worker)', loaded.raw, 'MB', 2),
    infoResult('  the same, gzipped', loaded.gzip, 'MB'),
    infoResult('  loaded later: dialogs, code-block languages (minified)', lazy.raw, 'MB'),
    infoResult('  stylesheet', cssSize, 'MB'),
  ];
}

/** Navigation start to an editor that holds the review and takes typing; the preview for context. */
async function startTimes(app: BenchApp, fetched: Set<string>): Promise<BenchResult[]> {
  log(`renderer start: ${RUNS} cold loads`);
  const editable: number[] = [];
  const previewed: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(app.url, { waitUntil: 'commit' });
      const ready = await page.waitForFunction(
        (title) => {
          const content = document.querySelector('.cm-content');
          // The headline is in the front matter, which opens folded (then its button stands for it:
          // this is the library's only review).
          const holds = content?.textContent?.includes(title) || content?.querySelector('.cm-frontMatterFold') !== null;
          const ok = content?.getAttribute('contenteditable') === 'true' && holds;
          return ok ? performance.now() : false;
        },
        REVIEWS.words10k.title,
        { polling: 'raf', timeout: 30_000 },
      );
      editable.push((await ready.jsonValue()) as number);
      const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
      for (const url of scripts) if (/\/assets\/[^/?]+\.js(\?|$)/.test(url)) fetched.add(url.replace(/^.*\/assets\/([^/?]+\.js).*$/, '$1'));
      const shown = await page.waitForFunction(() => (document.querySelector('.preview-page figure') ? performance.now() : false), undefined, {
        polling: 'raf',
        timeout: 30_000,
      });
      previewed.push((await shown.jsonValue()) as number);
    } finally {
      await context.close();
    }
  }
  return [
    limitResult('renderer start: page load → editable editor with the 10k-word review', median(editable), 'ms', 1000),
    infoResult('  page load → its preview drawn', median(previewed), 'ms'),
  ];
}

/** JS heap of the page and of the preview worker, after garbage collection, the review open and idle. */
async function heap(app: BenchApp): Promise<BenchResult[]> {
  log('JS heap with the 10k-word review open');
  const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(app.url);
    await page.locator('.preview-page figure').first().waitFor();
    await page.waitForTimeout(2000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    const pageHeap = metric('JSHeapUsedSize') / MB;
    const workerHeap = (await workerHeapUsed(cdp)) / MB;
    return [
      limitResult('JS heap with the 10k-word review open (page + preview worker)', pageHeap + workerHeap, 'MB', 80),
      infoResult('  of which the page', pageHeap, 'MB'),
      infoResult('  of which the preview worker', workerHeap, 'MB'),
      infoResult('  DOM nodes', metric('Nodes'), 'nodes'),
    ];
  } finally {
    await context.close();
  }
}

/** The worker's used heap, through the page's DevTools session (Playwright gives workers none). */
async function workerHeapUsed(cdp: CDPSession): Promise<number> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; title: string }> };
  const worker = targetInfos.find((target) => target.type === 'worker' && target.title === 'preview');
  if (!worker) throw new Error('the preview worker is not running');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
  const answer = new Promise<number>((resolve) => {
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      const message = JSON.parse(event.message) as { id?: number; result?: { usedSize: number } };
      if (event.sessionId === sessionId && message.id === 2) resolve(message.result?.usedSize ?? Number.NaN);
    });
  });
  const send = (id: number, method: string) => cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
  await send(1, 'HeapProfiler.collectGarbage');
  await send(2, 'Runtime.getHeapUsage');
  return answer;
}
