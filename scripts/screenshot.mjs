// Takes the README's screenshot (docs/screenshot.png): the browser host on a fresh sample
// library, in Debian's Chromium. Run after `npm run build`: node scripts/screenshot.mjs [out.png]
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const out = process.argv[2] ?? 'docs/screenshot.png';
const dir = await mkdtemp(join(tmpdir(), 'intertitle-shot-'));
const host = spawn(process.execPath, ['dist/cli/intertitle.mjs', 'serve'], {
  env: { ...process.env, INTERTITLE_DOCUMENTS: join(dir, 'Documents'), INTERTITLE_USER_DATA: join(dir, 'user-data') },
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const url = await new Promise((resolve, reject) => {
    host.stdout.on('data', (chunk) => {
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(String(chunk));
      if (match) resolve(match[0]);
    });
    host.once('exit', (code) => reject(new Error(`the host exited with ${code}`)));
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.getByRole('button', { name: /Nosferatu \(1922\)/ }).click();
  await page.locator('.preview-page figure img').first().evaluate((img) => img.decode());
  // Show the body with its first figure rather than the front matter.
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Control+Home');
  await page.evaluate(() => {
    const scroller = document.querySelector('.cm-scroller');
    scroller.scrollTop = 1020;
  });
  await page.waitForTimeout(600);
  await page.screenshot({ path: out });
  await browser.close();
  console.log(`wrote ${out}`);
} finally {
  host.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
}
