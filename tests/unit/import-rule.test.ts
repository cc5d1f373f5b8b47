import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

function cruise(cwd: string) {
  const run = spawnSync(
    process.execPath,
    [depcruise, 'src', 'renderer', 'electron', '--config', join(root, '.dependency-cruiser.cjs')],
    { cwd, encoding: 'utf8' },
  );
  const violations = [...run.stdout.matchAll(/^\s*error ([\w-]+): (\S+) → (\S+)$/gm)].map((m) => `${m[1]}: ${m[2]} → ${m[3]}`);
  return { status: run.status, violations };
}

describe('the import rule (DESIGN §2)', () => {
  it('finds each kind of forbidden import in a fixture tree, and only those', () => {
    const { status, violations } = cruise(join(root, 'tests/fixtures/import-rule'));
    expect(status).not.toBe(0);
    expect(violations.sort()).toEqual([
      'core-knows-no-host: src/uses-adapter.ts → src/node/adapter.ts',
      'core-no-node-builtins: src/uses-node.ts → fs',
      'renderer-no-host-code: renderer/uses-host.ts → electron/handler.ts',
      'renderer-no-host-code: renderer/uses-host.ts → src/node/adapter.ts',
    ]);
  }, 60_000);
});
