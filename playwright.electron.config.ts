import { defineConfig } from '@playwright/test';

// End-to-end tests of the built app in real Electron (`_electron.launch`). Where the Electron
// binary is missing (our build machines cannot download it), the specs skip and say why.
// Build first: node scripts/build.mjs.
export default defineConfig({
  testDir: './tests/e2e-electron',
  testMatch: /.*\.spec\.ts/,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  outputDir: '.test-output/playwright-electron',
  use: { trace: 'retain-on-failure' },
});
