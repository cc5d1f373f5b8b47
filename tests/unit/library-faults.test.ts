import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, HostError, type Client } from '../../src/contract';
import { createHost } from '../../src/node/host-impl';
import type { Host } from '../../src/node/host';
import { ReviewDocument } from '../../renderer/document/review-document';
import { scriptForNobody, whyNotAsNobody, type NobodyScript } from '../helpers/as-nobody';

/**
 * Saving when the disk says no (DESIGN §6, research/security-reliability.md §4.2): a full disk,
 * a read-only file system and a folder the critic may not write. Each time the save fails with
 * a clear sentence, the buffer stays dirty, the file on disk is untouched (no temp file left),
 * and a later save succeeds once the cause is gone. Real faults, not mocks: a 64 KB tmpfs and a
 * remount need root; permissions are checked as `nobody`, since root ignores them.
 */

const review = '---\ntitle: Small\n---\nThe first words.\n';

function probeMount(): string | null {
  if (process.platform !== 'linux') return 'tmpfs mounts need Linux';
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  const dir = join(tmpdir(), `intertitle-mount-probe-${process.pid}`);
  try {
    execFileSync('mkdir', ['-p', dir]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir]);
    return null;
  } catch (error) {
    return `mount is not permitted here (${String((error as Error).message).split('\n')[0]})`;
  } finally {
    spawnSync('rmdir', [dir]);
  }
}

const mountProblem = probeMount();
const nobodyProblem = whyNotAsNobody();
if (mountProblem) console.warn(`[library-faults] skipping disk-full and read-only tests: ${mountProblem}`);
if (nobodyProblem) console.warn(`[library-faults] skipping the permission test: ${nobodyProblem}`);

/** The renderer's client, straight onto the host's handlers (the real dispatch, no transport). */
function clientFor(host: Host): Pick<Client, 'call'> {
  return {
    call: async (name, args) => {
      const envelope = await dispatch(host.handlers, name, args, { via: 'direct' });
      if (envelope.ok) return envelope.value as never;
      throw new HostError(envelope.error.code, envelope.error.message, envelope.error.details);
    },
  };
}

describe.skipIf(mountProblem !== null)('saving on a full or read-only disk', () => {
  let base: string;
  let library: string;
  let host: Host;
  let text: string;
  let document: ReviewDocument;

  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'intertitle-faults-'));
    library = join(base, 'library');
    await mkdir(library);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', library]);
    await writeFile(join(library, 'review.md'), review);
    host = await createHost({
      kind: 'http',
      version: 'test',
      userDataDir: join(base, 'user-data'),
      documentsDir: join(base, 'documents'),
      initialLibrary: library,
      watchLibrary: false,
      emit: () => {},
    });
    const client = clientFor(host);
    const file = await client.call('review.read', { path: 'review.md' });
    document = new ReviewDocument(client, file, { autosaveMs: 60_000, retryMs: 60_000, journalMs: 60_000 });
    text = file.text;
    document.attach(() => text);
  });
  afterEach(async () => {
    document.dispose();
    await host.close();
    spawnSync('mount', ['-o', 'remount,rw', library]);
    spawnSync('umount', [library]);
    await rm(base, { recursive: true, force: true });
  });

  async function expectUntouched() {
    expect(await readFile(join(library, 'review.md'), 'utf8')).toBe(review);
    expect((await readdir(library)).filter((name) => name.endsWith('.intertitle-tmp'))).toEqual([]);
  }

  it('disk full: the save fails saying so, the buffer stays dirty, and saving works once there is room', async () => {
    // Fill the 64 KB disk, leaving less than the new text needs.
    await writeFile(join(library, 'filler'), Buffer.alloc(40 * 1024));
    let filled = 0;
    try {
      for (;;) {
        await writeFile(join(library, `filler-${filled}`), Buffer.alloc(4096));
        filled++;
      }
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    text = `${review}${'A long paragraph the critic typed. '.repeat(400)}\n`;
    document.changed();
    await document.save();
    expect(document.saveState).toMatchObject({ kind: 'failed', message: 'Could not save review.md: the disk is full.' });
    expect(document.dirty).toBe(true);
    await expectUntouched();

    await rm(join(library, 'filler'));
    for (let i = 0; i < filled; i++) await rm(join(library, `filler-${i}`));
    await document.save();
    expect(document.saveState.kind).toBe('saved');
    expect(await readFile(join(library, 'review.md'), 'utf8')).toBe(text);
  });

  it('read-only file system: the save fails saying so, nothing changes, and it saves after a remount', async () => {
    execFileSync('mount', ['-o', 'remount,ro', library]);
    text = `${review}More words.\n`;
    document.changed();
    await document.save();
    expect(document.saveState).toMatchObject({ kind: 'failed', message: 'Could not save review.md: the disk is read-only.' });
    expect(document.dirty).toBe(true);
    await expectUntouched();

    execFileSync('mount', ['-o', 'remount,rw', library]);
    await document.save();
    expect(document.saveState.kind).toBe('saved');
    expect(await readFile(join(library, 'review.md'), 'utf8')).toBe(text);
  });
});

describe.skipIf(nobodyProblem !== null)('saving without permission (as nobody)', () => {
  let base: string;
  let script: NobodyScript;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'intertitle-perm-'));
    await chmod(base, 0o755);
    // The save primitive on its own, run as nobody.
    script = await scriptForNobody(`
      import { saveReview, readReview } from './src/node/review-store';
      const [root, path, text] = process.argv.slice(2);
      try {
        const { revision } = await readReview(root, path);
        const saved = await saveReview(root, path, text, false, revision);
        console.log(JSON.stringify({ ok: true, revision: saved.revision }));
      } catch (error) {
        console.log(JSON.stringify({ ok: false, code: error.code, message: error.message }));
      }`);
  });
  afterAll(async () => {
    await script.cleanup();
    await rm(base, { recursive: true, force: true });
  });

  function saveAsNobody(root: string, path: string, text: string): { ok: boolean; code?: string; message?: string } {
    const run = script.run([root, path, text]);
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout);
  }

  it.each([
    ['a folder it may not write in', 0o555, 0o644],
    ['a file marked read-only', 0o777, 0o444],
  ])('%s: the save fails with a clear message, the file is untouched, and it saves once allowed', async (_what, folderMode, fileMode) => {
    const root = await mkdtemp(join(base, 'library-'));
    await writeFile(join(root, 'review.md'), review);
    await chmod(join(root, 'review.md'), fileMode);
    await chmod(root, folderMode);

    const refused = saveAsNobody(root, 'review.md', 'Mine.\n');
    expect(refused).toEqual({
      ok: false,
      code: 'io',
      message: "Could not save review.md: Intertitle is not allowed to (check the folder's permissions).",
    });
    expect(await readFile(join(root, 'review.md'), 'utf8')).toBe(review);
    expect((await readdir(root)).filter((name) => name.endsWith('.intertitle-tmp'))).toEqual([]);

    await chmod(root, 0o777);
    await chmod(join(root, 'review.md'), 0o666);
    expect(saveAsNobody(root, 'review.md', 'Mine.\n').ok).toBe(true);
    expect(await readFile(join(root, 'review.md'), 'utf8')).toBe('Mine.\n');
  });
});
