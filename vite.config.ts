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
    rolldownOptions: {
      // The request table's argument schemas are for the hosts, which check every argument; the
      // renderer imports only types and HostError through the contract's index. Without this its
      // zod schemas were built at every start (docs/performance.md, "Renderer start").
      treeshake: { moduleSideEffects: [{ test: /src[\\/]contract[\\/]requests\.ts$/, sideEffects: false }] },
    },
  },
  worker: { format: 'es' },
});
