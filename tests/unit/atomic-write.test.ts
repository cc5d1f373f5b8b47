import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile, chmod, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTempFile, writeFileAtomic } from '../../src/node/atomic-write';
import { tempDir } from '../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let childScript: string;

// Two versions of a large review: big enough that a write takes a while, so kills land mid-write.
const size = 4 * 1024 * 1024;
const oldText = 'o'.repeat(size - 1) + '\n';
const newText = 'n'.repeat(size - 1) + '\n';

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('intertitle-atomic-'));
  // The child saves in a loop with the real module, bundled for plain Node.
  const entry = join(dir, 'child-entry.ts');
  await writeFile(
    entry,
    `import { writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { writeFileAtomic } from ${JSON.stringify(join(process.cwd(), 'src/node/atomic-write.ts'))};
const [target, mode] = process.argv.slice(2);
const texts = [${JSON.stringify('n')}.repeat(${size - 1}) + '\\n', ${JSON.stringify('o')}.repeat(${size - 1}) + '\\n'];
let i = 0;
process.stdout.write('ready\\n');
for (;;) {
  const text = texts[i++ % 2];
  if (mode === 'plain') await writeFile(target, text);
  else await writeFileAtomic(target, text);
}
`,
  );
  childScript = join(dir, 'child.mjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: childScript, logLevel: 'error' });
});

afterAll(() => cleanup());

/** Starts a child saving `target` in a loop, kills it with SIGKILL after a random delay. */
function killMidSave(target: string, mode: 'atomic' | 'plain'): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, target, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.once('error', reject);
    child.stdout.once('data', () => {
      setTimeout(() => child.kill('SIGKILL'), 5 + Math.random() * 60);
    });
    child.once('exit', () => resolve());
  });
}

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temp file', async () => {
    const target = join(dir, 'review.md');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new text\n');
    expect(await readFile(target, 'utf8')).toBe('new text\n');
    expect((await readdir(dir)).filter(isTempFile)).toEqual([]);
  });

  it('keeps the file mode of the file it replaces', async () => {
    const target = join(dir, 'mode.md');
    await writeFile(target, 'old');
    await chmod(target, 0o600);
    await writeFileAtomic(target, 'new');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('leaves the old file and no temp file when the write fails', async () => {
    const target = join(dir, 'missing-folder', 'review.md');
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('leaves exactly the old or the new content when the saving process is killed (40 kills)', async () => {
    const target = join(dir, 'killed.md');
    const seen = { old: 0, new: 0 };
    for (let i = 0; i < 40; i++) {
      await writeFile(target, oldText);
      await killMidSave(target, 'atomic');
      const content = await readFile(target, 'utf8');
      const intact = content === oldText || content === newText;
      expect(intact, `kill ${i}: file has ${content.length} bytes, neither version`).toBe(true);
      seen[content === oldText ? 'old' : 'new']++;
    }
    // Both outcomes happen, so the kills really landed at different points of the save.
    expect(seen.new).toBeGreaterThan(0);
  }, 120_000);

  it('the same harness does catch damage from a plain, non-atomic write', async () => {
    const target = join(dir, 'plain.md');
    let damaged = 0;
    for (let i = 0; i < 60 && damaged === 0; i++) {
      await writeFile(target, oldText);
      await killMidSave(target, 'plain');
      const content = await readFile(target, 'utf8');
      if (content !== oldText && content !== newText) damaged++;
    }
    expect(damaged).toBeGreaterThan(0);
  }, 120_000);
});
