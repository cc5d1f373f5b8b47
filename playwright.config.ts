import { defineConfig } from '@playwright/test';
import { assertChromium, chromiumArgs, chromiumPath } from './tests/e2e/chromium';

assertChromium();

// End-to-end tests of the real renderer in Chromium against the HTTP host (`npm run web`).
// Each test starts its own host on a temp sample library (see tests/e2e/fixtures.ts).
export default defineConfig({
  testDir: './tests/e2e',
  testMatch: /.*\.spec\.ts/,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  outputDir: '.test-output/playwright',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: 'retain-on-failure',
  },
});
