import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './src/security/csp.ts';

/**
 * The hosts send the CSP as a header; the page carries it too, so it holds however the page is
 * loaded. frame-ancestors is dropped: browsers ignore it (and complain) in a <meta> element.
 */
function cspMeta(): Plugin {
  const policy = contentSecurityPolicy('intertitle-still:')
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'intertitle-csp-meta',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

// The renderer, built to dist/renderer and served by both hosts (Electron's app scheme and the
// HTTP host). Relative asset URLs, so it works under either origin.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [cspMeta(), react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 2048,
  },
  worker: { format: 'es' },
});
