// Type-checks each area with its own globals: src/ sees neither DOM nor Node, src/node sees Node,
// renderer/ sees the DOM, electron/ sees Node. A DOM or Node global in the wrong area fails here.
import { spawnSync } from 'node:child_process';

const projects = ['src', 'src/node', 'renderer', 'electron', 'tests'];
let failed = 0;
for (const project of projects) {
  const started = Date.now();
  const run = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
  const ok = run.status === 0;
  if (!ok) failed++;
  console.log(`typecheck ${project}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
process.exit(failed ? 1 : 0);
