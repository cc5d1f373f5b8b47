import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { hostileReview, loadCorpus } from '../helpers/hostile';
import { expect, test } from './fixtures';

// A loopback "attacker": any request it receives means a payload reached out of the preview.
let attacker: Server;
let attackerOrigin = '';
const attackerHits: string[] = [];

test.beforeAll(async () => {
  attacker = createServer((req, res) => {
    attackerHits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('window.__pwned = 1');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => attacker.close(resolve));
});

/**
 * Canaries: the payloads set window.__pwned or call alert. A CSP violation raised by an element
 * of the live page would mean the sanitiser let something through and only the CSP stopped it.
 * (Chromium also reports violations while DOMPurify parses the hostile text in its inert document;
 * those are aimed at a document, not at an element of the page, and are not a leak.)
 */
async function arm(page: Page) {
  const dialogs: string[] = [];
  const popups: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.context().on('page', (popup) => popups.push(popup.url()));
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      if (e.target instanceof Element && e.target.isConnected) {
        w.__violations.push(`${e.violatedDirective} ${e.blockedURI} on ${e.target.outerHTML.slice(0, 120)}`);
      }
    });
  });
  return { dialogs, popups };
}

async function expectNothingRan(page: Page, canaries: { dialogs: string[]; popups: string[] }, appUrl: string) {
  // Give anything that would fire (onerror, ontoggle, timers) the chance to.
  await page.waitForTimeout(700);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(canaries.dialogs).toEqual([]);
  expect(canaries.popups).toEqual([]);
  expect(new URL(page.url()).origin).toBe(new URL(appUrl).origin);
  expect(attackerHits).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  // Nothing executable made it into the live page at all.
  const live = await page.evaluate(() =>
    [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes]
        .filter((a) => /^on|^srcdoc$|^formaction$/i.test(a.name) || /^\s*(javascript|vbscript|data:text)/i.test(a.value))
        .map((a) => `<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 60)}">`),
    ),
  );
  expect(live).toEqual([]);
  expect(await page.locator('script:not([src]), iframe, object, embed, base, meta[http-equiv]:not([http-equiv="Content-Security-Policy"])').count()).toBe(0);
}

test('hostile reviews open in the real renderer without running, loading or navigating anything', async ({ page, web }) => {
  const groups = loadCorpus(attackerOrigin);
  for (const group of groups) await writeFile(join(web.library, `${group.group}.md`), hostileReview(group));
  const canaries = await arm(page);
  await page.goto(web.url);
  const library = page.getByRole('region', { name: 'Library' });
  const preview = page.getByRole('region', { name: 'Preview' });
  for (const group of groups) {
    await library.getByRole('button', { name: new RegExp(`Hostile ${group.group}`) }).click();
    await expect(preview.getByRole('heading', { name: `Hostile ${group.group}` })).toBeVisible();
    // (An unclosed payload may swallow the ones after it, as raw HTML does in markdown.)
    await expect(preview).toContainText('Payload 1 in the body');
    // Hover and click everything the preview shows, as a curious critic would.
    for (const link of await preview.locator('a').all()) await link.hover().catch(() => {});
    await expectNothingRan(page, canaries, web.url);
    // Rendering changed nothing: the file on disk is exactly what was written.
    expect(await readFile(join(web.library, `${group.group}.md`), 'utf8')).toBe(hostileReview(group));
  }
});

test('hostile HTML pasted into the editor runs nothing; only its plain text is inserted', async ({ page, web }) => {
  const canaries = await arm(page);
  await page.goto(web.url);
  await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: /Potemkin/ }).click();
  const content = page.getByRole('region', { name: 'Editor' }).locator('.cm-content');
  await expect(content).toContainText('Potemkin');
  await content.click();
  await page.keyboard.press('Control+End');
  const [paste] = loadCorpus(attackerOrigin).filter((g) => g.group === 'p7-paste');
  for (const [i, html] of paste!.payloads.entries()) {
    const plain = `Pasted plain text ${i + 1}.`;
    await content.evaluate(
      (el, { html, plain }) => {
        const data = new DataTransfer();
        data.setData('text/html', html);
        data.setData('text/plain', plain);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      { html, plain },
    );
    await expect(content).toContainText(plain);
  }
  await expectNothingRan(page, canaries, web.url);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const text = await readFile(join(web.library, 'battleship-potemkin-1925', 'index.md'), 'utf8');
  expect(text).toContain('Pasted plain text 1.Pasted plain text 2.');
  expect(text).not.toContain('onerror');
});

