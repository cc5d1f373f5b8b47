// Builds everything the app and the tests run: the renderer (vite), the Electron main process and
// preload (esbuild, CommonJS: a sandboxed preload cannot be an ES module) and the CLI.
// `--only cli` builds just the CLI (used by `npm run cli`, which must start fast).
import { build as esbuild } from 'esbuild';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = values.only;
const started = Date.now();

// What stays outside the bundles and ships in node_modules: sharp is native, and jsdom reads its
// own files at run time. They are the package's only `dependencies`; everything else is bundled.
const runtimePackages = ['sharp', 'jsdom'];

async function buildCli() {
  await esbuild({
    entryPoints: { intertitle: 'src/node/cli-main.ts' },
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: runtimePackages,
    // Bundled CommonJS packages call require(); give the ES module one.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __intertitleRequire } from 'node:module';\nconst require = __intertitleRequire(import.meta.url);" },
    sourcemap: true,
    logLevel: 'warning',
  });
}

async function buildElectron() {
  await esbuild({
    entryPoints: { main: 'electron/main.ts', preload: 'electron/preload.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    // Electron is provided by the runtime.
    external: ['electron', ...runtimePackages],
    // src/node/sanitizer.ts finds jsdom through __filename in this CommonJS bundle and through
    // import.meta.url in the CLI's ES module; the unused branch is harmless here.
    logOverride: { 'empty-import-meta': 'silent' },
    sourcemap: true,
    logLevel: 'warning',
  });
}

async function buildRenderer() {
  const { build } = await import('vite');
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}

const steps = { cli: buildCli, electron: buildElectron, renderer: buildRenderer };
const chosen = only ? only.split(',') : Object.keys(steps);
for (const name of chosen) {
  if (!(name in steps)) {
    console.error(`build: unknown part "${name}" (parts: ${Object.keys(steps).join(', ')})`);
    process.exit(2);
  }
}
try {
  await Promise.all(chosen.map((name) => steps[name]()));
} catch (error) {
  console.error(`build failed: ${error?.message ?? error}`);
  process.exit(1);
}
if (!only) console.error(`built ${chosen.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
