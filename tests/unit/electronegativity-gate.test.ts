import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function gate(dir: string) {
  const run = spawnSync(process.execPath, ['scripts/electronegativity.mjs', dir], { encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe('the Electronegativity gate', () => {
  it('fails on an unsafe main process and names the findings', () => {
    const { status, out } = gate('tests/fixtures/electronegativity-bad');
    expect(status).toBe(1);
    expect(out).toMatch(/CONTEXT_ISOLATION_JS_CHECK[\s\S]*→ FAIL/);
    expect(out).toMatch(/WEB_SECURITY_JS_CHECK[\s\S]*→ FAIL/);
  }, 120_000);
});
