import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostError, type RecoveryEntry, type ReviewFile } from '../../src/contract';
import { ReviewDocument } from '../../renderer/document/review-document';

const file: ReviewFile = { path: 'a/index.md', text: 'one\n', bom: false, revision: 'r0', readOnly: null };
const timing = { autosaveMs: 1000, retryMs: 3000, journalMs: 700 };

/**
 * A fake host with a disk: `review.read` answers what is on it, `review.save` checks the base
 * revision like the real host, and every call is recorded.
 */
function fakeHost(initial = { text: file.text, revision: 'r0' as string | null }) {
  const disk = { ...initial };
  const calls: Array<{ name: string; args: Record<string, unknown> }> = [];
  let saves = 0;
  const client = {
    call: vi.fn(async (name: string, args: Record<string, unknown>) => {
      calls.push({ name, args });
      switch (name) {
        case 'review.read':
          if (disk.revision === null) throw new HostError('not-found', 'gone');
          return { ...file, text: disk.text, revision: disk.revision };
        case 'review.save':
          if (disk.revision !== null && disk.revision !== args.baseRevision) {
            throw new HostError('conflict', 'changed by another program', { revision: disk.revision });
          }
          disk.text = args.text as string;
          disk.revision = `saved-${++saves}`;
          return { revision: disk.revision };
        case 'review.keepMine':
          if (disk.revision !== args.theirsRevision) throw new HostError('conflict', 'again', { revision: disk.revision });
          disk.text = args.text as string;
          disk.revision = 'kept';
          return { revision: 'kept', keptAs: 'a/index.conflict-2024-01-01-120000.md' };
        default:
          return null;
      }
    }),
  };
  const named = (name: string) => calls.filter((c) => c.name === name).map((c) => c.args);
  return { client, disk, calls, named };
}

