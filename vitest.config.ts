import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The Electron binary cannot be downloaded on our machines, and main-process code is tested
    // against a fake module anyway (DESIGN §8).
    alias: { electron: fileURLToPath(new URL('./tests/mocks/electron.ts', import.meta.url)) },
  },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
