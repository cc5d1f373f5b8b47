import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer, built to dist/renderer and served by both hosts (Electron's app scheme and the
// HTTP host). Relative asset URLs, so it works under either origin.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 2048,
  },
  worker: { format: 'es' },
});
