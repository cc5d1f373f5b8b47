// `npm start` (after scripts/build.mjs): runs the built app in Electron. Where the Electron
// binary is missing — it cannot be downloaded on our build machines — it says so, points to the
// browser host, and exits 1. Arguments are passed on (`npm start -- --library ~/Reviews`).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** The Electron executable, or null with the reason it is unusable. */
function findElectron() {
  try {
    // The electron package exports the path of its binary, and throws when it was never fetched.
    const binary = require('electron');
    if (typeof binary === 'string' && existsSync(binary)) return { binary };
    return { reason: `the Electron binary is missing (expected at ${binary})` };
  } catch (error) {
    return { reason: `the Electron binary is not installed (${String(error?.message ?? error).split('\n')[0]})` };
  }
}

const found = findElectron();
if (!found.binary) {
  console.error(`Intertitle cannot start as a desktop app here: ${found.reason}.`);
  console.error('Run the same app in your browser instead:');
  console.error('  npm run web -- --library <folder of reviews>');
  console.error('For the desktop app, fetch Electron where GitHub is reachable: node node_modules/electron/install.js');
  process.exit(1);
}
if (!existsSync(new URL('../dist/electron/main.cjs', import.meta.url))) {
  console.error('dist/electron/main.cjs is missing: run `node scripts/build.mjs` first (npm start does).');
  process.exit(1);
}

// ELECTRON_RUN_AS_NODE would turn the app into a plain Node process.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(found.binary, [root, ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!child.killed) child.kill(signal);
  });
}
child.on('error', (error) => {
  console.error(`Could not start Electron: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
