// Runs Doyensec's Electronegativity on the built main process, preload and page, and fails on any
// finding of MEDIUM severity or above that is not listed below as reviewed, with its reason.
// (Its CLI always exits 0, so this reads its results instead.) Offline it prints that it could
// not fetch translations; its release check needs the network and is skipped.
//   node scripts/electronegativity.mjs [dir]   (default: dist; a dir with electron/*.cjs and renderer/index.html,
//                                               or, for tests, a folder of .js/.html files)
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Findings we have looked at, and why they are not a problem. */
export const reviewed = {
  OPEN_EXTERNAL_JS_CHECK:
    'openExternalSafe (electron/security.ts) parses the URL, allows only https: and mailto:, and asks the critic first; tested in tests/electron/security.test.ts.',
};

const severityRank = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };
const electronVersion = createRequire(import.meta.url)('electron/package.json').version;

/** Electronegativity reads only .js/.ts/.html files: copy the bundles under names it reads. */
function stage(dir) {
  const staged = mkdtempSync(join(tmpdir(), 'intertitle-eg-'));
  if (existsSync(join(dir, 'electron'))) {
    for (const name of readdirSync(join(dir, 'electron')).filter((n) => n.endsWith('.cjs'))) {
      cpSync(join(dir, 'electron', name), join(staged, name.replace(/\.cjs$/, '.js')));
    }
    cpSync(join(dir, 'renderer', 'index.html'), join(staged, 'index.html'));
  } else {
    cpSync(dir, staged, { recursive: true });
  }
  return staged;
}

export async function scan(dir) {
  const run = createRequire(import.meta.url)('@doyensec/electronegativity');
  const staged = stage(dir);
  try {
    const result = await run({
      input: staged,
      electronVersionOverride: electronVersion,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    });
    return result.issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity?.name ?? 'INFORMATIONAL',
      manualReview: Boolean(issue.manualReview),
      where: `${issue.file === 'N/A' ? 'global' : issue.file.slice(staged.length + 1)}:${issue.location?.line ?? 0}`,
      description: issue.description,
    }));
  } finally {
    rmSync(staged, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  const findings = await scan(dir);
  let failing = 0;
  for (const f of findings) {
    const serious = severityRank[f.severity] >= severityRank.MEDIUM;
    const reason = reviewed[f.id];
    const verdict = !serious ? 'ok (below MEDIUM)' : reason ? `reviewed: ${reason}` : 'FAIL';
    if (serious && !reason) failing++;
    console.log(`${f.severity.padEnd(13)} ${f.id} at ${f.where}: ${f.description}\n    → ${verdict}`);
  }
  console.log(`electronegativity: ${findings.length} finding(s), ${failing} not reviewed at MEDIUM or above`);
  process.exit(failing ? 1 : 0);
}
