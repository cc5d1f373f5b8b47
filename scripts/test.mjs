// `npm test`: build, type-check, the import rule, vitest, then Playwright in Chromium (the browser
// host) and Playwright for Electron (skips, saying why, where there is no Electron binary).
// Every step runs even when an earlier one failed, so one run shows everything that is wrong.
// The closing line sums vitest and Playwright results, plus one per check (build, types, imports).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const out = '.test-output';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const totals = { passed: 0, failed: 0 };
const lines = [];

function run(command, args, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: result.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function check(name, command, args) {
  console.log(`\n── ${name} ──`);
  const { ok, seconds } = run(command, args);
  totals[ok ? 'passed' : 'failed']++;
  lines.push(`${name}: ${ok ? 'ok' : 'FAILED'} (${seconds} s)`);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const node = process.execPath;
const built = check('build', node, ['scripts/build.mjs']);
check('typecheck', node, ['scripts/typecheck.mjs']);
if (built) check('electronegativity', node, ['scripts/electronegativity.mjs', 'dist']);
check('import rule', node, ['node_modules/dependency-cruiser/bin/dependency-cruise.mjs', 'src', 'renderer', 'electron', '--config', '.dependency-cruiser.cjs']);

console.log('\n── vitest ──');
const vitestFile = `${out}/vitest.json`;
const vitest = run(node, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestFile}`]);
const v = readJson(vitestFile);
if (v) {
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests;
  lines.push(`vitest: ${v.numPassedTests} passed, ${v.numFailedTests} failed, ${v.numPendingTests + v.numTodoTests} skipped (${vitest.seconds} s)`);
} else {
  totals.failed++;
  lines.push('vitest: did not report (it crashed before writing results)');
}

function playwright(name, config, file) {
  console.log(`\n── ${name} ──`);
  if (!built) {
    totals.failed++;
    lines.push(`${name}: not run, the build failed`);
    return;
  }
  const result = run(node, ['node_modules/@playwright/test/cli.js', 'test', '--config', config], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  const report = readJson(file);
  if (report) {
    const { expected, unexpected, flaky, skipped } = report.stats;
    totals.passed += expected + flaky;
    totals.failed += unexpected;
    lines.push(`${name}: ${expected + flaky} passed, ${unexpected} failed, ${skipped} skipped (${result.seconds} s)`);
    if (!result.ok && unexpected === 0) {
      totals.failed++;
      lines.push(`${name}: the runner failed outside the tests (see above)`);
    }
  } else {
    totals.failed++;
    lines.push(`${name}: did not report (see the error above)`);
  }
}

playwright('e2e (Chromium, browser host)', 'playwright.config.ts', `${out}/playwright.json`);
if (existsSync('playwright.electron.config.ts')) {
  playwright('e2e (Electron)', 'playwright.electron.config.ts', `${out}/playwright-electron.json`);
}

console.log('\n── summary ──');
for (const line of lines) console.log(line);
writeFileSync(`${out}/summary.json`, JSON.stringify(totals));
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