let text: string;
/** An editor stand-in: the document reads and replaces `text` through it. */
function open(host: ReturnType<typeof fakeHost>, f: ReviewFile = file) {
  text = f.text;
  const doc = new ReviewDocument(host.client as never, f, timing);
  doc.attach(() => text);
  doc.onReplace((next) => {
    text = next;
    doc.changed(); // the editor reports its own change; the document must not count a reload as an edit
  });
  return doc;
}
function type(doc: ReviewDocument, next: string) {
  text = next;
  doc.changed();
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('recovery journal', () => {
  it('journals unsaved text within a second, even while the critic keeps typing', async () => {
    const host = fakeHost();
    const doc = open(host);
    for (let i = 1; i <= 10; i++) {
      type(doc, `one${'!'.repeat(i)}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    // Typing never paused for the autosave, but the journal has the text.
    expect(host.named('review.save')).toEqual([]);
    expect(host.named('journal.write').at(-1)).toMatchObject({ path: 'a/index.md', baseRevision: 'r0' });
    expect((host.named('journal.write')[0]!.text as string).startsWith('one!')).toBe(true);
  });

  it('clears the journal entry once the text is saved', async () => {
    const host = fakeHost();
    const doc = open(host);
    type(doc, 'two\n');
    await vi.advanceTimersByTimeAsync(1000);
    await doc.journalSettled();
    expect(host.calls.map((c) => c.name)).toEqual(['journal.write', 'review.save', 'journal.clear']);
  });

  it('shows why the journal could not be written, and keeps editing', async () => {
    const host = fakeHost();
    host.client.call.mockImplementationOnce(async () => {
      throw new HostError('io', 'Could not keep a recovery copy of a/index.md: the disk is full.');
    });
    const doc = open(host);
    type(doc, 'two\n');
    await vi.advanceTimersByTimeAsync(700);
    await doc.journalSettled();
    expect(doc.journalProblem).toMatch(/disk is full/);
    expect(doc.dirty).toBe(true);
  });

  it('restores journaled text as an unsaved buffer that saves against its old revision', async () => {
    const host = fakeHost();
    const entry: RecoveryEntry = { id: 'x', path: 'a/index.md', text: 'recovered\n', bom: false, baseRevision: 'r0', savedAt: '', kind: 'unsaved', diskRevision: 'r0' };
    text = entry.text;
    const doc = ReviewDocument.restore(host.client as never, entry, file, timing);
    doc.attach(() => text);
    expect(doc.initialText).toBe('recovered\n');
    expect(doc.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(host.named('review.save')).toEqual([{ path: 'a/index.md', text: 'recovered\n', bom: false, baseRevision: 'r0' }]);
    expect(host.disk.text).toBe('recovered\n');
  });

  it('restoring text whose file changed since meets a conflict instead of overwriting', async () => {
    const host = fakeHost({ text: 'newer on disk\n', revision: 'r9' });
    const entry: RecoveryEntry = { id: 'x', path: 'a/index.md', text: 'recovered\n', bom: false, baseRevision: 'r0', savedAt: '', kind: 'unsaved', diskRevision: 'r9' };
    text = entry.text;
    const doc = ReviewDocument.restore(host.client as never, entry, { ...file, revision: 'r9' }, timing);
    doc.attach(() => text);
    await vi.advanceTimersByTimeAsync(1000);
    expect(doc.saveState).toMatchObject({ kind: 'conflict', theirs: 'r9' });
    expect(host.disk.text).toBe('newer on disk\n');
  });
});

describe('changes on disk', () => {
  it('reloads a clean buffer silently, without counting it as an edit', async () => {
    const host = fakeHost();
    const doc = open(host);
    Object.assign(host.disk, { text: 'theirs\n', revision: 'r1' });
    await doc.diskChanged({ revision: 'r1' });
    expect(text).toBe('theirs\n');
    expect(doc.saveState.kind).toBe('saved');
    expect(doc.dirty).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(host.named('review.save')).toEqual([]);
    // The next edit is based on the reloaded revision.
    type(doc, 'theirs, then mine\n');
    await doc.save();
    expect(host.named('review.save')[0]).toMatchObject({ baseRevision: 'r1' });
  });

  it('ignores an event for the revision it already has (its own save)', async () => {
    const host = fakeHost();
    const doc = open(host);
    type(doc, 'mine\n');
    await doc.save();
    await doc.diskChanged({ revision: 'saved-1' });
    expect(host.named('review.read')).toEqual([]);
    expect(text).toBe('mine\n');
  });

  it('puts a dirty buffer in conflict and journals it; autosave stops; nothing is overwritten', async () => {
    const host = fakeHost();
    const doc = open(host);
    type(doc, 'mine\n');
    Object.assign(host.disk, { text: 'theirs\n', revision: 'r1' });
    await doc.diskChanged({ revision: 'r1' });
    expect(doc.saveState).toMatchObject({ kind: 'conflict', theirs: 'r1' });
    expect(text).toBe('mine\n');
    type(doc, 'mine, more\n');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(host.named('review.save')).toEqual([]);
    expect(host.disk.text).toBe('theirs\n');
    expect(host.named('journal.write').at(-1)).toMatchObject({ text: 'mine, more\n' });
  });

  it('keep mine: saves over theirs through keepMine (which keeps theirs as a copy)', async () => {
    const host = fakeHost();
    const doc = open(host);
    type(doc, 'mine\n');
    Object.assign(host.disk, { text: 'theirs\n', revision: 'r1' });
    await doc.diskChanged({ revision: 'r1' });
    expect(await doc.keepMine()).toBe('a/index.conflict-2024-01-01-120000.md');
    expect(host.named('review.keepMine')).toEqual([{ path: 'a/index.md', text: 'mine\n', bom: false, theirsRevision: 'r1' }]);
    expect(doc.saveState.kind).toBe('saved');
    expect(host.disk.text).toBe('mine\n');
  });

  it('keep mine when the disk changed yet again stays in conflict with the newest revision', async () => {
    const host = fakeHost();
    const doc = open(host);
    type(doc, 'mine\n');
    await doc.diskChanged({ revision: 'r1' });
    Object.assign(host.disk, { text: 'theirs again\n', revision: 'r2' });
    await expect(doc.keepMine()).rejects.toThrow();
    expect(doc.saveState).toMatchObject({ kind: 'conflict', theirs: 'r2' });
    expect(host.disk.text).toBe('theirs again\n');
  });

  it('take theirs: sets mine aside in the journal first, then shows theirs', async () => {
    const host = fakeHost();
    const doc = open(host);
    type(doc, 'mine\n');
    Object.assign(host.disk, { text: 'theirs\n', revision: 'r1' });
    await doc.diskChanged({ revision: 'r1' });
    await doc.takeTheirs();
    expect(host.named('journal.write').at(-1)).toEqual({ path: 'a/index.md', text: 'mine\n', bom: false, baseRevision: 'r0', setAside: true });
    expect(text).toBe('theirs\n');
    expect(doc.dirty).toBe(false);
  });

  it('a typed change while the new text is read turns the reload into a conflict', async () => {
    const host = fakeHost();
    const doc = open(host);
    Object.assign(host.disk, { text: 'theirs\n', revision: 'r1' });
    const reloading = doc.diskChanged({ revision: 'r1' });
    type(doc, 'typed just now\n');
    await reloading;
    expect(text).toBe('typed just now\n');
    expect(doc.saveState.kind).toBe('conflict');
  });

  it.each([
    [{ revision: null }, /was deleted by another program/, null],
    [{ revision: null, renamedTo: 'b/index.md' }, /was moved to b\/index\.md/, 'b/index.md'],
  ])('keeps a buffer open and unsaved when its file goes away (%j), and saves it again only when asked', async (change, message, renamedTo) => {
    const host = fakeHost();
    const doc = open(host);
    host.disk.revision = null;
    await doc.diskChanged(change);
    expect(doc.saveState).toMatchObject({ kind: 'missing', renamedTo });
    expect((doc.saveState as { message: string }).message).toMatch(message);
    expect(doc.dirty).toBe(true);
    type(doc, 'one, still here\n');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(host.named('review.save')).toEqual([]);
    await doc.flush();
    expect(host.named('review.save')).toEqual([]);
    await doc.save();
    expect(host.named('review.save')).toEqual([{ path: 'a/index.md', text: 'one, still here\n', bom: false, baseRevision: null }]);
    expect(doc.saveState.kind).toBe('saved');
    expect(host.disk.text).toBe('one, still here\n');
  });

  it('waits for a save in flight before judging an outside change', async () => {
    const host = fakeHost();
    const doc = open(host);
    type(doc, 'mine\n');
    const saving = doc.save();
    const judging = doc.diskChanged({ revision: 'saved-1' });
    await saving;
    await judging;
    expect(doc.saveState.kind).toBe('saved');
    expect(host.named('review.read')).toEqual([]);
  });
});