test('hostile text typed into sidebar fields is stored as text and shown as text everywhere', async ({ page, web }) => {
  const canaries = await arm(page);
  await page.goto(web.url);
  const library = page.getByRole('region', { name: 'Library' });
  await library.getByRole('button', { name: /Potemkin/ }).click();
  const sidebar = page.getByRole('region', { name: 'Film metadata' });
  const content = page.getByRole('region', { name: 'Editor' }).locator('.cm-content');
  await expect(content).toContainText('Potemkin');
  const payloads = loadCorpus(attackerOrigin)
    .flatMap((g) => g.payloads)
    .filter((p) => !p.includes('\n'))
    .slice(0, 12);
  const file = join(web.library, 'battleship-potemkin-1925', 'index.md');
  const { parseFrontMatter } = await import('../../src/review/front-matter');
  for (const [i, payload] of payloads.entries()) {
    // The headline shows in the library list, the preview masthead and the sidebar; the film's
    // original title in the sidebar only.
    const field = i % 2 === 0 ? sidebar.getByLabel('Headline') : sidebar.getByLabel('Original title');
    await field.fill(payload);
    await field.press('Tab');
    await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
    const data = parseFrontMatter(await readFile(file, 'utf8')).data as { title: string; film: { original_title: string } };
    expect(i % 2 === 0 ? data.title : data.film.original_title).toBe(payload);
    if (i % 2 === 0) {
      await expect(page.locator('.preview-headline')).toHaveText(payload);
    }
  }
  await expectNothingRan(page, canaries, web.url);
});

test('hostile text typed into the Stills panel’s Alt text, Caption and Credit is stored exactly and runs nothing', async ({ page, web }) => {
  const canaries = await arm(page);
  await page.goto(web.url);
  await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: /Nosferatu \(1922\)/ }).click();
  const content = page.getByRole('region', { name: 'Editor' }).locator('.cm-content');
  await expect(content).toContainText('directors: [F. W. Murnau]');
  await page.getByRole('tab', { name: 'Stills' }).click();
  const src = 'stills/01-shadow-on-the-stairs.jpg';
  const card = page.getByRole('region', { name: 'Stills' }).getByRole('listitem', { name: '01-shadow-on-the-stairs.jpg' });
  await expect(card.getByLabel('Caption')).toHaveValue(/shadow/);
  // The fields keep one line (alt text and titles cannot hold a line break), and edges are trimmed.
  const payloads = loadCorpus(attackerOrigin)
    .flatMap((g) => g.payloads)
    .filter((p) => !p.includes('\n') && p === p.trim())
    .slice(0, 12);
  expect(payloads.length).toBeGreaterThanOrEqual(6);
  const file = join(web.library, 'nosferatu-1922', 'index.md');
  const { parseFrontMatter } = await import('../../src/review/front-matter');
  const { findFigures } = await import('../../src/stills/figure-source');
  const fields = ['Alt text', 'Caption', 'Credit'] as const;
  for (const [i, payload] of payloads.entries()) {
    const label = fields[i % fields.length]!;
    const field = card.getByLabel(label);
    await field.fill(payload);
    await field.press('Tab');
    await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
    await expect(field).toHaveValue(payload);
    const text = await readFile(file, 'utf8');
    const figure = findFigures(text).find((f) => f.src === src);
    const credits = parseFrontMatter(text).data?.['stills'] as Record<string, { credit?: string }>;
    const stored = label === 'Alt text' ? figure?.alt : label === 'Caption' ? figure?.caption : credits[src]?.credit;
    expect(stored, `${label}: ${payload}`).toBe(payload);
  }
  await expectNothingRan(page, canaries, web.url);
});
