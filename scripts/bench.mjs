// Runs the benchmarks (`npm run bench`, which builds first): every tests/bench/<area>.bench.ts,
// each bundled with esbuild and run in its own Node process, so one area's memory and JIT state
// never colour another's. Prints a table, then LAST one line of JSON: {"results": [...]}.
// Exits non-zero when a result misses its budget or a benchmark fails to run.
//
//   node scripts/bench.mjs [area ...]     only the files whose name contains one of the words
//   INTERTITLE_BENCH_TIMEOUT_S=900        per-file time limit (default 600 s)
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

const root = process.cwd();
const benchDir = join(root, 'tests', 'bench');
const filters = process.argv.slice(2);
const timeoutMs = Number(process.env.INTERTITLE_BENCH_TIMEOUT_S ?? 600) * 1000;
const FIELDS = ['name', 'value', 'unit', 'baseline', 'ratio', 'budget', 'pass'];

const files = (await readdir(benchDir))
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => !filters.length || filters.some((word) => file.includes(word)))
  .sort();
if (!files.length) {
  console.error(`bench: no tests/bench/*.bench.ts${filters.length ? ` matching ${filters.join(', ')}` : ''}`);
  process.exit(2);
}

// Inside node_modules, so the bundles' bare imports (packages stay external) resolve from here.
await mkdir(join(root, 'node_modules', '.cache'), { recursive: true });
const temp = await mkdtemp(join(root, 'node_modules', '.cache', 'intertitle-bench-'));
const rows = [];
let broken = 0;
try {
  for (const file of files) {
    const area = file.slice(0, -'.bench.ts'.length);
    const started = Date.now();
    const load = loadavg()[0];
    // Latency numbers are only as good as the machine is quiet: say so when it is not.
    const busy = load > availableParallelism() ? ` — the machine is busy (load ${load.toFixed(1)}); expect noisy numbers` : '';
    console.error(`\n▶ ${area}${busy}`);
    try {
      const results = await runOne(area, file);
      for (const result of results) rows.push({ area, ...result });
      console.error(`✔ ${area}: ${results.length} results in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    } catch (error) {
      broken++;
      console.error(`✘ ${area}: ${error.message}`);
      rows.push({ area, name: `${area}: did not finish (${error.message.split('\n')[0]})`, value: Number.NaN, unit: '', baseline: null, ratio: null, budget: 'runs', pass: false });
    }
  }
} finally {
  await rm(temp, { recursive: true, force: true });
}

printTable(rows);
const failed = rows.filter((row) => !row.pass).length;
console.log(`\n${rows.length - failed} within budget, ${failed} over budget or not run${broken ? ` (${broken} benchmark file(s) failed)` : ''}`);
console.log(JSON.stringify({ results: rows.map((row) => Object.fromEntries(FIELDS.map((key) => [key, json(row[key])]))) }));
process.exit(failed ? 1 : 0);

async function runOne(area, file) {
  const outfile = join(temp, `${area}.mjs`);
  const resultsFile = join(temp, `${area}.json`);
  const entry = [
    `import run from ${JSON.stringify(`./${relative(root, join(benchDir, file))}`)};`,
    `import { writeFileSync } from 'node:fs';`,
    `writeFileSync(process.env.INTERTITLE_BENCH_RESULTS, JSON.stringify(await run()));`,
  ].join('\n');
  await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: `${area}-entry.ts`, loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  // Its own process group, so a timeout also ends the browser and hosts it started.
  const child = spawn(process.execPath, ['--enable-source-maps', '--expose-gc', outfile], {
    cwd: root,
    env: { ...process.env, INTERTITLE_BENCH_RESULTS: resultsFile },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const prefix = (chunk) => chunk.toString().replace(/^(?=.)/gm, `  [${area}] `);
  child.stdout.on('data', (chunk) => process.stderr.write(prefix(chunk)));
  child.stderr.on('data', (chunk) => process.stderr.write(prefix(chunk)));
  const code = await new Promise((resolve) => {
    const timer = setTimeout(() => {
      console.error(`  [${area}] over the ${timeoutMs / 1000} s limit: stopping it`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, timeoutMs);
    child.once('exit', (exitCode, signal) => {
      clearTimeout(timer);
      // Whatever a crashed benchmark left running (a browser, a host, Xvfb) is in its group.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      resolve(signal ?? exitCode);
    });
  });
  if (code !== 0) throw new Error(`exited with ${code}`);
  const results = JSON.parse(await readFile(resultsFile, 'utf8'));
  if (!Array.isArray(results)) throw new Error('its default export did not return an array of results');
  for (const result of results) {
    const ok =
      result &&
      typeof result.name === 'string' &&
      typeof result.value === 'number' &&
      typeof result.unit === 'string' &&
      (result.baseline === null || typeof result.baseline === 'number') &&
      (result.ratio === null || typeof result.ratio === 'number') &&
      typeof result.budget === 'string' &&
      typeof result.pass === 'boolean';
    if (!ok) throw new Error(`a result is not a BenchResult: ${JSON.stringify(result).slice(0, 200)}`);
  }
  return results;
}

/** NaN and Infinity are not JSON: they become null. */
function json(value) {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

function number(value) {
  if (value === null || value === undefined) return '—';
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  return abs >= 1000 ? Math.round(value).toLocaleString('en-US') : abs >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function printTable(list) {
  const header = ['area', 'benchmark', 'value', 'baseline', 'ratio', 'budget', ''];
  const lines = list.map((row) => [
    row.area,
    row.name,
    `${number(row.value)} ${row.unit}`.trim(),
    row.baseline === null ? '—' : `${number(row.baseline)} ${row.unit}`.trim(),
    row.ratio === null ? '—' : `${number(row.ratio)}×`,
    row.budget,
    row.pass ? 'ok' : 'OVER',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  const format = (cells) => cells.map((cell, i) => (i >= 2 && i <= 4 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  console.log('');
  console.log(format(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}
